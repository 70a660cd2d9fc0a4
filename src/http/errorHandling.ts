import type { FastifyInstance } from 'fastify';
import { isAppError } from '../errors/appError';
import { errors } from '../errors/errorFactory';
import { toAppError } from '../errors/toAppError';

/**
 * Maps every error a route throws to Flotiq's REST body: `AppError`s keep their status and body,
 * transport errors become the matching `AppError`, and anything else a masked 500 (logged, never sent).
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500 && !isAppError(error)) console.error('[contentgate] unexpected error:', error);
    reply.code(appError.status).send(appError.restBody());
  });
  app.setNotFoundHandler((_request, reply) => {
    const notFound = errors.notFound();
    reply.code(notFound.status).send(notFound.restBody());
  });
}
