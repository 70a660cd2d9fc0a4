import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import Fastify, { type FastifyInstance } from 'fastify';
import { formatGraphQLError } from '../graphql/formatGraphQLError';
import { registerErrorHandling } from '../http/errorHandling';
import { registerResponseSecurity, sendPage } from '../http/pageSecurity';
import type { Gateway } from '../runtime/gateway';
import { adminPage } from './adminPage';
import { adminTokenMatches, presentedAdminToken } from './adminToken';
import { buildInternalSchema } from './internalSchema';

/** Paths the internal listener answers. */
export const INTERNAL_GRAPHQL_PATH = '/internal/graphql';
export const ADMIN_PAGE_PATH = '/admin';

/**
 * The internal listener: key, account and content-type management over the internal GraphQL API,
 * and the admin page. Every request but the static page needs the admin token; without it the
 * answer is the same 401 whatever was wrong. Bind it to loopback (the default).
 */
export async function buildInternalServer(gateway: Gateway, adminToken: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  const apollo = new ApolloServer({
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
  app.route({
    method: ['GET', 'POST'],
    url: INTERNAL_GRAPHQL_PATH,
    handler: async (request, reply) => {
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method, headers, search, body: request.body },
        context: async () => ({}),
      });
      for (const [name, value] of response.headers) reply.header(name, value);
      reply.code(response.status ?? 200);
      if (response.body.kind === 'complete') return reply.send(response.body.string);
      let text = '';
      for await (const chunk of response.body.asyncIterator) text += chunk;
      return reply.send(text);
    },
  });
  return app;
}
