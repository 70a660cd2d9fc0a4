import {
  getArgumentValues,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Permissions } from '../../access/permissions';
import { firstMissingScope, meetsRequirement, type ScopeRequirement } from '../../access/scopes';
import { requirementOf } from './schemaGuards';

/** Fields every selection may carry without a requirement. */
const ALWAYS_ALLOWED = new Set(['__typename']);
/** Introspection entry points: any key may introspect the schema it executes against (its view). */
const INTROSPECTION = new Set(['__schema', '__type']);

/** What a walk needs besides the selections. */
export interface GuardWalk {
  schema: GraphQLSchema;
  permissions: Permissions;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The one permission walk of GraphQL. Goes through `selections` (children of `parent`), through
 * aliases, fragments and inline fragments, and returns a refusal message for the first field the
 * key may not use — its `@requiresScopes` not met, or none stated (deny by default) — or for the
 * first input field of its arguments (literals and variables alike) the key may not write or
 * filter on. Undefined when everything is allowed. Messages name only what the operation used.
 */
export function firstRefusal(walk: GuardWalk, parent: GraphQLNamedType, selections: SelectionSetNode): string | undefined {
  return refusalIn(walk, parent, selections, new Set());
}

function refusalIn(walk: GuardWalk, parent: GraphQLNamedType, selections: SelectionSetNode, spread: Set<string>): string | undefined {
  for (const selection of selections.selections) {
    let refusal: string | undefined;
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (ALWAYS_ALLOWED.has(name) || INTROSPECTION.has(name)) continue;
      const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      if (!field) return `Not allowed to use ${parent.name}.${name}`;
      const requirement = requirementOf(walk.schema, parent, field);
      if (!requirement || !meetsRequirement(walk.permissions, requirement)) return fieldRefusal(walk, parent.name, name, requirement);
      refusal = argumentsRefusal(walk, field, selection);
      if (refusal) return refusal;
      if (selection.selectionSet) refusal = refusalIn(walk, getNamedType(field.type), selection.selectionSet, spread);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      refusal = type ? refusalIn(walk, type, selection.selectionSet, spread) : 'Not allowed to use this fragment';
    } else if (!spread.has(selection.name.value)) {
      const fragment = walk.fragments[selection.name.value];
      const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      refusal = type ? refusalIn(walk, type, fragment.selectionSet, new Set([...spread, selection.name.value])) : 'Not allowed to use this fragment';
    }
    if (refusal) return refusal;
  }
  return undefined;
}

function argumentsRefusal(walk: GuardWalk, field: GraphQLField<unknown, unknown>, node: FieldNode): string | undefined {
  if (!field.args.length) return undefined;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, walk.variables as Record<string, unknown> | undefined);
  } catch {
    return undefined; // values that do not coerce never execute: execution reports them
  }
  for (const arg of field.args) {
    const refusal = inputRefusal(walk, arg.type, args[arg.name]);
    if (refusal) return refusal;
  }
  return undefined;
}

function inputRefusal(walk: GuardWalk, type: GraphQLInputType, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (isNonNullType(type)) return inputRefusal(walk, type.ofType, value);
  if (isListType(type)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      const refusal = inputRefusal(walk, type.ofType, item);
      if (refusal) return refusal;
    }
    return undefined;
  }
  if (!isInputObjectType(type) || typeof value !== 'object') return undefined;
  const fields = type.getFields();
  for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
    const field = fields[name];
    const requirement = field && requirementOf(walk.schema, type, field);
    if (!requirement || !meetsRequirement(walk.permissions, requirement)) return fieldRefusal(walk, type.name, name, requirement);
    const refusal = inputRefusal(walk, field.type, item);
    if (refusal) return refusal;
  }
  return undefined;
}

function fieldRefusal(walk: GuardWalk, parent: string, field: string, requirement: ScopeRequirement | undefined): string {
  const missing = requirement && firstMissingScope(walk.permissions, requirement);
  if (!missing) return `Not allowed to use ${parent}.${field}`;
  if (parent === walk.schema.getQueryType()?.name || parent === walk.schema.getMutationType()?.name) {
    return `Not allowed to ${missing.action} ${missing.type} (${field})`;
  }
  if (isInputObjectType(walk.schema.getType(parent)) && missing.property !== undefined) {
    return `Not allowed to ${missing.action === 'read' ? 'filter on' : missing.action} field(s): ${missing.property}`;
  }
  return `Not allowed to read ${parent}.${field}`;
}
