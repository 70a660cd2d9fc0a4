import type { Database } from '../database/database';
import type { UsageCounterRecord } from '../database/models/usageCounterModel';
import type { UsageEntry } from './usageRecorder';

/** A heartbeat older than this means the instance is gone (it no longer takes a burst share). */
export const INSTANCE_LIVE_MS = 5_000;

/** One stored counter: one instance's totals for one key on one day. */
export type StoredCounter = Required<Pick<UsageCounterRecord, '_id' | 'accountId' | 'keyId' | 'day' | 'instance' | 'calls' | 'refusedBurst' | 'refusedQuota'>>;

/**
 * The database side of usage: counters and instance heartbeats in `usage_counters`. Every write
 * names one `_id` and sets absolute values; every document has one writer (its instance).
 */
export class UsageStore {
  constructor(private readonly database: Database) {}

  private get collection() {
    return this.database.models.usageCounters.collection;
  }

  /** Writes this instance's changed entries and its heartbeat, in one bulk write. */
  async write(instance: string, entries: readonly UsageEntry[], nowMs: number): Promise<void> {
    const operations = entries.map((entry) => ({
      updateOne: {
        filter: { _id: entry.id },
        update: {
          $set: {
            kind: 'counter', accountId: entry.accountId, keyId: entry.keyId, day: entry.day, instance,
            calls: entry.calls, refusedBurst: entry.refusedBurst, refusedQuota: entry.refusedQuota, at: nowMs,
          },
        },
        upsert: true,
      },
    }));
    operations.push({ updateOne: { filter: { _id: `instance:${instance}` }, update: { $set: { kind: 'instance', instance, at: nowMs } as never }, upsert: true } });
    await this.collection.bulkWrite(operations as never, { ordered: false });
  }

  /** The counters of these accounts from `firstDay` on. */
  async counters(accountIds: readonly string[], firstDay: string): Promise<StoredCounter[]> {
    if (accountIds.length === 0) return [];
    const filter = accountIds.length === 1 ? { accountId: accountIds[0], day: { $gte: firstDay } } : { accountId: { $in: [...accountIds] }, day: { $gte: firstDay } };
    const projection = { accountId: 1, keyId: 1, day: 1, instance: 1, calls: 1, refusedBurst: 1, refusedQuota: 1 };
    const found = await this.collection.find(filter as never, { projection }).toArray();
    return found.map((doc) => ({
      _id: String(doc._id), accountId: String(doc.accountId), keyId: String(doc.keyId), day: String(doc.day), instance: String(doc.instance),
      calls: Number(doc.calls ?? 0), refusedBurst: Number(doc.refusedBurst ?? 0), refusedQuota: Number(doc.refusedQuota ?? 0),
    }));
  }

  /** How many instances flushed within `INSTANCE_LIVE_MS` (at least 1: this one). */
  async liveInstances(nowMs: number): Promise<number> {
    const live = await this.collection.countDocuments({ kind: 'instance', at: { $gte: nowMs - INSTANCE_LIVE_MS } } as never);
    return Math.max(1, live);
  }

  /** The plan names of these accounts. */
  async plans(accountIds: readonly string[]): Promise<Map<string, string>> {
    if (accountIds.length === 0) return new Map();
    const found = await this.database.models.accounts.collection
      .find({ _id: accountIds.length === 1 ? accountIds[0] : { $in: [...accountIds] } } as never, { projection: { plan: 1 } })
      .toArray();
    return new Map(found.map((doc) => [String(doc._id), String(doc.plan)]));
  }

  /** Deletes counters of days before `firstKeptDay` and heartbeats older than a day. */
  async sweep(firstKeptDay: string, nowMs: number): Promise<void> {
    await this.collection.deleteMany({ kind: 'counter', day: { $lt: firstKeptDay } } as never);
    await this.collection.deleteMany({ kind: 'instance', at: { $lt: nowMs - 86_400_000 } } as never);
  }
}
