import type { FastifyInstance } from 'fastify';
import type { Gateway } from '../runtime/gateway';

/** Paths of the health endpoints (they need no key, and the start-up gate lets them through). */
export const HEALTH_PATHS = ['/health', '/health/live', '/health/ready'] as const;

/**
 * Health endpoints for load balancers and orchestrators:
 * - `GET /health/live`: 200 while the process serves HTTP at all (restart it when this fails);
 * - `GET /health/ready`: 200 when it should get traffic, 503 with the reason while starting, while the
 *   database does not answer, and from the first moment of shutdown;
 * - `GET /health`: the database state as before (200 when it answers a ping, 503 when it does not).
 */
export function registerHealthRoutes(app: FastifyInstance, gateway: Gateway): void {
  app.get('/health/live', async (_request, reply) => reply.code(200).send({ status: 'ok' }));
  app.get('/health/ready', async (_request, reply) => {
    const state = await gateway.readiness();
    return reply.code(state.ready ? 200 : 503).send(state.ready ? { status: 'ready' } : { status: 'not ready', reason: state.reason });
  });
  app.get('/health', async (_request, reply) => {
    const up = gateway.database.prepared && (await gateway.database.ping());
    return reply.code(up ? 200 : 503).send({ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down' });
  });
}
