import type { FastifyBaseLogger } from 'fastify';
import { silentLogger, type AppLogger } from '../logging/logger';
import { requestIdOf } from './requestIds';

/**
 * Fastify options both listeners share: the logger (silent without one), request ids, and how they
 * close: idle keep-alive connections at once, requests arriving meanwhile get 503.
 */
export function listenerOptions(logger: AppLogger | undefined) {
  return {
    loggerInstance: (logger ?? silentLogger()) as FastifyBaseLogger,
    genReqId: requestIdOf,
    forceCloseConnections: 'idle' as const,
    return503OnClosing: true,
  };
}

