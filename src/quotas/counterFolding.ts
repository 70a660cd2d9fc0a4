import type { StoredCounter } from './usageStore';

/** The `instance` of a folded counter: the totals of instances that are gone, for one account, day and key. */
export const FOLDED_INSTANCE = '*';

/** A counter as stored, with the instances a folded one already includes. */
export type FoldableCounter = StoredCounter & { folded?: readonly string[] };

/** What one compaction of an account writes (folded counters, absolute values) and then deletes. */
export interface FoldPlan {
  writes: Required<FoldableCounter>[];
  deletes: string[];
}

const groupOf = (counter: StoredCounter) => `${counter.day}|${counter.keyId}`;

/**
 * Folds the counters of instances that are gone (not in `liveInstances`) into one counter per
 * account, day and key (`_id` `<account>|<day>|<key>|*`), which lists the instances it includes.
 * A gone instance's counter that the folded one already lists is only deleted, never added again,
 * so a compaction that stopped between its write and its deletes is finished by the next one
 * without counting twice.
 */
export function planFold(counters: readonly FoldableCounter[], liveInstances: ReadonlySet<string>): FoldPlan {
  const folded = new Map<string, FoldableCounter>();
  const gone = new Map<string, FoldableCounter[]>();
  for (const counter of counters) {
    if (counter.instance === FOLDED_INSTANCE) folded.set(groupOf(counter), counter);
    else if (!liveInstances.has(counter.instance)) gone.set(groupOf(counter), [...(gone.get(groupOf(counter)) ?? []), counter]);
  }
  const plan: FoldPlan = { writes: [], deletes: [] };
  for (const [group, list] of gone) {
    const first = list[0];
    const before = folded.get(group);
    const includes = new Set(before?.folded ?? []);
    const next: Required<FoldableCounter> = {
      _id: `${first.accountId}|${first.day}|${first.keyId}|${FOLDED_INSTANCE}`,
      accountId: first.accountId, keyId: first.keyId, day: first.day, instance: FOLDED_INSTANCE,
      calls: before?.calls ?? 0, refusedBurst: before?.refusedBurst ?? 0, refusedQuota: before?.refusedQuota ?? 0,
      at: before?.at ?? 0, folded: [],
    };
    let added = false;
    for (const counter of list) {
      plan.deletes.push(counter._id);
      next.at = Math.max(next.at, counter.at);
      if (includes.has(counter.instance)) continue;
      includes.add(counter.instance);
      next.calls += counter.calls;
      next.refusedBurst += counter.refusedBurst;
      next.refusedQuota += counter.refusedQuota;
      added = true;
    }
    next.folded = [...includes].sort();
    if (added) plan.writes.push(next);
  }
  return plan;
}

/**
 * The counters to add up: every one but those a folded counter of the same account, day and key
 * already includes (a compaction writes the folded counter before it deletes what it folded).
 */
export function countedCounters<T extends FoldableCounter>(counters: readonly T[]): T[] {
  const included = new Set<string>();
  for (const counter of counters) {
    if (counter.instance !== FOLDED_INSTANCE) continue;
    for (const instance of counter.folded ?? []) included.add(`${counter.accountId}|${groupOf(counter)}|${instance}`);
  }
  if (included.size === 0) return [...counters];
  return counters.filter((counter) => !included.has(`${counter.accountId}|${groupOf(counter)}|${counter.instance}`));
}
