import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * Refuses, at validation, an operation whose root type the schema lacks (a key's view without
 * mutations): graphql-js 16 only fails it at execution, with `data: null`. Same message as the
 * rule graphql-js 17 adds.
 */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(new GraphQLError(`The ${node.operation} operation is not supported by the schema.`, { nodes: node }));
      }
    },
  };
}
