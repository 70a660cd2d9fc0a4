import { canPerform, canUseField, reachesType } from '../../access/decisions';
import type { Action, FieldAction, Permissions } from '../../access/permissions';
import { propertiesOf, type ContentTypeDefinition } from '../../content-types/contentTypeDefinition';

/** A key's rights on one content type, as `GET /api/auth-context` reports them. */
export interface TypeRightsView {
  contentType: string;
  canRead: boolean;
  canCreate: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  /** Properties the key may not use for an action it otherwise holds on the type. */
  deniedFields: Record<FieldAction, string[]>;
}

const FIELD_ACTIONS: readonly FieldAction[] = ['read', 'create', 'update'];

/**
 * Describes a key's rights over the given CTDs, derived only from the decision functions (never
 * from stored rules): one entry per type the key reaches. `deniedFields[action]` lists the CTD's
 * properties refused for that action while the action itself is granted; when the action is not
 * granted at all the list is empty (the `can…` flag already says no).
 */
export function describeRights(permissions: Permissions, ctds: readonly ContentTypeDefinition[]): TypeRightsView[] {
  return ctds
    .filter((ctd) => reachesType(permissions, ctd.name))
    .map((ctd) => {
      const can = (action: Action) => canPerform(permissions, action, ctd.name);
      const properties = Object.keys(propertiesOf(ctd));
      const denied = (action: FieldAction) =>
        can(action) ? properties.filter((field) => !canUseField(permissions, action, ctd.name, field)) : [];
      return {
        contentType: ctd.name,
        canRead: can('read'),
        canCreate: can('create'),
        canUpdate: can('update'),
        canDelete: can('delete'),
        deniedFields: Object.fromEntries(FIELD_ACTIONS.map((action) => [action, denied(action)])) as Record<FieldAction, string[]>,
      };
    });
}
