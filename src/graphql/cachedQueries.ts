import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { getOperationAST, parse } from 'graphql';
import { LRUCache } from 'lru-cache';
import { rightsFingerprint } from '../cache/rightsFingerprint';
import type { Principal } from '../keys/keyResolver';
import type { Gateway } from '../runtime/gateway';

/** Documents whose operation type is remembered (parsing is the cost of deciding). */
const operationTypes = new LRUCache<string, string>({ max: 1000 });

interface GraphQLParams {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/**
 * The cache key of a GraphQL request, or undefined unless it is a query operation (mutations,
 * subscriptions and documents that do not parse are never cached). Like REST reads, it holds the
 * account's content version as it was when the request started and the key's rights, plus the
 * document, variables, operation name and `Accept` (which picks the response's media type).
 */
export function graphqlCacheKey(gateway: Gateway, principal: Principal, request: FastifyRequest): string | undefined {
  if (!gateway.responses.enabled) return undefined;
  const params = (request.method === 'POST' ? request.body : request.query) as GraphQLParams | undefined;
  if (!params || typeof params.query !== 'string') return undefined;
  const operationName = typeof params.operationName === 'string' ? params.operationName : null;
  if (operationTypeOf(params.query, operationName) !== 'query') return undefined;
  const variables = typeof params.variables === 'string' ? params.variables : JSON.stringify(params.variables ?? null);
  const digest = createHash('sha256').update(JSON.stringify([params.query, variables, operationName])).digest('base64url');
  return [
    'graphql',
    principal.accountId,
    gateway.versions.of(principal.accountId),
    rightsFingerprint(principal.permissions),
    String(request.headers.accept ?? ''),
    digest,
  ].join('|');
}

/** Whether an executed answer may be stored: a 200 without any error. */
export function isCacheableAnswer(status: number, body: string): boolean {
  if (status !== 200) return false;
  try {
    const parsed = JSON.parse(body) as { errors?: unknown; data?: unknown };
    return parsed.errors === undefined && parsed.data !== undefined && parsed.data !== null;
  } catch {
    return false;
  }
}

function operationTypeOf(query: string, operationName: string | null): string | undefined {
  const key = `${operationName ?? ''}\u0000${query}`;
  const known = operationTypes.get(key);
  if (known !== undefined) return known;
  let type = 'invalid';
  try {
    type = getOperationAST(parse(query), operationName)?.operation ?? 'invalid';
  } catch {
    // Not cacheable; Apollo reports the syntax error.
  }
  operationTypes.set(key, type);
  return type;
}
