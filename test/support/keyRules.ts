import type { KeyRule } from '../../src/access/permissions';

/** A rule of a user-defined key on `type` granting nothing but `rights`. */
export function keyRule(type: string, rights: Partial<KeyRule> = {}): KeyRule {
  return { contentTypeDefinitionName: type, canRead: false, canCreate: false, canUpdate: false, canDelete: false, ...rights };
}
