import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './graphqlContext';
import { isServerFailure } from './formatGraphQLError';

/** Codes of masked server failures in GraphQL answers (`errors.internal`, `errors.unavailable`). */
const SERVER_FAILURE_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);

/**
 * Reports GraphQL server failures as REST does: each is logged with the request's id and cause
 * (pino, so keys stay redacted), and every masked error in the answer names the request
 * (`extensions.requestId`), so an operator can find the log line a client quotes.
 */
export function errorReportPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isServerFailure(error)) contextValue.log.error({ err: error.originalError ?? error, path: error.path }, 'unexpected GraphQL error');
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            typeof error.extensions?.code === 'string' && SERVER_FAILURE_CODES.has(error.extensions.code)
              ? { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }
              : error,
          );
        },
      };
    },
  };
}
