/** What replaces a secret in logs. */
export const REDACTED = '[Redacted]';

/** Log paths whose whole value is a secret (request headers that carry keys or tokens). */
export const SECRET_HEADER_PATHS = [
  'req.headers["x-auth-token"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers["x-auth-token"]',
  'headers.authorization',
  'headers.cookie',
];

/** Log paths holding a request URL, whose `auth_token` query value is a secret. */
export const URL_PATHS = ['req.url', 'url'];

/**
 * A URL with the value of every `auth_token` query parameter (any casing, also percent-encoded
 * names) replaced by `[Redacted]`; the rest of the URL is kept as it was.
 */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const params = url
    .slice(query + 1)
    .split('&')
    .map((param) => {
      const equals = param.indexOf('=');
      const name = equals < 0 ? param : param.slice(0, equals);
      if (decodedName(name).toLowerCase() !== 'auth_token') return param;
      return `${name}=${REDACTED}`;
    });
  return `${url.slice(0, query)}?${params.join('&')}`;
}

/** The censor pino applies to redacted paths: URLs lose their key values, anything else is replaced whole. */
export function censor(value: unknown, path: string[]): unknown {
  if (path[path.length - 1] === 'url' && typeof value === 'string') return redactUrl(value);
  return REDACTED;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
