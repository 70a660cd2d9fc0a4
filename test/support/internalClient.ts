import type { FastifyInstance } from 'fastify';
import { buildInternalServer, INTERNAL_GRAPHQL_PATH } from '../../src/internal/buildInternalServer';
import type { Gateway } from '../../src/runtime/gateway';

/** A test admin token. */
export const TEST_ADMIN_TOKEN = 'cgadm_test-token-0123456789abcdefghij';

/** Builds the internal listener (not listening; use inject) with the test token. */
export function startInternal(gateway: Gateway): Promise<FastifyInstance> {
  return buildInternalServer(gateway, TEST_ADMIN_TOKEN);
}

/** Runs an internal GraphQL operation with the admin token (or another token). */
export async function internalGraphql(
  app: FastifyInstance,
  query: string,
  variables?: Record<string, unknown>,
  token: string | null = TEST_ADMIN_TOKEN,
): Promise<{ status: number; body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] } & Record<string, unknown> }> {
  const response = await app.inject({
    method: 'POST',
    url: INTERNAL_GRAPHQL_PATH,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: JSON.stringify({ query, variables }),
  });
  return { status: response.statusCode, body: response.json() };
}
