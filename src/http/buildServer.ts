import Fastify, { type FastifyInstance } from 'fastify';
import { errors } from '../errors/errorFactory';
import { registerGraphQLRoutes } from '../graphql/graphqlRoutes';
import type { AppLogger } from '../logging/logger';
import { mediaRoutes } from '../media/mediaRoutes';
import { restPlugin } from '../rest/restPlugin';
import type { Gateway } from '../runtime/gateway';
import { registerBodyCharsetPolicy } from './bodyCharset';
import { registerCors } from './cors';
import { registerErrorHandling } from './errorHandling';
import { HEALTH_PATHS, registerHealthRoutes } from './healthRoutes';
import { registerObservability } from './observability';
import { listenerOptions } from './listenerOptions';
import { registerResponseSecurity } from './pageSecurity';
import { quotaPlugin } from './quotaPlugin';

/** Request bodies above this size are refused with 413 before parsing. */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * Builds the public HTTP server (not listening yet): request ids, logs (with `logger`; silent
 * without) and metrics, security headers, error mapping, a 503 for everything but health while the
 * database was never opened, and the routes of each surface.
 */
export async function buildServer(gateway: Gateway, logger?: AppLogger): Promise<FastifyInstance> {
  const app = Fastify({ ...listenerOptions(logger), bodyLimit: BODY_LIMIT_BYTES, trustProxy: false });
  registerObservability(app, gateway.metrics, 'public');
  app.addHook('onRequest', async (request, reply) => {
    if (gateway.database.prepared || (HEALTH_PATHS as readonly string[]).includes(request.url.split('?')[0])) return;
    const unavailable = errors.unavailable();
    return reply.code(unavailable.status).send(unavailable.restBody());
  });
  app.addHook('onSend', async (_request, reply) => {
    // Reads that carry an entity tag set their own policy (revalidate); nothing else is stored.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
  });
  registerResponseSecurity(app);
  registerCors(app, gateway.config.corsOrigins);
  registerBodyCharsetPolicy(app);
  registerErrorHandling(app);
  await app.register(quotaPlugin, { gateway });
  registerHealthRoutes(app, gateway);
  registerGraphQLRoutes(app, gateway);
  app.register(restPlugin, { gateway });
  app.register(mediaRoutes, { gateway });
  return app;
}
