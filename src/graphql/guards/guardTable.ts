import { isInputObjectType, isObjectType, type GraphQLInputObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { ScopeRequirement } from '../../access/scopes';
import { runAtOnce, type Steps } from '../../utils/slicedWork';
import { requirementOf } from './schemaGuards';

/** Object and input types of a schema with what each of their fields requires (undefined: nothing stated, denied). */
export interface GuardTable {
  readonly types: ReadonlyMap<string, { type: GraphQLObjectType | GraphQLInputObjectType; fields: ReadonlyMap<string, ScopeRequirement | undefined> }>;
}

const tables = new WeakMap<GraphQLSchema, GuardTable>();

/** The guard table of a schema, read from its `@requiresScopes` directives once per schema. */
export function guardTable(schema: GraphQLSchema): GuardTable {
  return tables.get(schema) ?? runAtOnce(guardTableSteps(schema));
}

/** Reads a schema's guard table one type per step and keeps it for `guardTable` (account builds do this in slices). */
export function* guardTableSteps(schema: GraphQLSchema): Steps<GuardTable> {
  const types = new Map<string, { type: GraphQLObjectType | GraphQLInputObjectType; fields: Map<string, ScopeRequirement | undefined> }>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInputObjectType(type))) continue;
    const fields = new Map(Object.values(type.getFields()).map((field): [string, ScopeRequirement | undefined] => [field.name, requirementOf(schema, type, field)]));
    types.set(type.name, { type, fields });
    yield;
  }
  const table = { types };
  tables.set(schema, table);
  return table;
}
