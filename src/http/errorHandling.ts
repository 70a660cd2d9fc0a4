import type { FastifyInstance } from 'fastify';
import { isAppError } from '../errors/appError';
import { errors } from '../errors/errorFactory';
import { toAppError } from '../errors/toAppError';

/**
 * Maps every error a route throws to Flotiq's REST body: `AppError`s keep their status and body,
 * transport errors become the matching `AppError`, and anything else a masked 500 (logged with the request id, which its body names; the cause is never sent).
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error, request.id);
    if (appError.status === 500) request.log.error({ err: error }, 'unexpected error');
    else if (appError.status >= 500 && !isAppError(error)) request.log.warn({ reason: (error as Error).message }, 'database unavailable');
    reply.code(appError.status).send(appError.restBody());
  });
  app.setNotFoundHandler((_request, reply) => {
    const notFound = errors.notFound();
    reply.code(notFound.status).send(notFound.restBody());
  });
}
