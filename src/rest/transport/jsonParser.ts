import type { FastifyInstance } from 'fastify';

/**
 * Makes JSON the only body the REST plugin parses: the inherited `text/plain` parser is removed (so
 * fastify answers 415 for it). `__proto__` / `constructor` keys are parsed as plain own keys (never
 * touching a prototype) so that validation can refuse them with a 400 that names the field; a
 * malformed body is a 400 on `body` (mapped in `errors/toAppError.ts`); an empty one is no body.
 */
export function registerJsonOnlyParsing(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('ignore', 'ignore');
  app.removeContentTypeParser(['text/plain', 'application/json']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // Clients (the Flotiq SDK among them) send `Content-Type: application/json` on every request,
    // DELETE included: an empty body is no body; handlers that need one refuse it themselves.
    if (body === '') return done(null, undefined);
    return parse(request, body as string, done);
  });
}
