import { canPerform, deniedFields } from '../access/decisions';
import type { Action, Permissions } from '../access/permissions';
import { errors } from '../errors/errorFactory';

/**
 * Requires an action on a type. A key with no right at all on the type gets 404, exactly as for a
 * type that does not exist (existence is not revealed); a key with other rights on it gets 403.
 */
export function requireAction(permissions: Permissions, action: Action, type: string): void {
  if (canPerform(permissions, action, type)) return;
  const knowsType = (['read', 'create', 'update', 'delete'] as const).some((other) => canPerform(permissions, other, type));
  throw knowsType ? errors.forbidden() : errors.notFound();
}

/** Refuses, as a whole, input that writes fields the key may not write; names those fields. */
export function requireWritableFields(
  permissions: Permissions,
  action: 'create' | 'update',
  type: string,
  fields: readonly string[],
): void {
  const denied = deniedFields(permissions, action, type, fields);
  if (denied.length) throw errors.forbidden(`Not allowed to ${action} field(s): ${denied.join(', ')}`);
}

/** Refuses filtering or ordering on fields the key cannot read (they would be an oracle). */
export function requireReadableFields(permissions: Permissions, type: string, fields: readonly string[], purpose: string): void {
  const denied = deniedFields(permissions, 'read', type, [...new Set(fields)]);
  if (denied.length) throw errors.forbidden(`Not allowed to ${purpose} on field(s): ${denied.join(', ')}`);
}
