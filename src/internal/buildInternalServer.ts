import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import Fastify, { type FastifyInstance } from 'fastify';
import { formatGraphQLError } from '../graphql/formatGraphQLError';
import { executeApollo, sendApolloAnswer } from '../http/apolloBridge';
import { registerErrorHandling } from '../http/errorHandling';
import { listenerOptions } from '../http/listenerOptions';
import { registerObservability } from '../http/observability';
import type { AppLogger } from '../logging/logger';
import { registerResponseSecurity, sendPage } from '../http/pageSecurity';
import type { Gateway } from '../runtime/gateway';
import { adminPage } from './adminPage';
import { adminTokenMatches, presentedAdminToken } from './adminToken';
import { buildInternalSchema } from './internalSchema';

/** Paths the internal listener answers. */
export const INTERNAL_GRAPHQL_PATH = '/internal/graphql';
export const ADMIN_PAGE_PATH = '/admin';
export const METRICS_PATH = '/metrics';

/**
 * The internal listener: key, account and content-type management over the internal GraphQL API,
 * and the admin page. Every request but the static page needs the admin token; without it the
 * answer is the same 401 whatever was wrong. Bind it to loopback (the default). `GET /metrics` is
 * the Prometheus scrape (admin token as bearer token too).
 */
export async function buildInternalServer(gateway: Gateway, adminToken: string, logger?: AppLogger): Promise<FastifyInstance> {
  const app = Fastify({ ...listenerOptions(logger), bodyLimit: 1024 * 1024 });
  registerObservability(app, gateway.metrics, 'internal');
  const apollo = new ApolloServer({
    // main.ts stops everything in order; Apollo's own handler would re-send the signal before.
    stopOnTerminationSignals: false,
    schema: buildInternalSchema(gateway),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  app.addHook('onClose', async () => apollo.stop());
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  });
  registerResponseSecurity(app);
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET' && request.url.split('?')[0] === ADMIN_PAGE_PATH) return;
    if (!adminTokenMatches(presentedAdminToken(request.headers), adminToken)) {
      return reply.code(401).send({ code: 401, message: 'Unauthorized' });
    }
  });
  registerErrorHandling(app);

  app.get(ADMIN_PAGE_PATH, async (_request, reply) => sendPage(reply, adminPage(INTERNAL_GRAPHQL_PATH)));
  app.get(METRICS_PATH, async (_request, reply) => {
    const { contentType, body } = await gateway.metrics.scrape();
    return reply.type(contentType).send(body);
  });
  app.route({
    method: ['GET', 'POST'],
    url: INTERNAL_GRAPHQL_PATH,
    handler: async (request, reply) => sendApolloAnswer(reply, await executeApollo(apollo, request, async () => ({}))),
  });
  return app;
}
