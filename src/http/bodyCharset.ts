import type { FastifyInstance } from 'fastify';
import { errors } from '../errors/errorFactory';

const CHARSET_PARAMETER = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i;

/**
 * Whether a request's `Content-Type` declares a body charset other than UTF-8 (JSON is UTF-8 only,
 * RFC 8259 §8.1). Bodies are always decoded as UTF-8, so a body declared in another charset would be
 * read differently by us than by a proxy or WAF in front of us: such requests are refused with 415.
 */
export function declaresForeignCharset(contentType: unknown): boolean {
  if (typeof contentType !== 'string') return false;
  const match = CHARSET_PARAMETER.exec(contentType);
  if (!match) return false;
  return !/^utf-?8$/i.test(match[2]);
}

/** Refuses, before the body is read, every request whose body is declared in a charset other than UTF-8 (THREATS E-28). */
export function registerBodyCharsetPolicy(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!declaresForeignCharset(request.headers['content-type'])) return;
    const refusal = errors.unsupportedMediaType();
    return reply.code(refusal.status).send(refusal.restBody());
  });
}
