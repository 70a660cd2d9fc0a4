/**
 * Client script, part 4: the admin token (session storage only), the account picker and loading
 * an account's keys and content types.
 */
export const CLIENT_APP = String.raw`
const tokenForm = byId('token-form');
const tokenInput = byId('admin-token');
const accountSelect = byId('account-select');

function showSections(connected) {
  byId('account-section').hidden = !connected;
  if (!connected) {
    byId('keys-section').hidden = true;
    byId('usage-section').hidden = true;
  }
}

/** Drops everything shown for an account (including any secret on screen). */
function clearAccount() {
  state.accountId = '';
  state.contentTypes = [];
  byId('key-list').replaceChildren();
  byId('new-key').replaceChildren();
  byId('usage').replaceChildren();
  byId('usage-section').hidden = true;
  byId('keys-section').hidden = true;
}

async function connect(token) {
  const status = byId('token-status');
  const error = byId('token-error');
  say(status, 'Connecting…');
  clearError(error);
  state.token = token;
  try {
    const data = await gql('{ accounts { id name plan } }');
    sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
    say(status, 'Connected.');
    fillAccounts(data.accounts);
    showSections(true);
  } catch (failure) {
    state.token = '';
    sessionStorage.removeItem(TOKEN_STORAGE_KEY);
    say(status, '');
    showError(error, failure);
    clearAccount();
    showSections(false);
  }
}

function fillAccounts(accounts) {
  const previous = state.accountId;
  clearAccount();
  const options = [el('option', { value: '', text: accounts.length ? 'Choose an account…' : 'No accounts yet' })];
  for (const account of accounts) options.push(el('option', { value: account.id, text: account.name + ' (' + account.id + ', plan ' + account.plan + ')' }));
  accountSelect.replaceChildren(...options);
  const pick = accounts.some((account) => account.id === previous) ? previous : accounts.length === 1 ? accounts[0].id : '';
  accountSelect.value = pick;
  if (pick) loadAccount(pick);
}

async function loadAccount(accountId) {
  const status = byId('account-status');
  const error = byId('account-error');
  clearAccount();
  clearError(error);
  if (!accountId) return say(status, '');
  say(status, 'Loading…');
  try {
    const data = await gql('query($id: ID!) { account(id: $id) { id name ' + USAGE_FIELDS + ' keys { ' + KEY_FIELDS + ' } contentTypes { name label internal fields } } }', { id: accountId });
    if (!data.account) throw new ApiError('The account no longer exists.');
    if (accountSelect.value !== accountId) return;
    state.accountId = accountId;
    state.contentTypes = data.account.contentTypes.filter((type) => !type.internal).concat(data.account.contentTypes.filter((type) => type.internal));
    byId('key-list').replaceChildren(...data.account.keys.map((key) => keyPanel(key).element));
    byId('new-key').replaceChildren(newKeyForm());
    byId('usage').replaceChildren(usagePanel(data.account));
    byId('usage-section').hidden = false;
    byId('keys-section').hidden = false;
    say(status, data.account.keys.length + ' keys, ' + data.account.contentTypes.length + ' content types.');
  } catch (failure) {
    say(status, '');
    showError(error, failure);
  }
}

tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = tokenInput.value.trim();
  if (token) connect(token);
});
byId('forget-token').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_STORAGE_KEY);
  state.token = '';
  tokenInput.value = '';
  clearAccount();
  showSections(false);
  clearError(byId('token-error'));
  say(byId('token-status'), 'Token forgotten.');
});
accountSelect.addEventListener('change', () => loadAccount(accountSelect.value));
byId('reload-account').addEventListener('click', () => loadAccount(accountSelect.value));

const stored = sessionStorage.getItem(TOKEN_STORAGE_KEY);
if (stored) {
  tokenInput.value = stored;
  connect(stored);
}
`;
