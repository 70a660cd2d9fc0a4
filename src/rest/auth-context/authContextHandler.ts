import { canManageSchema } from '../../access/decisions';
import { reachableContentTypes } from '../../operations/contentTypeOperations';
import { ok, type RestHandler } from '../restCall';
import { describeRights } from './describeRights';

/**
 * `GET /api/auth-context`: validates a key (spec §0; Flotiq does not document the body). Answers
 * who the key is — account, kind (`rw`|`ro`|`user`), name — whether it may manage CTDs, and its
 * rights on each CTD of the account it reaches. Never the secret or the stored rules.
 */
export const authContext: RestHandler = async ({ ctx, principal }) => {
  const ctds = await reachableContentTypes(ctx);
  return ok({
    accountId: principal.accountId,
    keyKind: principal.kind,
    keyName: principal.keyName,
    canManageSchema: canManageSchema(ctx.permissions),
    rights: describeRights(ctx.permissions, ctds),
  });
};
