import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Usage documents, each written by one writer only (so no two writers ever update one document:
 * FerretDB 1.x loses concurrent `$inc`s, rewrites a whole document on update and has no TTL indexes):
 *
 * - a counter (`_id` = `<account>|<day>|<key>|<instance>`): what one instance admitted and refused
 *   for one key on one UTC day, as absolute totals (`$set`, so a retried flush never counts twice).
 *   On MongoDB in `usage_counters`; on FerretDB in the account's own collection `usage.<account>`
 *   (see `quotas/usageStore.ts`). A folded counter (`instance` `*`) holds the totals of gone
 *   instances, named in `folded`, written by the one compaction that claimed the account;
 * - an instance heartbeat (`_id` = `instance:<instance>`, `kind: 'instance'`): when the instance last
 *   flushed (instances gone for an hour have their counters folded);
 * - a compaction claim (`_id` = `claim:compact|<account>|<hour>`, `kind: 'claim'`), inserted once.
 */
export interface UsageCounterRecord {
  _id: string;
  kind: 'counter' | 'instance' | 'claim';
  accountId?: string;
  keyId?: string;
  /** UTC day, `YYYY-MM-DD`. */
  day?: string;
  instance: string;
  calls?: number;
  refusedBurst?: number;
  refusedQuota?: number;
  /** Last write (epoch ms). */
  at: number;
  /** Of a folded counter: the instances whose totals it includes. */
  folded?: string[];
}

const usageCounterSchema = new Schema<UsageCounterRecord>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: ['counter', 'instance', 'claim'] },
    // Every counter belongs to one account; only instance heartbeats have none.
    accountId: { type: String, required: function (this: UsageCounterRecord) { return this.kind === 'counter'; } },
    keyId: { type: String },
    day: { type: String },
    instance: { type: String, required: true },
    calls: { type: Number },
    refusedBurst: { type: Number },
    refusedQuota: { type: Number },
    at: { type: Number, required: true },
    folded: { type: [String], default: undefined },
  },
  { collection: 'usage_counters', versionKey: false, strict: 'throw', strictQuery: 'throw', autoIndex: false },
);
usageCounterSchema.index({ accountId: 1, day: 1 }, { name: 'account_day' });
usageCounterSchema.index({ kind: 1, day: 1 }, { name: 'kind_day' });

/** Registers the usage-counter model on a connection. */
export function usageCounterModel(connection: Connection): Model<UsageCounterRecord> {
  return connection.models.UsageCounter ?? connection.model<UsageCounterRecord>('UsageCounter', usageCounterSchema);
}
