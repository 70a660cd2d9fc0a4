import type { Collection, Document } from 'mongodb';
import type { Database } from '../database/database';
import type { UsageCounterRecord } from '../database/models/usageCounterModel';
import { countedCounters, type FoldableCounter, type FoldPlan } from './counterFolding';
import type { UsageEntry } from './usageRecorder';

/** On FerretDB each account's counters live in a collection of their own, named with this prefix. */
export const ACCOUNT_USAGE_PREFIX = 'usage.';

/** One stored counter: one instance's totals for one key on one day, and when it was last written. */
export type StoredCounter = Required<Pick<UsageCounterRecord, '_id' | 'accountId' | 'keyId' | 'day' | 'instance' | 'calls' | 'refusedBurst' | 'refusedQuota' | 'at'>>;

const COUNTER_FIELDS = { accountId: 1, keyId: 1, day: 1, instance: 1, calls: 1, refusedBurst: 1, refusedQuota: 1, at: 1, folded: 1 };

function toCounter(doc: Document): FoldableCounter {
  return {
    _id: String(doc._id), accountId: String(doc.accountId), keyId: String(doc.keyId), day: String(doc.day), instance: String(doc.instance),
    calls: Number(doc.calls ?? 0), refusedBurst: Number(doc.refusedBurst ?? 0), refusedQuota: Number(doc.refusedQuota ?? 0), at: Number(doc.at ?? 0),
    ...(Array.isArray(doc.folded) ? { folded: doc.folded.map(String) } : {}),
  };
}

/**
 * The database side of usage. Instance heartbeats and compaction claims live in `usage_counters`;
 * counters too on MongoDB (index `{accountId, day}`), but on FerretDB in one collection per account
 * (`usage.<account>`), because FerretDB 1.x pushes only `_id` filters down and would read a shared
 * collection whole at every refresh. Every write names one `_id` and sets absolute values; every
 * counter has one writer (its instance, or the one compaction that claimed its account).
 */
export class UsageStore {
  constructor(private readonly database: Database) {}

  private get shared(): Collection<Document> {
    return this.database.models.usageCounters.collection as unknown as Collection<Document>;
  }

  private get ownCollections(): boolean {
    return this.database.layout === 'collectionPerType';
  }

  private countersOf(accountId: string): Collection<Document> {
    return this.ownCollections ? this.database.connection.db!.collection(`${ACCOUNT_USAGE_PREFIX}${accountId}`) : this.shared;
  }

  /** Writes this instance's changed entries (one bulk write per collection) and its heartbeat. */
  async write(instance: string, entries: readonly UsageEntry[], nowMs: number): Promise<void> {
    const byAccount = new Map<string, Document[]>();
    for (const entry of entries) {
      const target = this.ownCollections ? entry.accountId : '';
      const operations = byAccount.get(target) ?? [];
      operations.push({
        updateOne: {
          filter: { _id: entry.id },
          update: { $set: { kind: 'counter', accountId: entry.accountId, keyId: entry.keyId, day: entry.day, instance, calls: entry.calls, refusedBurst: entry.refusedBurst, refusedQuota: entry.refusedQuota, at: nowMs } },
          upsert: true,
        },
      });
      byAccount.set(target, operations);
    }
    const heartbeat = { updateOne: { filter: { _id: `instance:${instance}` }, update: { $set: { kind: 'instance', instance, at: nowMs } }, upsert: true } };
    byAccount.set('', [...(byAccount.get('') ?? []), heartbeat]);
    await Promise.all(
      [...byAccount].map(([accountId, operations]) => (accountId ? this.countersOf(accountId) : this.shared).bulkWrite(operations as never, { ordered: false })),
    );
  }

  /** The counters to add up of these accounts from `firstDay` on (what a folded counter includes left out). */
  async counters(accountIds: readonly string[], firstDay: string): Promise<StoredCounter[]> {
    if (accountIds.length === 0) return [];
    const day = { $gte: firstDay };
    const found = this.ownCollections
      ? (await Promise.all(accountIds.map((accountId) => this.countersOf(accountId).find({ day }, { projection: COUNTER_FIELDS }).toArray()))).flat()
      : await this.shared.find({ accountId: accountIds.length === 1 ? accountIds[0] : { $in: [...accountIds] }, day }, { projection: COUNTER_FIELDS }).toArray();
    return countedCounters(found.map(toCounter)).map(({ folded: _folded, ...counter }) => counter);
  }

