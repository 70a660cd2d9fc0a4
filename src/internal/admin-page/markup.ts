/**
 * The admin page's static markup. Forms have no `name` attributes and post nowhere useful, so
 * even without script the token never ends up in a URL; the script fills everything else.
 */
export const ADMIN_PAGE_MARKUP = String.raw`
<header class="top"><h1>contentgate admin</h1></header>
<main>
  <noscript><p class="error">This page needs JavaScript.</p></noscript>

  <form id="token-form" class="card" method="post" aria-labelledby="token-heading">
    <h2 id="token-heading" class="flush">Admin access</h2>
    <div class="row">
      <label for="admin-token">Admin token</label>
      <input id="admin-token" type="password" autocomplete="off" spellcheck="false" size="40" required>
      <button type="submit" class="primary">Connect</button>
      <button type="button" id="forget-token">Forget token</button>
    </div>
    <p class="muted">Printed by the server at start (or set with ADMIN_TOKEN). Kept in this tab's session storage only.</p>
    <p id="token-status" class="status" role="status"></p>
    <div id="token-error" class="error" role="alert" hidden></div>
  </form>

  <section id="account-section" class="card" aria-labelledby="account-heading" hidden>
    <h2 id="account-heading" class="flush">Account</h2>
    <div class="row">
      <label for="account-select">Account</label>
      <select id="account-select"></select>
      <button type="button" id="reload-account">Reload</button>
    </div>
    <p id="account-status" class="status" role="status"></p>
    <div id="account-error" class="error" role="alert" hidden></div>
  </section>

  <section id="usage-section" class="card" aria-labelledby="usage-heading" hidden>
    <h2 id="usage-heading" class="flush">Plan and usage</h2>
    <div id="usage"></div>
  </section>

  <section id="keys-section" aria-labelledby="keys-heading" hidden>
    <h2 id="keys-heading">Keys</h2>
    <div id="key-list"></div>
    <h2 id="new-key-heading">New key</h2>
    <div id="new-key"></div>
  </section>
</main>
`;
