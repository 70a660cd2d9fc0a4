import { canManageSchema, canPerform, canReadDerived, deniedFields, reachesType } from '../access/decisions';
import type { FieldRead } from '../query/fieldCatalog';
import type { Action, Permissions } from '../access/permissions';
import { errors } from '../errors/errorFactory';
import { unknownField, type FieldPurpose } from '../query/unknownField';

/**
 * Requires an action on a type. A key with no right at all on the type gets 404, exactly as for a
 * type that does not exist (existence is not revealed); a key with other rights on it gets 403.
 */
export function requireAction(permissions: Permissions, action: Action, type: string): void {
  requireDecision(canPerform(permissions, action, type), permissions, type);
}

/**
 * Enforces a composite decision (`canUpsert`, `canListRemoved`) with the same refusal shape:
 * 404 for a key with no right on the type, 403 for one with some other right.
 */
export function requireDecision(allowed: boolean, permissions: Permissions, type: string): void {
  if (allowed) return;
  throw reachesType(permissions, type) ? errors.forbidden() : errors.notFound();
}

/** Requires the right to create, change and delete content type definitions (403 otherwise). */
export function requireSchemaRights(permissions: Permissions): void {
  if (!canManageSchema(permissions)) throw errors.forbidden();
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

/**
 * Refuses filtering or ordering on fields the key cannot read, or on values derived from them such
 * as `internal.objectTitle` (they would be an oracle). The refusal names only what the client wrote:
 * 403 naming the fields, or, when `hideExistence` (GraphQL, where a key's view has no such field),
 * exactly the refusal of a field that does not exist.
 */
export function requireReadableFields(
  permissions: Permissions,
  type: string,
  reads: readonly FieldRead[],
  purpose: FieldPurpose,
  hideExistence = false,
): void {
  const denied = reads.filter((read) => !canReadDerived(permissions, type, read.properties)).map((read) => read.name);
  if (!denied.length) return;
  if (hideExistence) throw unknownField(purpose, denied[0]);
  throw errors.forbidden(`Not allowed to ${purpose} on field(s): ${denied.join(', ')}`);
}
