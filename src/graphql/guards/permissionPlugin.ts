import type { ApolloServerPlugin } from '@apollo/server';
import { checkOperationPermissions } from './checkOperationPermissions';
import type { GuardedContext } from './guardedContext';

/**
 * Runs the per-request permission check after the operation is parsed and validated and before
 * it executes; a refused operation returns one FORBIDDEN error and no data.
 */
export function permissionPlugin(): ApolloServerPlugin<GuardedContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, contextValue, operationName, request }) {
          const refusal = checkOperationPermissions(schema, document, contextValue.permissions, operationName, request.variables);
          if (refusal) {
            refusal.extensions.http = { status: 200 };
            throw refusal;
          }
        },
      };
    },
  };
}
