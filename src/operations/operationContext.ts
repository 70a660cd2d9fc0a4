import type { Permissions } from '../access/permissions';
import type { AccountContent } from '../accounts/accountContent';

/** What every operation needs: the account's content services and the caller's rights. */
export interface OperationContext {
  content: AccountContent;
  permissions: Permissions;
  /**
   * Refuse what the key may not read as if it did not exist (GraphQL: its schema view has no such
   * field, so filter and order strings must not tell more). REST answers 403 naming the field.
   */
  hideExistence?: boolean;
}
