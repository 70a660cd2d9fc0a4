import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics/metrics';
import { denialOf } from './denials';
import { REQUEST_ID_HEADER } from './requestIds';

/** Route patterns whose answers are GraphQL bodies (a denial may be inside them). */
const GRAPHQL_ROUTES = new Set(['/graphql', '/api/graphql']);

/**
 * Per-request observability of one listener: the request id on every answer, the request and
 * latency metrics, and (public listener) the denial metric (labelled by route pattern, never by a raw URL: bounded label sets).
 */
export function registerObservability(app: FastifyInstance, metrics: Metrics, listener: 'public' | 'internal'): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    if (listener !== 'public') return payload;
    const graphql = GRAPHQL_ROUTES.has(request.routeOptions.url ?? '');
    const denial = denialOf(reply.statusCode, graphql && typeof payload === 'string' ? payload : undefined);
    if (denial) metrics.denials.inc({ surface: graphql ? 'graphql' : 'rest', reason: denial });
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const labels = { listener, method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    metrics.requests.inc(labels);
    metrics.latency.observe(labels, reply.elapsedTime / 1000);
  });
}
