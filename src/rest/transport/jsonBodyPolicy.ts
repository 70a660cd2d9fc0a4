import type { FastifyRequest } from 'fastify';
import { errors } from '../../errors/errorFactory';

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/** Whether a `Content-Type` header names JSON (`application/json`, parameters allowed). */
export function isJsonContentType(header: unknown): boolean {
  return typeof header === 'string' && JSON_MEDIA_TYPE.test(header.trim());
}

/**
 * The REST body policy, as a `preValidation` hook: a write must declare a JSON body, else 415
 * (Flotiq's `{"code":415,"message":"Unsupported Media Type"}`). Bodies with another declared type
 * never get here — the plugin has no parser for them, so fastify already answers 415. What is left
 * is a write with no `Content-Type` and no body; only routes whose body is optional accept it.
 */
export function requireJsonBody(optionalBody: boolean): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const header = request.headers['content-type'];
    if (header === undefined && optionalBody && request.body === undefined) return;
    if (!isJsonContentType(header)) throw errors.unsupportedMediaType();
  };
}
