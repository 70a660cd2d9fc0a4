import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { isAppError, type AppError } from '../errors/appError';
import { errors } from '../errors/errorFactory';
import { GRAPHQL_PATHS } from '../graphql/graphqlRoutes';
import type { Principal } from '../keys/keyResolver';
import { QuotaRuntime, type Admission } from '../quotas/quotaRuntime';
import type { Gateway } from '../runtime/gateway';
import { rememberPrincipal } from './authenticate';
import { presentedKey } from './presentedKey';

/** The window of the per-address limit on requests with a missing, malformed or unknown key. */
const BAD_KEY_WINDOW_MS = 60_000;
const GRAPHQL = new Set<string>(GRAPHQL_PATHS);

/**
 * Requests no limit applies to: CORS preflights, health checks, the pages that need no key (the
 * offline GraphiQL page, the Sandbox landing page on a GraphQL path), and media file URLs fetched
 * without a key (`<img src>`: no attempt at a key, so not held to the bad-key limit; with a key,
 * well-formed or not, they count as any request).
 */
export function isLimitExempt(method: string, path: string, accept: string, hasQuery: boolean, hasKey: boolean): boolean {
  if (method === 'OPTIONS' || path === '/health' || path.startsWith('/health/') || path === '/graphiql') return true;
  if (isMediaFilePath(path)) return !hasKey;
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
  const runtime = new QuotaRuntime(gateway.database, config.plans, Date.now, (message) => app.log.warn(message));
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

  /** Past the per-address limit: refused (true); under it: on to the route's 401 (false). */
  const limitBadKey = async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    try {
      await badKeyLimit.call(app, request, reply);
      return false;
    } catch (error) {
      if (!isAppError(error)) throw error;
      refuse(request, reply, error);
      return true;
    }
  };
  const answer = (admission: Admission, request: FastifyRequest, reply: FastifyReply, done: HookDone): void => {
    if (admission.policy !== undefined) reply.header('ratelimit-policy', admission.policy).header('ratelimit', admission.limit);
    if (admission.outcome === 'call') return done();
    if (admission.outcome === 'refusedBurst') {
      reply.header('retry-after', String(admission.retryAfterSeconds ?? 1));
      refuse(request, reply, errors.tooManyRequests());
      return;
    }
    if (admission.freesUpAt !== undefined) reply.header('x-quota-reset', new Date(admission.freesUpAt).toISOString());
    refuse(request, reply, errors.quotaExceeded());
  };
  const decide = (principal: Principal | undefined, request: FastifyRequest, reply: FastifyReply, done: HookDone): void => {
    if (!principal) {
      settle(limitBadKey(request, reply), (refused) => refused || done(), done);
      return;
    }
    rememberPrincipal(request, principal);
    const admission = runtime.admit(principal.accountId, principal.keyId);
    if (admission instanceof Promise) settle(admission, (ready) => answer(ready, request, reply, done), done);
    else answer(admission, request, reply, done);
  };
  // A callback hook, not an async one: with the key cached and the account's view here (every
  // request but the first ones), the decision is made and the request passed on without a promise.
  app.addHook('onRequest', (request, reply, done) => {
    if (isExempt(request)) return done();
    const principal = principalOf(request, gateway);
    if (principal instanceof Promise) settle(principal, (resolved) => decide(resolved, request, reply, done), done);
    else decide(principal, request, reply, done);
  });
});

type HookDone = (error?: Error) => void;

/** Goes on with a promise's value; a rejection, or an error going on, ends the hook with it. */
function settle<T>(pending: Promise<T>, next: (value: T) => unknown, done: HookDone): void {
  pending.then(next).catch((error: Error) => done(error));
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The quota runtime of this listener (absent with `QUOTAS=off`). */
    quotaRuntime?: QuotaRuntime;
  }
}

/** The request's principal, or undefined for a missing, malformed or unknown key (a promise only when the database is asked). */
function principalOf(request: FastifyRequest, gateway: Gateway): Principal | undefined | Promise<Principal | undefined> {
  let key: string | undefined;
  try {
    key = presentedKey(request);
  } catch {
    return undefined; // header and parameter differ: the route answers 400, this counts as a bad key
  }
  return key ? gateway.keys.resolveNow(key) : undefined;
}

/** Whether a path is one of the media file URLs (`/image/{W}x{H}/…`), which need no key unless `MEDIA_REQUIRE_KEY`. */
function isMediaFilePath(path: string): boolean {
  return path.startsWith('/image/');
}

/** Whether the request carries a key at all (header or `auth_token`), well-formed or not. */
function hasPresentedKey(request: FastifyRequest): boolean {
  try {
    return presentedKey(request) !== undefined;
  } catch {
    return true; // header and parameter differ: a key was presented
  }
}

/** `isLimitExempt` for a request, reading its `Accept` header and query only on a GraphQL GET, and its key only on a media file URL. */
function isExempt(request: FastifyRequest): boolean {
  const { url, method } = request;
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  const hasKey = isMediaFilePath(path) ? hasPresentedKey(request) : true;
  if (method !== 'GET' || !GRAPHQL.has(path)) return isLimitExempt(method, path, '', false, hasKey);
  const query = request.query as Record<string, unknown> | undefined;
  return isLimitExempt(method, path, String(request.headers.accept ?? ''), query?.query !== undefined, hasKey);
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
