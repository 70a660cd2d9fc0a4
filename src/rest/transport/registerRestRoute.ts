import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../../http/authenticate';
import type { Principal } from '../../keys/keyResolver';
import type { Gateway } from '../../runtime/gateway';
import type { RestCall, RestRoute } from '../restCall';
import { restCacheKey, sendCached, sendJsonRead } from './cachedReads';
import { requireJsonBody } from './jsonBodyPolicy';
import { refuseStructuredParams } from './queryParams';
import { ResultBudget } from '../../operations/resultBudget';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Registers one route of the table. The phases run in this order, so the cheapest refusal comes
 * first and nothing is parsed for a caller without a key:
 * 1. `onRequest`: authenticate (401) — before the body is read;
 * 2. fastify reads and parses the body: 413 over the limit, 415 for a non-JSON type;
 * 3. `preValidation`: 415 when a write has no `Content-Type` at all;
 * 4. a cached answer for a cacheable read, if there is one for this account version and these rights;
 * 5. the handler, with query parameters in object form (`filters[$where]=`) refused. A 200 read is
 *    sent with an entity tag (304 on `If-None-Match`) and cached when its route is cacheable.
 */
export function registerRestRoute(app: FastifyInstance, gateway: Gateway, route: RestRoute): void {
  const principals = new WeakMap<FastifyRequest, Principal>();
  app.route({
    method: route.method,
    url: route.url,
    bodyLimit: route.bodyLimit,
    onRequest: async (request) => {
      principals.set(request, await authenticate(request, gateway.keys));
    },
    preValidation: BODY_METHODS.has(route.method) ? requireJsonBody(route.optionalBody === true) : undefined,
    handler: async (request, reply) => {
      const principal = principals.get(request)!;
      const cacheKey = restCacheKey(gateway, principal, request, route.cacheable === true);
      const cached = cacheKey ? await gateway.responses.getOrAwait(cacheKey) : undefined;
      if (cached) return sendCached(request, reply, cached);
      const done = cacheKey ? gateway.responses.claim(cacheKey) : undefined;
      try {
        return await answer(request, reply, principal, cacheKey);
      } finally {
        done?.();
      }
    },
  });

  async function answer(request: FastifyRequest, reply: FastifyReply, principal: Principal, cacheKey: string | undefined) {
    const query = { ...(request.query as Record<string, unknown>) };
    refuseStructuredParams(query);
    const call: RestCall = {
      request,
      principal,
      publicUrl: gateway.config.publicUrl,
      mediaRequireKey: gateway.config.mediaRequireKey,
      ctx: {
        content: await gateway.requestContent(principal.accountId),
        permissions: principal.permissions,
        budget: new ResultBudget(gateway.config.maxResultObjects),
      },
      params: request.params as Record<string, string>,
      query,
      body: request.body,
    };
    const result = await route.handler(call);
    if (route.cacheable && request.method === 'GET' && result.status === 200 && result.body !== undefined) {
      return sendJsonRead(gateway, request, reply, result.body, cacheKey);
    }
    reply.code(result.status);
    return result.body === undefined ? reply.send() : reply.send(result.body);
  }
}
