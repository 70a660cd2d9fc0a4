/**
 * The `servers[0].url` of the OpenAPI document: the configured public URL (`PUBLIC_URL`) when set,
 * else the protocol and host this request reached, as fastify reports them. The server does not
 * trust proxies, so `X-Forwarded-Host`/`-Proto` are never used; a `Host` that is not a plain host
 * name or address (with an optional port) gives the relative URL `/` instead of echoing it.
 */
export function serverUrl(publicUrl: string | undefined, request: { protocol: string; host: string | undefined }): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '') || '/';
  const host = request.host ?? '';
  const protocol = request.protocol === 'https' ? 'https' : 'http';
  return HOST.test(host) ? `${protocol}://${host}` : '/';
}

/** `name.example`, `127.0.0.1`, `[::1]`, each with an optional `:port`. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
