import { getDirective, type DirectableGraphQLObject } from '@graphql-tools/utils';
import type { GraphQLNamedType, GraphQLSchema } from 'graphql';
import type { ScopeRequirement } from '../../access/scopes';
import { REQUIRES_SCOPES } from '../sdl/scopeDirective';

/** A field or input field (or its config) whose requirement is read. */
export type GuardedElement = DirectableGraphQLObject;

const requirements = new WeakMap<object, ScopeRequirement | null>();

/**
 * What a field or input field requires, read from the schema: its own `@requiresScopes`, else the
 * one on the type that holds it. Undefined when neither states one — such an element is denied
 * (deny by default) — or when the argument is not a list of lists of strings.
 */
export function requirementOf(schema: GraphQLSchema, holder: GraphQLNamedType | undefined, element: GuardedElement): ScopeRequirement | undefined {
  return ownRequirement(schema, element) ?? (holder && ownRequirement(schema, holder));
}

function ownRequirement(schema: GraphQLSchema, element: DirectableGraphQLObject): ScopeRequirement | undefined {
  let known = requirements.get(element);
  if (known === undefined) {
    const scopes = getDirective(schema, element, REQUIRES_SCOPES)?.[0]?.scopes as unknown;
    known = isRequirement(scopes) ? scopes : null;
    requirements.set(element, known);
  }
  return known ?? undefined;
}

function isRequirement(value: unknown): value is ScopeRequirement {
  return Array.isArray(value) && value.every((alternative) => Array.isArray(alternative) && alternative.every((scope) => typeof scope === 'string'));
}
