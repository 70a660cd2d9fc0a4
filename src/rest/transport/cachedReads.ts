import type { FastifyReply, FastifyRequest } from 'fastify';
import { matchesEntityTag, entityTag, type CachedResponse } from '../../cache/responseCache';
import { rightsFingerprint } from '../../cache/rightsFingerprint';
import type { Principal } from '../../keys/keyResolver';
import type { Gateway } from '../../runtime/gateway';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The cache key of a REST read: the account, its content version *as it was when the request
 * started* (an answer computed while a write lands is stored under the old version and never
 * served), the key's rights and the URL without any `auth_token`. Undefined when not cacheable.
 */
export function restCacheKey(gateway: Gateway, principal: Principal, request: FastifyRequest, cacheable: boolean): string | undefined {
  if (!cacheable || request.method !== 'GET' || !gateway.responses.enabled) return undefined;
  const url = new URL(request.url, 'http://cache.invalid');
  url.searchParams.delete('auth_token');
  return ['rest', principal.accountId, gateway.versions.of(principal.accountId), rightsFingerprint(principal.permissions), url.pathname + url.search].join('|');
}

/**
 * Sends a 200 JSON answer with its entity tag (a 304 without body when `If-None-Match` names it),
 * storing it under `cacheKey` when given. Every client revalidates (`no-cache`); answers depend on
 * the key, so shared caches keep none (`private`).
 */
export function sendJsonRead(gateway: Gateway, request: FastifyRequest, reply: FastifyReply, body: unknown, cacheKey: string | undefined): FastifyReply {
  const text = JSON.stringify(body);
  const entry: CachedResponse = cacheKey ? gateway.responses.set(cacheKey, text, JSON_TYPE) : { body: text, contentType: JSON_TYPE, etag: entityTag(text) };
  return sendCached(request, reply, entry);
}

/** Sends a cached (or just computed) answer, honouring `If-None-Match`. */
export function sendCached(request: FastifyRequest, reply: FastifyReply, entry: CachedResponse): FastifyReply {
  reply.header('etag', entry.etag).header('cache-control', 'private, no-cache');
  if (matchesEntityTag(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  return reply.code(200).type(entry.contentType).send(entry.body);
}
