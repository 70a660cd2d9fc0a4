import type { FastifyInstance } from 'fastify';
import type { LogSink } from '../logging/logSink';

/**
 * Closes a listener: it stops accepting connections at once, idle keep-alive connections close (also
 * those a request in flight leaves idle when it is answered: Node closes idle connections only when
 * asked), requests in flight finish; those still running after `graceMs` have their connections closed.
 */
export async function closeWithinGrace(app: FastifyInstance, graceMs: number, log: LogSink, listener: string): Promise<void> {
  const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
  const timer = setTimeout(() => {
    log.warn({ listener, graceMs }, 'requests still in flight after the grace period: closing their connections');
    app.server.closeAllConnections();
  }, graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
    clearInterval(sweep);
  }
}
