import { createHash } from 'node:crypto';
import type { ContentTypeDefinitionInput } from '../content-types/contentTypeDefinition';
import type { AccountScope } from '../database/accountScope';
import { decodeFromStorage } from '../database/storageCodec';
import { STALE_CLAIM_MS } from '../database/versionClaims';
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
  if (await insertClaim(scope, contentType, ownerIdKey, value)) return 'claimed';
  const claim = await scope.uniqueClaims.findOne({ _id: value.claimId });
  if (!claim) return claimOne(scope, contentType, ownerIdKey, value); // released meanwhile
  if (claim.ownerIdKey === ownerIdKey) return 'held';
  const stored = await scope.objects(contentType).findById(claim.ownerIdKey);
  const owner = stored?.internal.deletedAt === '' ? stored : null;
  const ownerData = owner ? (decodeFromStorage(owner.data) as Record<string, unknown>) : undefined;
  if (ownerData && ownerData[value.field] === value.value) return 'conflict';
  // The owner does not hold the value: a write in flight (young claim) or one that never completed.
  if (Date.now() - (claim.at ?? 0) < STALE_CLAIM_MS) return 'conflict';
  // Take it over. Conditional updates and deletes are not atomic on FerretDB, inserts of a unique
  // `_id` are: of racing takers only the one that inserts the takeover token for this very claim
  // (owner and time) removes it, and then competes for the value like any new writer.
  const token = `unique/${value.claimId}/${claim.ownerIdKey}/${claim.at ?? 0}`;
  if (!(await scope.versionClaims().claim(token, 1, undefined, async () => false))) return 'conflict';
  await scope.uniqueClaims.deleteMany({ _id: value.claimId, ownerIdKey: claim.ownerIdKey });
  return (await insertClaim(scope, contentType, ownerIdKey, value)) ? 'claimed' : 'conflict';
}

/** Inserts a claim; false when the value is claimed already. */
async function insertClaim(scope: AccountScope, contentType: string, ownerIdKey: string, value: UniqueValue): Promise<boolean> {
  try {
    await scope.uniqueClaims.insert([{ _id: value.claimId, contentType, field: value.field, ownerIdKey, at: Date.now() }]);
    return true;
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    return false;
  }
}
