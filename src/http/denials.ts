/** Why a request was refused for its key. */
export type Denial = 'unauthenticated' | 'forbidden';

/**
 * Whether an answer refused the request's key: REST and GraphQL answer 401 for a missing or unknown
 * key and REST 403 for a right the key lacks; GraphQL answers that with 200 and an error whose code
 * is FORBIDDEN (`graphqlBody`, the GraphQL answer's text, is only looked at then).
 */
export function denialOf(status: number, graphqlBody?: string): Denial | undefined {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (graphqlBody !== undefined && /"code"\s*:\s*"FORBIDDEN"/.test(graphqlBody) && graphqlBody.includes('"errors"')) return 'forbidden';
  return undefined;
}
