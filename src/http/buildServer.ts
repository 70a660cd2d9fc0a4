import Fastify, { type FastifyInstance } from 'fastify';
import { registerGraphQLRoutes } from '../graphql/graphqlRoutes';
import { restPlugin } from '../rest/restPlugin';
import type { Gateway } from '../runtime/gateway';
import { registerCors } from './cors';
import { registerErrorHandling } from './errorHandling';
import { registerHealthRoutes } from './healthRoutes';
import { quotaPlugin } from './quotaPlugin';

/** Request bodies above this size are refused with 413 before parsing. */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * Builds the public HTTP server (not listening yet): security headers, error mapping, and the
 * routes of each surface.
 */
export async function buildServer(gateway: Gateway): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES, trustProxy: false });
  app.addHook('onSend', async (_request, reply) => {
    // Reads that carry an entity tag set their own policy (revalidate); nothing else is stored.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-content-type-options', 'nosniff');
  });
  registerCors(app, gateway.config.corsOrigins);
  registerErrorHandling(app);
  await app.register(quotaPlugin, { gateway });
  registerHealthRoutes(app, gateway.database);
  registerGraphQLRoutes(app, gateway);
  app.register(restPlugin, { gateway });
  return app;
}
