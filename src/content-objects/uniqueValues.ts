import { createHash } from 'node:crypto';
import type { ContentTypeDefinitionInput } from '../content-types/contentTypeDefinition';
import type { AccountScope } from '../database/accountScope';
import { decodeFromStorage } from '../database/storageCodec';
import type { FieldErrors } from '../errors/appError';

/** One value of a unique field that an object holds. */
export interface UniqueValue {
  field: string;
  claimId: string;
  value: unknown;
}

/** The unique fields' values an object holds (non-empty scalars only). */
export function uniqueValuesOf(
  accountId: string,
  ctd: ContentTypeDefinitionInput,
  data: Record<string, unknown>,
): UniqueValue[] {
  const values: UniqueValue[] = [];
  for (const [field, config] of Object.entries(ctd.metaDefinition.propertiesConfig)) {
    if (!config.unique) continue;
    const value = data[field];
    if (value === undefined || value === null || value === '' || typeof value === 'object') continue;
    const claimId = createHash('sha256')
      .update(JSON.stringify([accountId, ctd.name, field, value]))
      .digest('base64url');
    values.push({ field, claimId, value });
  }
  return values;
}

/**
 * Claims unique values for an object through the unique `_id` index of `unique_claims`. A claim
 * whose owner no longer holds the value (deleted, changed, or a write that never completed) is
 * taken over. Returns the ids newly claimed (to release if the write fails) or the conflicts.
 */
export async function claimUniqueValues(
  scope: AccountScope,
  contentType: string,
  ownerIdKey: string,
  values: UniqueValue[],
): Promise<{ claimed: string[]; conflicts: FieldErrors }> {
  const claimed: string[] = [];
  const conflicts: FieldErrors = {};
  for (const value of values) {
    const outcome = await claimOne(scope, contentType, ownerIdKey, value);
    if (outcome === 'claimed') claimed.push(value.claimId);
    if (outcome === 'conflict') conflicts[value.field] = ['This value is already used'];
  }
  if (Object.keys(conflicts).length) {
    await releaseClaims(scope, ownerIdKey, claimed);
    return { claimed: [], conflicts };
  }
  return { claimed, conflicts };
}

/** Releases claims an owner holds. */
export async function releaseClaims(scope: AccountScope, ownerIdKey: string, claimIds: string[]): Promise<void> {
  if (claimIds.length === 0) return;
  await scope.uniqueClaims.deleteMany({ _id: { $in: claimIds }, ownerIdKey });
}

async function claimOne(
  scope: AccountScope,
  contentType: string,
  ownerIdKey: string,
  value: UniqueValue,
): Promise<'claimed' | 'held' | 'conflict'> {
  try {
    await scope.uniqueClaims.insert([{ _id: value.claimId, contentType, field: value.field, ownerIdKey }]);
    return 'claimed';
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
  }
  const claim = await scope.uniqueClaims.findOne({ _id: value.claimId });
  if (!claim) return claimOne(scope, contentType, ownerIdKey, value); // released meanwhile
  if (claim.ownerIdKey === ownerIdKey) return 'held';
  const stored = await scope.objects(contentType).findById(claim.ownerIdKey);
  const owner = stored?.internal.deletedAt === '' ? stored : null;
  const ownerData = owner ? (decodeFromStorage(owner.data) as Record<string, unknown>) : undefined;
  if (ownerData && ownerData[value.field] === value.value) return 'conflict';
  // Stale claim: take it over only if nobody else did in the meantime.
  const taken = await scope.uniqueClaims.updateOne(
    { _id: value.claimId, ownerIdKey: claim.ownerIdKey },
    { $set: { ownerIdKey } },
  );
  return taken === 1 ? 'claimed' : 'conflict';
}
