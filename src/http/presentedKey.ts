import { errors } from '../errors/errorFactory';

/** The parts of a request a key can come from. */
export interface KeyCarrier {
  headers: Record<string, string | string[] | undefined>;
  query: unknown;
}

/**
 * The API key a request presents: the `X-AUTH-TOKEN` header (any casing: Node lower-cases header
 * names) or the `auth_token` query parameter. Both present and different → 400; the two are never
 * combined. Undefined when neither is present.
 */
export function presentedKey(request: KeyCarrier): string | undefined {
  const header = request.headers['x-auth-token'];
  const query = (request.query as Record<string, unknown> | undefined)?.auth_token;
  const fromHeader = single(header);
  const fromQuery = single(query);
  if (fromHeader === null || fromQuery === null) return ''; // repeated: malformed, refused as unknown
  if (fromHeader !== undefined && fromQuery !== undefined && fromHeader !== fromQuery) {
    throw errors.invalidField('auth_token', 'The X-AUTH-TOKEN header and the auth_token parameter differ');
  }
  return fromHeader ?? fromQuery;
}

function single(value: unknown): string | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.trim();
  return null;
}
