import {
  GraphQLBoolean,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLFieldConfig,
  type GraphQLInputFieldConfig,
  type GraphQLNamedType,
  type GraphQLType,
} from 'graphql';
import type { Permissions } from '../../access/permissions';
import { meetsRequirement } from '../../access/scopes';
import { REQUIRES_SCOPES } from '../sdl/scopeDirective';
import { runAtOnce, type Steps } from '../../utils/slicedWork';
import { guardTable, type GuardTable } from './guardTable';

/**
 * A key's view of an account schema, pruned by the `@requiresScopes` directives: every field and
 * input field whose requirement the key does not meet (or that states none: deny by default) is
 * removed, then every type nothing reaches any more (a type left without fields is removed with the
 * fields and arguments that use it). What remains is exactly what the key may use, so naming
 * anything else fails validation as a name that does not exist would. Resolvers (with their shield
 * rules) and directives are kept: the view executes as it is and is checked again.
 *
 * Built directly with graphql-js (types that lose nothing are shared with the account schema, the
 * others are rebuilt lazily) rather than with `mapSchema` + `pruneSchema`, which rebuild and walk
 * every type several times: a view must cost milliseconds, it is built per distinct rights.
 */
export function keySchemaView(schema: GraphQLSchema, permissions: Permissions): GraphQLSchema {
  return runAtOnce(keySchemaViewSteps(schema, permissions));
}

/** `keySchemaView` in steps: one type per step, so the registry builds large views in slices. */
export function* keySchemaViewSteps(schema: GraphQLSchema, permissions: Permissions): Steps<GraphQLSchema> {
  const table = guardTable(schema);
  const allowed = new Map<string, Set<string>>();
  for (const [name, entry] of table.types) {
    allowed.set(name, new Set([...entry.fields].filter(([, requirement]) => requirement !== undefined && meetsRequirement(permissions, requirement)).map(([field]) => field)));
    yield;
  }
  dropUnusable(table, allowed);
  const changed = changedTypes(table, allowed);
  const rebuilt = new Map<string, GraphQLNamedType>();
  const named = (type: GraphQLNamedType): GraphQLNamedType => rebuilt.get(type.name) ?? type;
  const rewire = <T extends GraphQLType>(type: T): T => {
    if (isNonNullType(type)) return new GraphQLNonNull(rewire(type.ofType)) as T;
    if (isListType(type)) return new GraphQLList(rewire(type.ofType)) as T;
    return named(type as GraphQLNamedType) as T;
  };
  for (const name of changed) {
    const { type } = table.types.get(name)!;
    const keep = allowed.get(name)!;
    if (isObjectType(type)) {
      const config = type.toConfig();
      rebuilt.set(name, new GraphQLObjectType({
        ...config,
        fields: () => mapFields(config.fields, keep, (field: GraphQLFieldConfig<unknown, unknown>) => ({
          ...field,
          type: rewire(field.type),
          args: field.args && Object.fromEntries(Object.entries(field.args).map(([arg, argConfig]) => [arg, { ...argConfig, type: rewire(argConfig.type) }])),
        })),
      }));
    } else {
      const config = type.toConfig();
      rebuilt.set(name, new GraphQLInputObjectType({
        ...config,
        fields: () => mapFields(config.fields, keep, (field: GraphQLInputFieldConfig) => ({ ...field, type: rewire(field.type) })),
      }));
    }
  }
  for (const type of rebuilt.values()) {
    (type as GraphQLObjectType | GraphQLInputObjectType).getFields();
    yield;
  }
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  return new GraphQLSchema({
    query: query && allowed.get(query.name)!.size ? (named(query) as GraphQLObjectType) : emptyQuery(),
    mutation: mutation && allowed.get(mutation.name)!.size ? (named(mutation) as GraphQLObjectType) : undefined,
    directives: schema.getDirectives(),
    description: schema.description,
  });
}

function mapFields<C>(fields: Record<string, C>, keep: ReadonlySet<string>, map: (field: C) => C): Record<string, C> {
  const kept: Record<string, C> = {};
  for (const [name, field] of Object.entries(fields)) if (keep.has(name)) kept[name] = map(field);
  return kept;
}

/** Removes, until nothing changes, fields whose type or an argument's type is left without fields. */
function dropUnusable(table: GuardTable, allowed: Map<string, Set<string>>): void {
  const empty = (type: GraphQLType) => allowed.get(getNamedType(type).name)?.size === 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, keep] of allowed) {
      const fields = table.types.get(name)!.type.getFields();
      for (const field of [...keep]) {
        const definition = fields[field];
        const args = 'args' in definition ? definition.args : [];
        if (empty(definition.type) || args.some((arg) => empty(arg.type))) {
          keep.delete(field);
          changed = true;
        }
      }
    }
  }
}

/** Types that lost a field, and every type that (transitively) refers to one of them. */
function changedTypes(table: GuardTable, allowed: Map<string, Set<string>>): Set<string> {
  const changed = new Set([...allowed].filter(([name, keep]) => keep.size !== table.types.get(name)!.fields.size).map(([name]) => name));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, keep] of allowed) {
      if (changed.has(name)) continue;
      const fields = table.types.get(name)!.type.getFields();
      const refersToChanged = [...keep].some((field) => {
        const definition = fields[field];
        const args = 'args' in definition ? definition.args : [];
        return changed.has(getNamedType(definition.type).name) || args.some((arg) => changed.has(getNamedType(arg.type).name));
      });
      if (refersToChanged) {
        changed.add(name);
        grew = true;
      }
    }
  }
  return changed;
}

/** A key that may read nothing still gets a valid schema: a Query type with one inert field. */
function emptyQuery(): GraphQLObjectType {
  return new GraphQLObjectType({
    name: 'Query',
    fields: { _empty: { type: GraphQLBoolean, resolve: () => null, extensions: { directives: { [REQUIRES_SCOPES]: [{ scopes: [[]] }] } } } },
  });
}
