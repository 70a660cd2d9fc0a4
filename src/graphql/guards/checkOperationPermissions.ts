import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql';
import type { Permissions } from '../../access/permissions';
import { firstRefusal } from './operationGuard';

/**
 * Decides, once per request and before anything executes, whether the key may run the whole
 * operation, by the `@requiresScopes` of every field and input field it uses (see
 * `firstRefusal`). Returns one FORBIDDEN error naming the first refused field, or undefined.
 */
export function checkOperationPermissions(
  schema: GraphQLSchema,
  document: DocumentNode,
  permissions: Permissions,
  operationName?: string | null,
  variables?: Readonly<Record<string, unknown>>,
): GraphQLError | undefined {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && definition.name?.value !== operationName) continue;
    const root = schema.getRootType(definition.operation);
    if (!root) continue; // a view without mutations: validation refused it (knownOperationTypesRule)
    const refusal = firstRefusal({ schema, permissions, fragments, variables }, root, definition.selectionSet);
    if (refusal) return new GraphQLError(refusal, { extensions: { code: 'FORBIDDEN' } });
  }
  return undefined;
}
