import { Schema, type Connection, type Model } from 'mongoose';

/**
 * `change_marks` holds three kinds of documents, told apart by `_id`, and every read or write of
 * them names one `_id` (the only filter FerretDB's SQLite backend answers without decoding the
 * whole collection), so no index beyond `_id` is needed:
 *
 * - a topic mark (`_id` = the topic): the topic's version, for people and for code that versions by topic;
 * - a feed entry (`_id` = `feed:<n>`): the n-th entry of the change feed's log (one or more changed topics);
 * - the feed head (`_id` = `feed-head`): a recent entry number, where a starting instance begins.
 */
export interface ChangeMarkRecord {
  _id: string;
  /** Wall-clock time of the last change (for people; the feed orders by entry numbers, never by clocks). */
  at: number;
  /** Incremented on every change of the topic. */
  seq: number;
  /** The feed entry number of the topic's latest change (kept at its maximum). */
  globalSeq: number;
}

/** Published changes: entry numbers are claimed by inserting `feed:<n>`, so each is taken once. */
export interface FeedEntryRecord {
  _id: string;
  n: number;
  /** The topics (publishes queued on one instance share an entry), or `['*']` for a gap: drop every cache. */
  topics: string[];
  /** The publishing instance (it notified itself already). */
  by: string;
  at: number;
}

/** The `_id` of the feed head. */
export const FEED_HEAD_ID = 'feed-head';

/** The feed head: an entry number that exists (or existed), written after each publish. */
export interface FeedHeadRecord {
  _id: typeof FEED_HEAD_ID;
  seq: number;
  at: number;
}

/** The `_id` of feed entry `n`. */
export function feedEntryId(n: number): string {
  return `feed:${n}`;
}

/** Whether an `_id` belongs to the feed itself rather than to a topic. */
export function isFeedId(id: string): boolean {
  return id === FEED_HEAD_ID || id.startsWith('feed:');
}

const changeMarkSchema = new Schema<ChangeMarkRecord>(
  {
    _id: { type: String, required: true },
    at: { type: Number, required: true },
    seq: { type: Number, required: true },
    globalSeq: { type: Number, required: true },
  },
  { collection: 'change_marks', versionKey: false, strict: 'throw', strictQuery: 'throw', autoIndex: false },
);

/** Registers the change-mark model on a connection. */
export function changeMarkModel(connection: Connection): Model<ChangeMarkRecord> {
  return connection.models.ChangeMark ?? connection.model<ChangeMarkRecord>('ChangeMark', changeMarkSchema);
}