  /** Every counter of one account, as stored (for compaction). */
  async storedCounters(accountId: string): Promise<FoldableCounter[]> {
    const filter = this.ownCollections ? {} : { accountId, kind: 'counter' };
    return (await this.countersOf(accountId).find(filter, { projection: COUNTER_FIELDS }).toArray()).map(toCounter);
  }

  /** The accounts that have counters. */
  async accountsWithCounters(): Promise<string[]> {
    if (!this.ownCollections) return (await this.shared.distinct('accountId', { kind: 'counter' })).map(String);
    const collections = await this.database.connection.db!.listCollections({}, { nameOnly: true }).toArray();
    return collections.filter((c) => c.name.startsWith(ACCOUNT_USAGE_PREFIX)).map((c) => c.name.slice(ACCOUNT_USAGE_PREFIX.length));
  }

  /** The instances whose heartbeat is at `sinceMs` or later. */
  async instancesSeenSince(sinceMs: number): Promise<Set<string>> {
    const found = await this.shared.find({ kind: 'instance', at: { $gte: sinceMs } }, { projection: { instance: 1 } }).toArray();
    return new Set(found.map((doc) => String(doc.instance)));
  }

  /** Claims a piece of work for this instance alone (an `_id` insert: atomic even on FerretDB). */
  async claim(name: string, nowMs: number): Promise<boolean> {
    try {
      await this.shared.insertOne({ _id: `claim:${name}` as never, kind: 'claim', instance: 'claim', at: nowMs });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  /** Writes an account's folded counters (absolute values), then deletes what they include. */
  async applyFold(accountId: string, plan: FoldPlan): Promise<void> {
    const collection = this.countersOf(accountId);
    for (const { _id, ...counter } of plan.writes) await collection.updateOne({ _id: _id as never }, { $set: { kind: 'counter', ...counter } }, { upsert: true });
    if (plan.deletes.length > 0) await collection.deleteMany({ _id: { $in: plan.deletes as never[] } });
  }

  /** The plan names of these accounts. */
  async plans(accountIds: readonly string[]): Promise<Map<string, string>> {
    if (accountIds.length === 0) return new Map();
    const found = await this.database.models.accounts.collection
      .find({ _id: accountIds.length === 1 ? accountIds[0] : { $in: [...accountIds] } } as never, { projection: { plan: 1 } })
      .toArray();
    return new Map(found.map((doc) => [String(doc._id), String(doc.plan)]));
  }

  /** Deletes counters of days before `firstKeptDay`, and heartbeats and claims older than a day. */
  async sweep(firstKeptDay: string, nowMs: number): Promise<void> {
    if (this.ownCollections) {
      for (const accountId of await this.accountsWithCounters()) await this.countersOf(accountId).deleteMany({ day: { $lt: firstKeptDay } });
    } else await this.shared.deleteMany({ kind: 'counter', day: { $lt: firstKeptDay } });
    await this.shared.deleteMany({ kind: { $in: ['instance', 'claim'] }, at: { $lt: nowMs - 86_400_000 } });
  }

  /**
   * On FerretDB, moves counters an earlier version kept in `usage_counters` into their account's
   * collection (same `_id`, absolute values: two instances doing it at once write the same thing).
   */
  async moveSharedCounters(): Promise<void> {
    if (!this.ownCollections) return;
    for (const doc of await this.shared.find({ kind: 'counter' }).toArray()) {
      const { _id, ...fields } = doc;
      const target = this.countersOf(String(doc.accountId));
      await target.updateOne({ _id }, { $set: fields }, { upsert: true }).catch(async (error: { code?: number }) => {
        // FerretDB: another instance inserted it at the same moment; the document is there now.
        if (error.code !== 11000) throw error;
        await target.updateOne({ _id }, { $set: fields });
      });
      await this.shared.deleteOne({ _id });
    }
  }
}
