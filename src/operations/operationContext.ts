import type { Permissions } from '../access/permissions';
import type { AccountContent } from '../accounts/accountContent';

/** What every operation needs: the account's content services and the caller's rights. */
export interface OperationContext {
  content: AccountContent;
  permissions: Permissions;
}
