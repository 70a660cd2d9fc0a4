/**
 * Reversible encoding of client JSON for storage. MongoDB-wire servers such as FerretDB refuse an
 * array directly inside an array (editor.js tables hold `content: string[][]`), so an inner array is
 * stored as `{"~a": [...]}`. A client key starting with `~` is stored with one more `~`, so no
 * client value can ever be mistaken for the wrapper: `decode(encode(x))` equals `x` for all JSON.
 */
const ARRAY_WRAPPER = '~a';

/** Encodes a JSON value for storage. */
export function encodeForStorage(value: unknown): unknown {
  return encode(value, false);
}

/** Decodes a stored value back into the client's JSON. */
export function decodeFromStorage(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeElement);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key.startsWith('~') ? key.slice(1) : key] = decodeFromStorage(inner);
    return out;
  }
  return value;
}

function encode(value: unknown, insideArray: boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => encode(item, true));
    return insideArray ? { [ARRAY_WRAPPER]: items } : items;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key.startsWith('~') ? `~${key}` : key] = encode(inner, false);
    return out;
  }
  return value;
}

function decodeElement(element: unknown): unknown {
  if (isPlainObject(element)) {
    const keys = Object.keys(element);
    if (keys.length === 1 && keys[0] === ARRAY_WRAPPER) return decodeFromStorage(element[ARRAY_WRAPPER]);
  }
  return decodeFromStorage(element);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
