import type { Permissions } from '../access/permissions';
import type { AccountContent } from '../accounts/accountContent';
import type { ResultBudget } from './resultBudget';

/** What every operation needs: the account's content services and the caller's rights. */
export interface OperationContext {
  content: AccountContent;
  permissions: Permissions;
  /**
   * Refuse what the key may not read as if it did not exist (GraphQL: its schema view has no such
   * field, so filter and order strings must not tell more). REST answers 403 naming the field.
   */
  hideExistence?: boolean;
  /** How many objects the request's answer may still hold (absent: no bound, e.g. internal callers). */
  budget?: ResultBudget;
}
