import { renderPage, type Page } from '../http/pageSecurity';

/** Apollo's embeddable Sandbox: the one script file the Sandbox page loads, and the frame it opens. */
const SANDBOX_SCRIPT = 'https://embeddable-sandbox.cdn.apollographql.com/_latest/embeddable-sandbox.umd.production.min.js';
const SANDBOX_FRAME = 'https://sandbox.embed.apollographql.com';
/** The `style` attribute the Sandbox script puts on its iframe. */
const SANDBOX_IFRAME_STYLE = 'height: 100%; width: 100%; border: none;';

const STYLE = `body{font-family:system-ui,sans-serif;margin:1.5em}label{display:block;margin:.5em 0}
#sandbox{height:80vh}.code{width:100%;font-family:monospace}#out{background:#f4f4f4;padding:1em;white-space:pre-wrap}`;

const SANDBOX_SCRIPT_INLINE = `(function () {
  'use strict';
  if (window.EmbeddedSandbox) {
    new window.EmbeddedSandbox({ target: '#sandbox', initialEndpoint: location.origin + document.body.dataset.endpoint,
      initialState: { sharedHeaders: { 'X-AUTH-TOKEN': sessionStorage.getItem('cg-key') || '' } }, includeCookies: false });
  } else {
    document.getElementById('sandbox-offline').hidden = false;
  }
})();`;

const GRAPHIQL_SCRIPT = `(function () {
  'use strict';
  const key = document.getElementById('key');
  const out = document.getElementById('out');
  key.value = sessionStorage.getItem('cg-key') || '';
  document.getElementById('f').addEventListener('submit', async (event) => {
    event.preventDefault();
    sessionStorage.setItem('cg-key', key.value);
    let variables = {};
    try { variables = JSON.parse(document.getElementById('v').value || '{}'); } catch (e) { out.textContent = 'Variables are not JSON'; return; }
    const response = await fetch(document.body.dataset.endpoint, { method: 'POST', headers: { 'content-type': 'application/json', 'x-auth-token': key.value },
      body: JSON.stringify({ query: document.getElementById('q').value, variables }) });
    out.textContent = JSON.stringify(await response.json(), null, 2);
  });
})();`;

const SANDBOX_BODY = `
  <div id="sandbox"><p id="sandbox-offline" hidden>Apollo Sandbox could not be loaded (offline?). Use the <a href="/graphiql">offline query page</a>.</p></div>`;

const GRAPHIQL_BODY = `
  <form id="f">
    <label>API key <input id="key" type="password" size="50" autocomplete="off"></label>
    <label>Query <textarea id="q" rows="14" class="code">{ _mediaList(limit: 5) { id fileName } }</textarea></label>
    <label>Variables (JSON) <input id="v" class="code" value="{}"></label>
    <button>Run</button>
  </form>
  <pre id="out" aria-label="Result"></pre>`;

/**
 * The page a browser gets at the GraphQL endpoint in development. `sandbox` embeds Apollo
 * Sandbox (loaded from Apollo's CDN; its policy allows exactly that script file and that frame);
 * `graphiql` is a small self-contained query page that works offline and shows results as text. Both
 * need the API key: Sandbox in its connection settings (header X-AUTH-TOKEN), the offline page in its
 * key field (kept in the browser's session storage only).
 */
export function landingPage(endpoint: string, mode: 'sandbox' | 'graphiql'): Page {
  const intro = `
  <h1>contentgate GraphQL</h1>
  <p>Send your API key in the <code>X-AUTH-TOKEN</code> header. ${mode === 'sandbox' ? 'Offline? Use the <a href="/graphiql">offline query page</a>.' : 'Online? Try <a href="/graphql">Apollo Sandbox</a>.'}</p>`;
  return renderPage({
    title: 'contentgate GraphQL',
    body: intro + (mode === 'sandbox' ? SANDBOX_BODY : GRAPHIQL_BODY),
    data: { endpoint },
    style: STYLE,
    script: mode === 'sandbox' ? SANDBOX_SCRIPT_INLINE : GRAPHIQL_SCRIPT,
    allow: mode === 'sandbox' ? { scripts: [SANDBOX_SCRIPT], frames: [SANDBOX_FRAME], styleAttributes: [SANDBOX_IFRAME_STYLE] } : undefined,
  });
}
