import type { Permissions } from '../../access/permissions';

/** What the guards read from a GraphQL request's context: the caller's rights (the full context extends it). */
export interface GuardedContext {
  permissions: Permissions;
}
