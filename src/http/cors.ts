import type { FastifyInstance } from 'fastify';

/** Headers a browser may send to the public API. */
const ALLOWED_HEADERS = 'content-type, x-auth-token, apollo-require-preflight, x-apollo-operation-name';
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';

/** Whether a request's `Origin` is on the allowlist (`*` allows every origin). */
export function corsOriginAllowed(origin: string | undefined, allowlist: readonly string[]): boolean {
  if (!origin) return false;
  return allowlist.includes('*') || allowlist.includes(origin);
}

/**
 * CORS for browser frontends on other origins, limited to the configured allowlist (none by
 * default: same-origin only). Keys travel in a header, never in cookies, so no credentials mode.
 * Preflights are answered here, before routing and authentication.
 */
export function registerCors(app: FastifyInstance, allowlist: readonly string[]): void {
  app.addHook('onRequest', async (request, reply) => {
    const origin = typeof request.headers.origin === 'string' ? request.headers.origin : undefined;
    const allowed = corsOriginAllowed(origin, allowlist);
    if (allowed) {
      reply.header('access-control-allow-origin', allowlist.includes('*') ? '*' : origin);
      reply.header('vary', 'Origin');
      reply.header('access-control-expose-headers', 'retry-after, ratelimit, ratelimit-policy, x-quota-reset');
    }
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      if (allowed) {
        reply.header('access-control-allow-methods', ALLOWED_METHODS);
        reply.header('access-control-allow-headers', ALLOWED_HEADERS);
        reply.header('access-control-max-age', '600');
      }
      return reply.code(204).send();
    }
  });
}
