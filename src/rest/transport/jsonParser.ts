import type { FastifyInstance } from 'fastify';
import { errors } from '../../errors/errorFactory';

/** The message for a body that is not JSON although it says so. */
export const MALFORMED_BODY_MESSAGE = 'Malformed JSON body - Syntax error';

/**
 * Makes JSON the only body the REST plugin parses: removes the inherited `text/plain` parser (so
 * fastify answers 415 for it) and wraps fastify's own secure JSON parser (`__proto__` and
 * `constructor.prototype` keys refused) so that a malformed or poisoned body is a 400 on `body`.
 * fastify 5 reports those as `FST_ERR_CTP_INVALID_JSON_BODY`, which `toAppError` does not map yet
 * (it would become a 500); the wrapper can go once it does.
 */
export function registerJsonOnlyParsing(app: FastifyInstance): void {
  const secureParse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['text/plain', 'application/json']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    secureParse(request, body as string, (error, value) => {
      if (error && (error as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
        done(errors.invalidField('body', MALFORMED_BODY_MESSAGE), undefined);
      } else done(error ?? null, value);
    });
  });
}
