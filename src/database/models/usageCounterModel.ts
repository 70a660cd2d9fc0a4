import { Schema, type Connection, type Model } from 'mongoose';

/**
 * `usage_counters` holds two kinds of documents, each written by one instance only (so no two
 * writers ever update one document: FerretDB 1.x loses concurrent `$inc`s and has no TTL indexes):
 *
 * - a counter (`_id` = `<account>|<day>|<key>|<instance>`): what one instance admitted and refused
 *   for one key on one UTC day, as absolute totals (`$set`, so a retried flush never counts twice);
 * - an instance heartbeat (`_id` = `instance:<instance>`, `kind: 'instance'`): when the instance last
 *   flushed; the live instances share an account's burst limit.
 */
export interface UsageCounterRecord {
  _id: string;
  kind: 'counter' | 'instance';
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
}

const usageCounterSchema = new Schema<UsageCounterRecord>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: ['counter', 'instance'] },
    // Every counter belongs to one account; only instance heartbeats have none.
    accountId: { type: String, required: function (this: UsageCounterRecord) { return this.kind === 'counter'; } },
    keyId: { type: String },
    day: { type: String },
    instance: { type: String, required: true },
    calls: { type: Number },
    refusedBurst: { type: Number },
    refusedQuota: { type: Number },
    at: { type: Number, required: true },
  },
  { collection: 'usage_counters', versionKey: false, strict: 'throw', strictQuery: 'throw', autoIndex: false },
);
usageCounterSchema.index({ accountId: 1, day: 1 }, { name: 'account_day' });
usageCounterSchema.index({ kind: 1, day: 1 }, { name: 'kind_day' });

/** Registers the usage-counter model on a connection. */
export function usageCounterModel(connection: Connection): Model<UsageCounterRecord> {
  return connection.models.UsageCounter ?? connection.model<UsageCounterRecord>('UsageCounter', usageCounterSchema);
}
