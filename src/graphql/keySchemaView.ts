import { MapperKind, mapSchema, pruneSchema } from '@graphql-tools/utils';
import { GraphQLBoolean, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { Permissions } from '../access/permissions';
import { meetsRequirement } from '../access/scopes';
import { REQUIRES_SCOPES } from './scopeDirective';
import { requirementOf, type GuardedElement } from './schemaGuards';

/**
 * A key's view of an account schema, pruned by the `@requiresScopes` directives: every field and
 * input field whose requirement the key does not meet (or that states none: deny by default) is
 * removed, then every type nothing reaches any more. What remains is exactly what the key may use,
 * so naming anything else fails validation as a name that does not exist would. Resolvers (with
 * their shield rules) and directives are kept: the view executes as it is and is checked again.
 */
export function keySchemaView(schema: GraphQLSchema, permissions: Permissions): GraphQLSchema {
  const allowed = (element: GuardedElement, typeName: string) => {
    const requirement = requirementOf(schema, schema.getType(typeName), element);
    return requirement !== undefined && meetsRequirement(permissions, requirement);
  };
  const pruned = mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, _name, typeName) => (allowed(field, typeName) ? field : null),
    [MapperKind.INPUT_OBJECT_FIELD]: (field, _name, typeName) => (allowed(field, typeName) ? field : null),
  });
  const withRoots = mapSchema(pruned, {
    [MapperKind.QUERY]: (type) => (Object.keys(type.getFields()).length ? type : emptyQuery()),
    [MapperKind.MUTATION]: (type) => (Object.keys(type.getFields()).length ? type : null),
  });
  return pruneSchema(withRoots);
}

/** A key that may read nothing still gets a valid schema: a Query type with one inert field. */
function emptyQuery(): GraphQLObjectType {
  return new GraphQLObjectType({
    name: 'Query',
    fields: { _empty: { type: GraphQLBoolean, resolve: () => null, extensions: { directives: { [REQUIRES_SCOPES]: [{ scopes: [[]] }] } } } },
  });
}
