import { planFold } from './counterFolding';
import type { UsageStore } from './usageStore';

/** An instance whose heartbeat is older than this is gone: its counters are folded. */
export const GONE_AFTER_MS = 3_600_000;

/**
 * Folds the counters of gone instances (no heartbeat for `GONE_AFTER_MS`) into one counter per
 * account, day and key, so the refresh reads (live instances + 1) × keys × days counters per account
 * however many instances came and went. One instance per account and UTC hour does it: it claims the
 * account by inserting an `_id` (the one write FerretDB 1.x makes atomic), reads again, writes the
 * folded counters with absolute values and only then deletes what they include. Returns the number
 * of accounts compacted here.
 */
export async function compactGoneInstances(store: UsageStore, nowMs: number): Promise<number> {
  const live = await store.instancesSeenSince(nowMs - GONE_AFTER_MS);
  const hour = Math.floor(nowMs / 3_600_000);
  let compacted = 0;
  for (const accountId of await store.accountsWithCounters()) {
    const first = planFold(await store.storedCounters(accountId), live);
    if (first.deletes.length === 0) continue;
    if (!(await store.claim(`compact|${accountId}|${hour}`, nowMs))) continue;
    await store.applyFold(accountId, planFold(await store.storedCounters(accountId), live));
    compacted++;
  }
  return compacted;
}
