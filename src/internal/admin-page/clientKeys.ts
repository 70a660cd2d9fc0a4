/**
 * Client script, part 3: one panel per key (masked key, copy, QR code, regenerate, remove, rules
 * with a Save button) and the "New key" form. Secrets are shown only in a read-only field of
 * their key's panel, on request, and are never logged or put into a URL.
 */
export const CLIENT_KEYS = String.raw`
const KEY_FIELDS = 'id name kind maskedKey rules { contentTypeDefinitionName canRead canCreate canUpdate canDelete fields { field read create update } }';
const KIND_LABELS = { rw: 'application key · read and write', ro: 'application key · read only', user: 'user-defined key' };

/** The read-only secret field of a panel. */
function secretBox() {
  const input = el('input', { type: 'text', readonly: true, spellcheck: 'false', autocomplete: 'off' });
  const hint = el('p', { className: 'muted' });
  const element = el('div', { className: 'secret', hidden: true }, [
    el('div', { className: 'row' }, [
      labelled('Secret', input),
      el('button', { type: 'button', text: 'Hide secret', onclick: () => box.hide() }),
    ]),
    hint,
  ]);
  const box = {
    element,
    show(secret, text) {
      input.value = secret;
      hint.textContent = text;
      element.hidden = false;
      input.focus();
      input.select();
    },
    hide() {
      input.value = '';
      element.hidden = true;
    },
  };
  return box;
}

/** The QR code of a key's secret, fetched on demand and dropped when hidden. */
function qrBox(panel) {
  const element = el('div', { className: 'qr', hidden: true });
  return {
    element,
    async show() {
      const data = await gql('query($accountId: ID!, $id: ID!) { keyQrCode(accountId: $accountId, id: $id) }', { accountId: state.accountId, id: panel.key.id });
      const image = el('img', { src: 'data:image/svg+xml;base64,' + base64Utf8(data.keyQrCode), alt: 'QR code of the secret of ' + panel.key.name, width: 200, height: 200 });
      element.replaceChildren(image, el('p', { className: 'muted', text: 'Scan to copy the secret to a phone. Treat it like the secret itself.' }));
      element.hidden = false;
    },
    hide() {
      element.replaceChildren();
      element.hidden = true;
    },
    get shown() { return !element.hidden; },
  };
}

async function revealSecret(key) {
  const data = await gql('mutation($accountId: ID!, $id: ID!) { keys { reveal(accountId: $accountId, id: $id) { secret } } }', { accountId: state.accountId, id: key.id });
  return data.keys.reveal.secret;
}

/** Copies the secret; without a usable clipboard it is shown for copying by hand. */
async function copySecret(panel) {
  const secret = await revealSecret(panel.key);
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(secret);
      panel.secret.hide();
      say(panel.status, 'Secret copied to the clipboard.');
      return;
    } catch (error) {
      // fall through to the visible field
    }
  }
  panel.secret.show(secret, 'The clipboard is not available here: the secret is selected, copy it with Ctrl+C / Cmd+C.');
  say(panel.status, 'Copy the secret from the field.');
}

async function regenerate(panel) {
  const question = 'Regenerate the secret of "' + panel.key.name + '"? The current secret stops working at once.';
  if (!window.confirm(question)) return;
  const data = await gql('mutation($accountId: ID!, $id: ID!) { keys { regenerate(accountId: $accountId, id: $id) { key { ' + KEY_FIELDS + ' } secret } } }', { accountId: state.accountId, id: panel.key.id });
  panel.qr.hide();
  panel.update(data.keys.regenerate.key);
  panel.secret.show(data.keys.regenerate.secret, 'The new secret, shown here once: copy it now. The old secret no longer works.');
  say(panel.status, 'Secret regenerated.');
}

async function removeKey(panel) {
  if (!window.confirm('Remove the key "' + panel.key.name + '"? Everything using it loses access at once.')) return;
  await gql('mutation($accountId: ID!, $id: ID!) { keys { remove(accountId: $accountId, id: $id) } }', { accountId: state.accountId, id: panel.key.id });
  panel.element.remove();
  say(byId('account-status'), 'Key "' + panel.key.name + '" removed.');
}

async function saveKey(panel) {
  const local = panel.editor.localProblems();
  if (Object.keys(local).length) throw new ApiError('Some rules are incomplete.', local);
  const name = panel.nameInput.value.trim();
  const variables = { accountId: state.accountId, id: panel.key.id, rules: panel.editor.value() };
  if (name !== panel.key.name) variables.name = name;
  const data = await gql('mutation($accountId: ID!, $id: ID!, $name: String, $rules: [KeyRuleInput!]) { keys { update(accountId: $accountId, id: $id, name: $name, rules: $rules) { ' + KEY_FIELDS + ' } } }', variables);
  panel.update(data.keys.update);
  panel.editor.set(data.keys.update.rules);
  say(panel.status, 'Saved.');
}

/** Runs a panel action: busy button, status and errors next to the key. */
function action(panel, label, run, className) {
  const button = el('button', { type: 'button', text: label, className });
  button.addEventListener('click', () => busy(button, async () => {
    say(panel.status, '');
    clearError(panel.error);
    if (panel.editor) panel.editor.showErrors({});
    try {
      await run(panel);
    } catch (error) {
      showError(panel.error, error);
      if (panel.editor) panel.editor.showErrors(error.fields);
    }
  }));
  return button;
}

/** One key's panel. */
function keyPanel(key) {
  const headingId = uid('key');
  const heading = el('h3', { id: headingId, text: key.name });
  const masked = el('code', { text: key.maskedKey, 'aria-label': 'Masked key' });
  const panel = { key, secret: secretBox(), status: el('p', { className: 'status', role: 'status' }), error: el('div', { className: 'error', role: 'alert', hidden: true }) };
  panel.qr = qrBox(panel);
  const qrButton = action(panel, 'QR code', async () => {
    if (panel.qr.shown) panel.qr.hide(); else await panel.qr.show();
    qrButton.setAttribute('aria-expanded', String(panel.qr.shown));
  });
  qrButton.setAttribute('aria-expanded', 'false');
  const buttons = [action(panel, 'Copy', copySecret), qrButton, action(panel, 'Regenerate', regenerate)];
  if (key.kind === 'user') buttons.push(action(panel, 'Remove', removeKey, 'danger'));
  let editorPart = null;
  if (key.kind === 'user') {
    panel.nameInput = el('input', { type: 'text', value: key.name, maxlength: 200, size: 30 });
    panel.editor = ruleEditor(key.rules);
    editorPart = el('div', { className: 'key-editor' }, [
      labelled('Name', panel.nameInput),
      panel.editor.element,
      el('div', { className: 'save-row' }, [action(panel, 'Save', saveKey, 'primary')]),
    ]);
  } else {
    const access = key.kind === 'rw' ? 'Reads and writes' : 'Reads';
    editorPart = el('p', { className: 'muted', text: access + ' every content type. Application keys have no rules and cannot be removed.' });
  }
  panel.element = el('section', { className: 'card key', 'aria-labelledby': headingId }, [
    el('div', { className: 'key-head' }, [heading, el('span', { className: 'kind', text: KIND_LABELS[key.kind] || key.kind }), masked]),
    el('div', { className: 'row' }, buttons),
    panel.secret.element,
    panel.qr.element,
    editorPart,
    panel.status,
    panel.error,
  ]);
  panel.update = (fresh) => {
    panel.key = fresh;
    heading.textContent = fresh.name;
    masked.textContent = fresh.maskedKey;
    if (panel.nameInput) panel.nameInput.value = fresh.name;
  };
  return panel;
}

/** The "New key" form (name + rules); a created key appears with its secret shown once. */
function newKeyForm() {
  const nameInput = el('input', { type: 'text', maxlength: 200, size: 30, required: true });
  const editor = ruleEditor([]);
  const status = el('p', { className: 'status', role: 'status' });
  const error = el('div', { className: 'error', role: 'alert', hidden: true });
  const submit = el('button', { type: 'submit', className: 'primary', text: 'Create key' });
  const form = el('form', { className: 'card', method: 'post', 'aria-labelledby': 'new-key-heading', novalidate: true }, [
    labelled('Name', nameInput),
    editor.element,
    el('div', { className: 'save-row' }, [submit]),
    status,
    error,
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(submit, async () => {
      say(status, '');
      clearError(error);
      editor.showErrors({});
      try {
        const name = nameInput.value.trim();
        const problems = editor.localProblems();
        if (!name) problems.name = ['The name is required'];
        if (Object.keys(problems).length) throw new ApiError('The key cannot be created yet.', problems);
        const data = await gql('mutation($accountId: ID!, $name: String!, $rules: [KeyRuleInput!]!) { keys { create(accountId: $accountId, name: $name, rules: $rules) { key { ' + KEY_FIELDS + ' } secret } } }', { accountId: state.accountId, name, rules: editor.value() });
        const panel = keyPanel(data.keys.create.key);
        byId('key-list').append(panel.element);
        panel.secret.show(data.keys.create.secret, 'The secret of the new key. Copy shows it again later.');
        say(panel.status, 'Key created.');
        nameInput.value = '';
        editor.set([]);
      } catch (failure) {
        showError(error, failure);
        editor.showErrors(failure.fields);
      }
    });
  });
  return form;
}
`;
