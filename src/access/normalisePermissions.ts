import type { Action, FieldAction, KeyKind, KeyRule, Permissions, TypeRights } from './permissions';

const NO_FIELDS: ReadonlySet<string> = Object.freeze(new Set<string>());
const ALL_ACTIONS: ReadonlySet<Action> = Object.freeze(new Set<Action>(['read', 'create', 'update', 'delete']));
const READ_ONLY: ReadonlySet<Action> = Object.freeze(new Set<Action>(['read']));

/**
 * Normalises a key into its complete rights. Application keys: RW may do everything (including
 * schema changes), RO may read everything. A user-defined key reaches exactly the types its rules
 * name; several rules for one type are merged by union; field rights only narrow (a field right
 * set to false denies it; true or absent means "as the type"). A key with no rules reaches nothing.
 */
export function normalisePermissions(kind: KeyKind, rules: readonly KeyRule[] = []): Permissions {
  if (kind === 'rw') return freeze({ kind, everyType: ALL_ACTIONS, types: new Map(), manageSchema: true });
  if (kind === 'ro') return freeze({ kind, everyType: READ_ONLY, types: new Map(), manageSchema: false });

  const merged = new Map<string, { actions: Set<Action>; denied: Record<FieldAction, Set<string>> }>();
  for (const rule of rules) {
    const entry = merged.get(rule.contentTypeDefinitionName) ?? {
      actions: new Set<Action>(),
      denied: { read: new Set<string>(), create: new Set<string>(), update: new Set<string>() },
    };
    if (rule.canRead === true) entry.actions.add('read');
    if (rule.canCreate === true) entry.actions.add('create');
    if (rule.canUpdate === true) entry.actions.add('update');
    if (rule.canDelete === true) entry.actions.add('delete');
    for (const [field, rights] of Object.entries(rule.fields ?? {})) {
      for (const action of ['read', 'create', 'update'] as const) {
        if (rights[action] === false) entry.denied[action].add(field);
      }
    }
    merged.set(rule.contentTypeDefinitionName, entry);
  }
  const types = new Map<string, TypeRights>();
  for (const [name, entry] of merged) {
    types.set(
      name,
      Object.freeze({
        actions: Object.freeze(entry.actions),
        deniedFields: Object.freeze({
          read: entry.denied.read.size ? Object.freeze(entry.denied.read) : NO_FIELDS,
          create: entry.denied.create.size ? Object.freeze(entry.denied.create) : NO_FIELDS,
          update: entry.denied.update.size ? Object.freeze(entry.denied.update) : NO_FIELDS,
        }),
      }),
    );
  }
  return freeze({ kind, everyType: undefined, types, manageSchema: false });
}

function freeze(permissions: Permissions): Permissions {
  return Object.freeze({ ...permissions, types: permissions.types });
}
