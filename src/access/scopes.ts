import { canPerform, canUseField } from './decisions';
import type { Action, FieldAction, Permissions } from './permissions';

/**
 * Scopes: the names under which the generated GraphQL schema states what each field needs
 * (`@requiresScopes`). Grammar (documented in the README):
 *
 * - `<type>:<action>` — an action on a content type: `blogpost:read`, `blogpost:create`,
 *   `blogpost:update`, `blogpost:delete`.
 * - `<type>.<property>:<fieldAction>` — a field right on a top-level property: `blogpost.title:read`,
 *   `blogpost.title:create`, `blogpost.title:update`. It implies the type's action (a field right
 *   narrows the type's right, it never widens it).
 *
 * A requirement is Apollo Federation's shape: a list of alternatives, each a list of scopes that
 * must all be held. `[]` (no alternative) is never met; `[[]]` (one empty alternative) always is.
 */
export type Scope = string;

/** Any one inner list, all of its scopes. */
export type ScopeRequirement = readonly (readonly Scope[])[];

/** A scope taken apart. */
export interface ParsedScope {
  type: string;
  property?: string;
  action: Action;
}

const ACTIONS: ReadonlySet<string> = new Set<Action>(['read', 'create', 'update', 'delete']);
const FIELD_ACTIONS: ReadonlySet<string> = new Set<FieldAction>(['read', 'create', 'update']);

/** The scope of an action on a content type. */
export function typeScope(type: string, action: Action): Scope {
  return `${type}:${action}`;
}

/** The scope of a field right on a top-level property of a content type. */
export function fieldScope(type: string, property: string, action: FieldAction): Scope {
  return `${type}.${property}:${action}`;
}

/** Reads a scope; undefined when it does not follow the grammar (such a scope is never held). */
export function parseScope(scope: Scope): ParsedScope | undefined {
  const colon = scope.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const action = scope.slice(colon + 1);
  const subject = scope.slice(0, colon);
  const dot = subject.indexOf('.');
  if (dot < 0) return ACTIONS.has(action) && subject ? { type: subject, action: action as Action } : undefined;
  const type = subject.slice(0, dot);
  const property = subject.slice(dot + 1);
  if (!type || !property || !FIELD_ACTIONS.has(action)) return undefined;
  return { type, property, action: action as Action };
}

/** Does the key hold `scope`? Decided by the permission engine; a malformed scope is not held. */
export function holdsScope(permissions: Permissions, scope: Scope): boolean {
  const parsed = parseScope(scope);
  if (!parsed) return false;
  if (parsed.property === undefined) return canPerform(permissions, parsed.action, parsed.type);
  return canUseField(permissions, parsed.action as FieldAction, parsed.type, parsed.property);
}

/** Does the key meet the requirement (some alternative whose scopes it all holds)? */
export function meetsRequirement(permissions: Permissions, requirement: ScopeRequirement): boolean {
  return requirement.some((alternative) => alternative.every((scope) => holdsScope(permissions, scope)));
}

/** The first scope of the requirement's first alternative the key does not hold (for messages). */
export function firstMissingScope(permissions: Permissions, requirement: ScopeRequirement): ParsedScope | undefined {
  for (const scope of requirement[0] ?? []) {
    if (!holdsScope(permissions, scope)) return parseScope(scope);
  }
  return undefined;
}
