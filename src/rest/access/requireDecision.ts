import type { Action, Permissions } from '../../access/permissions';
import { errors } from '../../errors/errorFactory';
import { requireAction } from '../../operations/guards';

/**
 * Enforces a REST-only decision from `access/decisions.ts` (`canUpsert`, `canListRemoved`) with the
 * operation layer's refusal shape: a key with no right at all on the type gets 404, exactly as for
 * a missing type (`requireAction` on `primary`); a key with some right on it gets 403.
 */
export function requireDecision(allowed: boolean, permissions: Permissions, type: string, primary: Action): void {
  if (allowed) return;
  requireAction(permissions, primary, type);
  throw errors.forbidden();
}
