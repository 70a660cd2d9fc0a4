import { canPerform } from '../../access/decisions';
import type { Action, Permissions } from '../../access/permissions';

const ACTIONS: readonly Action[] = ['read', 'create', 'update', 'delete'];

/**
 * Whether a key may see the definition of a type: when it holds any of the four rights on it (a
 * create-only key needs the schema to write valid objects). Application keys reach every type.
 * Composed from `canPerform` only; spec §4.3 infers "scoped keys see the CTDs in their rules".
 */
export function reachesType(permissions: Permissions, type: string): boolean {
  return ACTIONS.some((action) => canPerform(permissions, action, type));
}
