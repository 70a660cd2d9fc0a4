import type { FastifyInstance } from 'fastify';
import type { Database } from '../database/database';

/**
 * `GET /health`: liveness plus the database state. 200 when the database answers a ping, 503 when
 * it does not (so a load balancer stops sending traffic).
 */
export function registerHealthRoutes(app: FastifyInstance, database: Database): void {
  app.get('/health', async (_request, reply) => {
    const up = await database.ping();
    reply.code(up ? 200 : 503).send({ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down' });
  });
}
