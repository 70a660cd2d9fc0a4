/**
 * The page a browser gets at the GraphQL endpoint in development. `sandbox` embeds Apollo
 * Sandbox (loaded from Apollo's CDN); `graphiql` is a small self-contained query page that works
 * offline. Both need the API key: Sandbox in its connection settings (header X-AUTH-TOKEN), the
 * offline page in its key field (kept in the browser's session storage only).
 */
export function landingPage(endpoint: string, mode: 'sandbox' | 'graphiql'): string {
  const safeEndpoint = JSON.stringify(endpoint).replace(/</g, '\\u003c');
  const sandbox = `
  <div id="sandbox" style="height:80vh"></div>
  <script src="https://embeddable-sandbox.cdn.apollographql.com/_latest/embeddable-sandbox.umd.production.min.js"></script>
  <script>
    if (window.EmbeddedSandbox) {
      new window.EmbeddedSandbox({ target: '#sandbox', initialEndpoint: location.origin + ${safeEndpoint},
        initialState: { sharedHeaders: { 'X-AUTH-TOKEN': sessionStorage.getItem('cg-key') || '' } }, includeCookies: false });
    } else {
      document.getElementById('sandbox').innerHTML = '<p>Apollo Sandbox could not be loaded (offline?). Use the <a href="/graphiql">offline query page</a>.</p>';
    }
  </script>`;
  const graphiql = `
  <form id="f">
    <label>API key <input id="key" type="password" size="50" autocomplete="off"></label>
    <textarea id="q" rows="14" style="width:100%;font-family:monospace">{ _mediaList(limit: 5) { id fileName } }</textarea>
    <label>Variables (JSON) <input id="v" style="width:100%;font-family:monospace" value="{}"></label>
    <button>Run</button>
  </form>
  <pre id="out" style="background:#f4f4f4;padding:1em;white-space:pre-wrap"></pre>
  <script>
    const key = document.getElementById('key');
    key.value = sessionStorage.getItem('cg-key') || '';
    document.getElementById('f').addEventListener('submit', async (event) => {
      event.preventDefault();
      sessionStorage.setItem('cg-key', key.value);
      let variables = {};
      try { variables = JSON.parse(document.getElementById('v').value || '{}'); } catch (e) { document.getElementById('out').textContent = 'Variables are not JSON'; return; }
      const response = await fetch(${safeEndpoint}, { method: 'POST', headers: { 'content-type': 'application/json', 'x-auth-token': key.value },
        body: JSON.stringify({ query: document.getElementById('q').value, variables }) });
      document.getElementById('out').textContent = JSON.stringify(await response.json(), null, 2);
    });
  </script>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>contentgate GraphQL</title>
<meta name="referrer" content="no-referrer">
<style>body{font-family:system-ui,sans-serif;margin:1.5em}label{display:block;margin:.5em 0}</style></head>
<body>
  <h1>contentgate GraphQL</h1>
  <p>Send your API key in the <code>X-AUTH-TOKEN</code> header. ${mode === 'sandbox' ? 'Offline? Use the <a href="/graphiql">offline query page</a>.' : 'Online? Try <a href="/graphql">Apollo Sandbox</a>.'}</p>
  ${mode === 'sandbox' ? sandbox : graphiql}
</body></html>`;
}
