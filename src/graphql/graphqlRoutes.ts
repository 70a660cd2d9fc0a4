import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type AppError } from '../errors/appError';
import { errors } from '../errors/errorFactory';
import { executeApollo, sendApolloAnswer } from '../http/apolloBridge';
import { authenticate } from '../http/authenticate';
import { sendPage } from '../http/pageSecurity';
import type { Principal } from '../keys/keyResolver';
import type { Gateway } from '../runtime/gateway';
import type { GraphQLContext } from './graphqlContext';
import { graphqlCacheKey, isCacheableAnswer } from './cachedQueries';
import { landingPage } from './landingPage';
import { exceedsDocumentBytes } from './guards/operationLimits';
import { printedSchema } from './printAccountSdl';
import { RelationLoaders } from './relationLoaders';
import { ResultBudget } from '../operations/resultBudget';

/** Paths of the GraphQL endpoint (`/api/graphql` is Flotiq's). */
export const GRAPHQL_PATHS = ['/graphql', '/api/graphql'] as const;

/**
 * Serves GraphQL on fastify: each request is authenticated, then executed by the Apollo Server of
 * the key's account with a fresh context (operation services pinned to the schema's CTDs, the
 * key's rights, per-request DataLoaders) on the key's own schema view. `GET /api/graphql/schema`
 * returns that view's SDL.
 */
export function registerGraphQLRoutes(app: FastifyInstance, gateway: Gateway): void {
  for (const path of GRAPHQL_PATHS) {
    // Returning the reply tells fastify the handler has sent it (no second send from async hooks).
    app.route({
      method: ['GET', 'POST'],
      url: path,
      handler: async (request, reply) => {
        await handleGraphQL(gateway, request, reply);
        return reply;
      },
    });
  }
  // The offline query page is a development tool, like the Sandbox page.
  app.get('/graphiql', async (_request, reply) =>
    gateway.config.isProduction ? reply.code(404).send({ code: 404, message: 'Not found' }) : sendPage(reply, landingPage('/graphql', 'graphiql')),
  );
  // The key's own view, as plain text: markup from content-type labels must never render here.
  app.get('/api/graphql/schema', async (request, reply) => {
    const principal = await authenticate(request, gateway.keys);
    const view = await gateway.graphql.forKey(principal.accountId, principal.permissions);
    return reply.type('text/plain; charset=utf-8').send(await printedSchema(view.schema));
  });
}

async function handleGraphQL(gateway: Gateway, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const query = request.query as Record<string, unknown>;
  if (request.method === 'GET' && query.query === undefined && String(request.headers.accept ?? '').includes('text/html')) {
    if (gateway.config.isProduction) return void reply.code(404).send({ code: 404, message: 'Not found' });
    return void sendPage(reply, landingPage(request.url.split('?')[0], 'sandbox'));
  }
  if (exceedsDocumentBytes(request.body, query.query)) return sendGraphQLError(reply, errors.documentTooLarge());
  let principal;
  try {
    principal = await authenticate(request, gateway.keys);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return sendGraphQLError(reply, error);
  }
  const cacheKey = graphqlCacheKey(gateway, principal, request);
  const cached = cacheKey ? await gateway.responses.getOrAwait(cacheKey) : undefined;
  if (cached) return void reply.code(200).type(cached.contentType).send(cached.body);
  const done = cacheKey ? gateway.responses.claim(cacheKey) : undefined;
  try {
    await executeGraphQL(gateway, request, reply, principal, cacheKey);
  } finally {
    done?.();
  }
}

async function executeGraphQL(gateway: Gateway, request: FastifyRequest, reply: FastifyReply, principal: Principal, cacheKey: string | undefined): Promise<void> {
  const view = await gateway.graphql.forKey(principal.accountId, principal.permissions);
  const content = gateway.content(principal.accountId, view.account.contentTypes);
  const answer = await executeApollo(view.apollo, request, async (): Promise<GraphQLContext> => {
    const context: GraphQLContext = {
      content,
      permissions: principal.permissions,
      hideExistence: true,
      principal,
      requestId: request.id,
      budget: new ResultBudget(gateway.config.maxResultObjects),
      log: request.log,
      publicUrl: gateway.config.publicUrl,
      loaders: undefined as unknown as RelationLoaders,
    };
    context.loaders = new RelationLoaders(context);
    return context;
  });
  if (cacheKey && isCacheableAnswer(answer.status, answer.body)) {
    gateway.responses.set(cacheKey, answer.body, answer.headers.get('content-type') ?? 'application/json; charset=utf-8');
  }
  sendApolloAnswer(reply, answer);
}

/** A refusal made before Apollo sees the request, in GraphQL's response shape. */
function sendGraphQLError(reply: FastifyReply, error: AppError): void {
  void reply.code(error.status).send({ errors: [{ message: error.message, extensions: { code: error.code } }] });
}
