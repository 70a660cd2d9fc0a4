import type { ApolloServerPlugin } from '@apollo/server';
import { errors } from '../errors/errorFactory';
import type { GraphQLContext } from './graphqlContext';

/**
 * Refuses a GraphQL answer whole once its request went over its result budget (`ResultBudget`):
 * one `RESULT_TOO_LARGE` error and no data, instead of a partial answer with an error for every
 * relation field left unresolved.
 */
export function resultBudgetPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (!contextValue.budget?.exceeded || response.body.kind !== 'single') return;
          const refusal = errors.resultTooLarge();
          response.body.singleResult = { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] };
        },
      };
    },
  };
}
