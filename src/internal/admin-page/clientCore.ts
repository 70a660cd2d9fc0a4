/**
 * Client script, part 1: DOM helpers, the GraphQL call and error display. Plain browser
 * JavaScript kept as a string (no backticks or template placeholders inside). Data from the
 * server only ever reaches the page through textContent / property assignment.
 */
export const CLIENT_CORE = String.raw`
const ENDPOINT = document.body.dataset.endpoint;
const TOKEN_STORAGE_KEY = 'contentgate.adminToken';
const state = { token: '', accountId: '', contentTypes: [] };

const byId = (id) => document.getElementById(id);
let idCounter = 0;
const uid = (prefix) => prefix + '-' + (++idCounter);

/** Creates an element; 'text' sets textContent, 'on…' adds listeners, a few names are properties. */
function el(tag, props, children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'className') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (['value', 'checked', 'hidden', 'disabled', 'selected'].includes(name)) node[name] = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children || []) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** A control wrapped in its label (implicit association). */
const labelled = (text, control, className) => el('label', { className }, [text, ' ', control]);

class ApiError extends Error {
  constructor(message, fields, status) {
    super(message);
    this.fields = fields || {};
    this.status = status || 0;
  }
}

/** Runs an internal GraphQL operation with the admin token; throws ApiError on any failure. */
async function gql(query, variables) {
  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      cache: 'no-store',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + state.token },
      body: JSON.stringify({ query, variables: variables || {} }),
    });
  } catch (error) {
    throw new ApiError('The server could not be reached.');
  }
  const body = await response.json().catch(() => null);
  if (response.status === 401) throw new ApiError('Unauthorized: the admin token was not accepted.', null, 401);
  if (body && Array.isArray(body.errors) && body.errors.length > 0) throw errorFromGraphQL(body.errors, response.status);
  if (!response.ok || !body || !body.data) throw new ApiError('The request failed (HTTP ' + response.status + ').', null, response.status);
  return body.data;
}

function errorFromGraphQL(errors, status) {
  const fields = {};
  for (const error of errors) {
    const map = error.extensions && error.extensions.fields;
    if (!map || typeof map !== 'object') continue;
    for (const [path, messages] of Object.entries(map)) {
      fields[path] = (fields[path] || []).concat(Array.isArray(messages) ? messages.map(String) : [String(messages)]);
    }
  }
  const message = errors.map((error) => String(error.message || 'Error')).join(' ');
  return new ApiError(message, fields, status);
}

/** "rules[1].fields.title" → "Rule 2, field title". */
function describePath(path) {
  const match = /^rules\[(\d+)\](?:\.(.*))?$/.exec(path);
  if (!match) return path;
  const rest = match[2] || '';
  const where = rest === 'contentTypeDefinitionName' ? 'content type'
    : rest.startsWith('fields.') ? 'field ' + rest.slice(7)
    : rest;
  return 'Rule ' + (Number(match[1]) + 1) + (where ? ', ' + where : '');
}

/** Shows an error (message plus Flotiq's field map) in an alert box. */
function showError(box, error) {
  const items = Object.entries(error.fields || {}).flatMap(([path, messages]) =>
    messages.map((message) => el('li', { text: describePath(path) + ': ' + message })));
  const headline = items.length ? 'Please fix the following:' : error.message || String(error);
  box.replaceChildren(el('p', { text: headline }), items.length ? el('ul', {}, items) : null);
  box.hidden = false;
}

function clearError(box) {
  box.replaceChildren();
  box.hidden = true;
}

/** A status line that says something briefly. */
function say(line, text) {
  line.textContent = text;
}

/** Disables a button while an async action runs. */
async function busy(button, action) {
  button.disabled = true;
  try {
    return await action();
  } finally {
    button.disabled = false;
  }
}

/** UTF-8 text → base64 (for the QR code's data: URL). */
function base64Utf8(text) {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
`;
