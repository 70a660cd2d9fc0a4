import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { isAppError, type AppError } from '../errors/appError';
import { errors } from '../errors/errorFactory';
import { GRAPHQL_PATHS } from '../graphql/graphqlRoutes';
import type { Principal } from '../keys/keyResolver';
import { QuotaRuntime } from '../quotas/quotaRuntime';
import type { Gateway } from '../runtime/gateway';
import { rememberPrincipal } from './authenticate';
import { presentedKey } from './presentedKey';

/** The window of the per-address limit on requests with a missing, malformed or unknown key. */
const BAD_KEY_WINDOW_MS = 60_000;
const GRAPHQL = new Set<string>(GRAPHQL_PATHS);

/**
 * Requests no limit applies to: CORS preflights, health checks, and the pages that need no key
 * (the offline GraphiQL page, the Sandbox landing page on a GraphQL path).
 */
export function isLimitExempt(method: string, path: string, accept: string, hasQuery: boolean): boolean {
  if (method === 'OPTIONS' || path === '/health' || path.startsWith('/health/') || path === '/graphiql') return true;
  return method === 'GET' && GRAPHQL.has(path) && !hasQuery && accept.includes('text/html');
}

/**
 * Counting and limits on the public listener, before any route runs (so REST and GraphQL alike,
 * one HTTP request = one call, and a refused request reaches no handler and writes nothing):
 * - a request with a key that resolves is decided by the account's quota (403) and burst (429),
 *   counted, and told what remains in `RateLimit` / `RateLimit-Policy`;
 * - any other request (missing, malformed or unknown key) touches no account and is limited per
 *   client address by `@fastify/rate-limit` (429), then refused by its route as before (401).
 * `QUOTAS=off` registers nothing.
 */
export const quotaPlugin = fastifyPlugin(async (app: FastifyInstance, options: { gateway: Gateway }) => {
  const { gateway } = options;
  const config = gateway.config.quotas;
  if (!config.enabled) return;
  const runtime = new QuotaRuntime(gateway.database, config.plans);
  runtime.start();
  app.addHook('onClose', async () => runtime.stop());
  app.decorate('quotaRuntime', runtime);

  await app.register(rateLimit, {
    global: false,
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': true },
  });
  const badKeyLimit = app.rateLimit({
    max: config.badKeyLimitPerMinute,
    timeWindow: BAD_KEY_WINDOW_MS,
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: () => errors.tooManyRequests('Too many requests without a valid API key from this address, retry after the number of seconds in Retry-After'),
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0];
    const query = request.query as Record<string, unknown> | undefined;
    if (isLimitExempt(request.method, path, String(request.headers.accept ?? ''), query?.query !== undefined)) return;
    const principal = await principalOf(request, gateway);
    if (!principal) {
      try {
        await badKeyLimit.call(app, request, reply);
      } catch (error) {
        if (!isAppError(error)) throw error;
        return refuse(request, reply, error);
      }
      return;
    }
    const admission = await runtime.admit(principal.accountId, principal.keyId);
    for (const [name, value] of Object.entries(admission.headers)) reply.header(name, value);
    if (admission.outcome === 'refusedBurst') {
      reply.header('retry-after', String(admission.retryAfterSeconds));
      return refuse(request, reply, errors.tooManyRequests());
    }
    if (admission.outcome === 'refusedQuota') {
      if (admission.freesUpAt !== undefined) reply.header('x-quota-reset', new Date(admission.freesUpAt).toISOString());
      return refuse(request, reply, errors.quotaExceeded());
    }
  });
});

declare module 'fastify' {
  interface FastifyInstance {
    /** The quota runtime of this listener (absent with `QUOTAS=off`). */
    quotaRuntime?: QuotaRuntime;
  }
}

/** The request's principal, or undefined for a missing, malformed or unknown key. */
async function principalOf(request: FastifyRequest, gateway: Gateway): Promise<Principal | undefined> {
  let key: string | undefined;
  try {
    key = presentedKey(request);
  } catch {
    return undefined; // header and parameter differ: the route answers 400, this counts as a bad key
  }
  const principal = key ? await gateway.keys.resolve(key) : undefined;
  if (principal) rememberPrincipal(request, principal);
  return principal;
}

/**
 * Sends a refusal: Flotiq's `{code, message}` body on every path; GraphQL paths also carry a
 * GraphQL `errors` entry with the stable code, so GraphQL clients read it as an error response.
 */
function refuse(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const body: Record<string, unknown> = { code: error.status, message: error.message };
  if (GRAPHQL.has(request.url.split('?')[0])) body.errors = [{ message: error.message, extensions: { code: error.code } }];
  return reply.code(error.status).send(body);
}
