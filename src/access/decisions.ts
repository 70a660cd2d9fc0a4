import type { Action, FieldAction, Permissions } from './permissions';

/**
 * Every permission decision of contentgate. Pure functions over normalised `Permissions`; the
 * graphql-shield rules, the GraphQL operation check and the REST handlers all call these.
 */

/** May the key perform `action` on objects of `type`? */
export function canPerform(permissions: Permissions, action: Action, type: string): boolean {
  if (permissions.everyType) return permissions.everyType.has(action);
  return permissions.types.get(type)?.actions.has(action) === true;
}

/**
 * Does the key hold any right on `type`? Such a key may see the type's definition (a create-only
 * key needs the schema to write valid objects); for any other key the type does not exist.
 */
export function reachesType(permissions: Permissions, type: string): boolean {
  return (['read', 'create', 'update', 'delete'] as const).some((action) => canPerform(permissions, action, type));
}

/** May the key perform `action` on `field` of `type`? `id` and `internal` follow the type. */
export function canUseField(permissions: Permissions, action: FieldAction, type: string, field: string): boolean {
  if (!canPerform(permissions, action, type)) return false;
  if (permissions.everyType) return true;
  return !permissions.types.get(type)!.deniedFields[action].has(field);
}

/**
 * May the key read a value derived from `sources` (e.g. `internal.objectTitle`)? Only when it may
 * read the type and every one of those fields: a derived value must not reveal a hidden field.
 */
export function canReadDerived(permissions: Permissions, type: string, sources: readonly string[]): boolean {
  return sources.every((field) => canUseField(permissions, 'read', type, field)) && canPerform(permissions, 'read', type);
}

/** The fields among `fields` the key may not use for `action` on `type` (in the given order). */
export function deniedFields(permissions: Permissions, action: FieldAction, type: string, fields: readonly string[]): string[] {
  return fields.filter((field) => !canUseField(permissions, action, type, field));
}

/**
 * The fields of `type` the key may not use for `action` although it holds the action (empty when
 * none are narrowed). For hot paths that test many fields against one type's rights.
 */
export function narrowedFields(permissions: Permissions, action: FieldAction, type: string): ReadonlySet<string> {
  if (permissions.everyType) return NONE;
  return permissions.types.get(type)?.deniedFields[action] ?? NONE;
}

const NONE: ReadonlySet<string> = Object.freeze(new Set<string>());

/** Whether some field of `type` is narrowed for `action` (so responses must be trimmed). */
export function hasFieldRestrictions(permissions: Permissions, action: FieldAction, type: string): boolean {
  return narrowedFields(permissions, action, type).size > 0;
}

/** Of the given type names, those the key may read. */
export function readableTypes(permissions: Permissions, typeNames: readonly string[]): string[] {
  return typeNames.filter((name) => canPerform(permissions, 'read', name));
}

/** May the key create, change or delete content type definitions? */
export function canManageSchema(permissions: Permissions): boolean {
  return permissions.manageSchema;
}

/** May the key see everything of every type (and so the whole schema)? */
export function seesEverything(permissions: Permissions): boolean {
  return permissions.everyType?.has('read') === true;
}

/** `/removed` needs read and delete (spec §2.1). */
export function canListRemoved(permissions: Permissions, type: string): boolean {
  return canPerform(permissions, 'read', type) && canPerform(permissions, 'delete', type);
}

/** An upsert (batch with updateExisting) needs create and update. */
export function canUpsert(permissions: Permissions, type: string): boolean {
  return canPerform(permissions, 'create', type) && canPerform(permissions, 'update', type);
}
