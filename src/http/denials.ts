/** Why a request was refused for its key. */
export type Denial = 'unauthenticated' | 'forbidden' | 'not_in_schema';

/**
 * Whether an answer refused the request's key: REST and GraphQL answer 401 for a missing or unknown
 * key and REST 403 for a right the key lacks; GraphQL answers that with 200 and an error whose code
 * is FORBIDDEN (`graphqlBody`, the GraphQL answer's text, is only looked at then). A name the
 * key's own GraphQL schema does not have (400 GRAPHQL_VALIDATION_FAILED) is `not_in_schema`: it
 * counts what a key may not use and typos alike, since the two answer the same on purpose.
 */
export function denialOf(status: number, graphqlBody?: string): Denial | undefined {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (graphqlBody === undefined || !graphqlBody.includes('"errors"')) return undefined;
  if (status === 200 && /"code"\s*:\s*"FORBIDDEN"/.test(graphqlBody)) return 'forbidden';
  if (status === 400 && /"code"\s*:\s*"GRAPHQL_VALIDATION_FAILED"/.test(graphqlBody)) return 'not_in_schema';
  return undefined;
}
