import type { FastifyRequest, HTTPMethods } from 'fastify';
import type { Principal } from '../keys/keyResolver';
import type { OperationContext } from '../operations/operationContext';

/**
 * What a REST handler receives: the authenticated caller, its operation context, and the request's
 * path parameters, query and body (still as the client sent them; handlers validate).
 */
export interface RestCall {
  request: FastifyRequest;
  /** Where clients reach this server (`PUBLIC_URL`), when configured. */
  publicUrl: string | undefined;
  /** Whether media files need a key (`MEDIA_REQUIRE_KEY`). */
  mediaRequireKey: boolean;
  principal: Principal;
  ctx: OperationContext;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

/** What a REST handler answers: a status and a JSON body, or no body at all. */
export interface RestResult {
  status: number;
  body?: unknown;
}

/** A REST endpoint: translates one HTTP call into operations and back. */
export type RestHandler = (call: RestCall) => Promise<RestResult>;

/** 200 with a JSON body. */
export function ok(body: unknown): RestResult {
  return { status: 200, body };
}

/** A status with no body (204 after a delete, Flotiq's empty 200 after a CTD delete). */
export function empty(status: 200 | 204): RestResult {
  return { status };
}

/** One REST endpoint of the route table. */
export interface RestRoute {
  method: HTTPMethods;
  url: string;
  handler: RestHandler;
  /** Largest accepted body in bytes; the server's limit when absent. */
  bodyLimit?: number;
  /** A POST whose body may be left out entirely (it then reads as absent, not as 415). */
  optionalBody?: boolean;
  /** A GET whose answer depends only on the account's content, the key's rights and the URL (cached, with an ETag; see `cachedReads.ts`). */
  cacheable?: boolean;
}
