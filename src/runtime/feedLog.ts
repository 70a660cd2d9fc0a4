import type { mongo } from 'mongoose';
import type { Database } from '../database/database';
import {
  FEED_HEAD_ID,
  feedEntryId,
  type ChangeMarkRecord,
  type FeedEntryRecord,
  type FeedHeadRecord,
} from '../database/models/changeMarkModel';

/** A published change as a poll reads it. */
export interface FeedEntry {
  n: number;
  topics: string[];
  by: string;
}

/** The topic of a gap entry (the change feed's `ALL_TOPICS`). */
export const GAP_TOPIC = '*';
/**
 * Entries kept behind the newest; older ones are deleted by later publishes. Small on purpose:
 * FerretDB's SQLite backend answers an `_id` read by scanning its table (its `_id` index does not
 * match the query it issues), so every publish and every quiet poll costs time in proportion to
 * the table. An instance further behind than this reads a gap and drops everything, as it must
 * (more than `MAX_ENTRIES_PER_POLL` behind is a gap anyway).
 */
export const FEED_RETAINED_ENTRIES = 600;
/** A publisher that lost this many claims in a row gives up (the publish rejects). */
const MAX_CLAIM_ATTEMPTS = 64;
/** Point reads one poll issues at once while catching up. */
const MAX_READ_BATCH = 32;

/**
 * The change feed's log in `change_marks`, using only operations FerretDB 1.x does atomically and
 * answers by `_id` alone: an insert claims entry `feed:<n>` (a duplicate `_id` means another
 * instance has it), reads and deletes name one `_id`. Updates there are read-modify-write without
 * isolation (concurrent `$inc`s are lost), so no counter is ever updated in place for ordering.
 *
 * Entry n is only ever tried by a publisher that knows n-1 exists, so the entries form one
 * unbroken run: a reader that finds no entry after its last one knows there is nothing newer
 * (unless an entry was deleted — see `ChangeFeed`'s head check).
 */
export class FeedLog {
  constructor(private readonly database: Database) {}

  /** Claims the first free entry after `known` (an entry known to exist, or 0) for `topics`; returns its number. */
  async append(topics: string[], by: string, known: number): Promise<number> {
    let candidate = known + 1;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.entries().insertOne({ _id: feedEntryId(candidate), n: candidate, topics, by, at: Date.now() });
        return candidate;
      } catch (error) {
        if (!isDuplicateKey(error) || attempt >= MAX_CLAIM_ATTEMPTS) throw error;
        // Taken: after a few collisions, skip straight to the end of the run.
        candidate = (attempt >= 3 ? await this.findEnd(candidate) : candidate) + 1;
      }
    }
  }

  /**
   * Entry `n`, if it exists: one `_id` read. A malformed entry (not written by this code) reads as a
   * gap, so readers drop everything and go on instead of stopping at it.
   */
  async read(n: number): Promise<FeedEntry | undefined> {
    const entry = await this.entries().findOne({ _id: feedEntryId(n) });
    if (!entry) return undefined;
    const topics: unknown = entry.topics;
    if (entry.n !== n || !Array.isArray(topics) || !topics.every((t) => typeof t === 'string') || typeof entry.by !== 'string') {
      return { n, topics: [GAP_TOPIC], by: '' };
    }
    return { n, topics: topics as string[], by: entry.by };
  }

  /**
   * The entries after `floor`, in order, up to the first missing one and at most `limit`. One read
   * when there is nothing new; while catching up, batches of point reads.
   */
  async readAfter(floor: number, limit: number): Promise<FeedEntry[]> {
    const found: FeedEntry[] = [];
    let batch = 1;
    while (found.length < limit) {
      const start = floor + found.length + 1;
      const size = Math.min(batch, limit - found.length);
      const read = await Promise.all(Array.from({ length: size }, (_, i) => this.read(start + i)));
      for (const entry of read) {
        if (!entry) return found;
        found.push(entry);
      }
      batch = Math.min(batch * 2, MAX_READ_BATCH);
    }
    return found;
  }

  /** The last entry of the run that continues after `from` (`from` itself exists, or is 0): galloping, then bisecting. */
  async findEnd(from: number): Promise<number> {
    let low = from;
    let step = 1;
    while (await this.read(low + step)) {
      low += step;
      step *= 2;
    }
    let high = low + step;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (await this.read(middle)) low = middle;
      else high = middle;
    }
    return low;
  }

  /** The head: a recent entry number (0 when nothing was published yet). One `_id` read. */
  async readHead(): Promise<number> {
    const head = await this.heads().findOne({ _id: FEED_HEAD_ID });
    const seq = Number(head?.seq ?? 0);
    if (!Number.isSafeInteger(seq) || seq < 0) throw new Error('change feed: malformed head');
    return seq;
  }

  /** Raises the head to entry `n` (best effort: FerretDB may lose a concurrent raise; readers never rely on it alone). */
  async raiseHead(n: number): Promise<void> {
    await upsertRetryingOnce(() =>
      this.heads().updateOne({ _id: FEED_HEAD_ID }, { $max: { seq: n }, $set: { at: Date.now() } }, { upsert: true }),
    );
  }

  /** Bumps `topic`'s mark: its counter by one, its globalSeq to entry `n`. */
  async markTopic(topic: string, n: number): Promise<void> {
    await upsertRetryingOnce(() =>
      this.marks().updateOne({ _id: topic }, { $inc: { seq: 1 }, $max: { globalSeq: n }, $set: { at: Date.now() } }, { upsert: true }),
    );
  }

  /** Deletes the entry that falls out of the retained window once entry `n` exists. */
  async prune(n: number): Promise<void> {
    if (n > FEED_RETAINED_ENTRIES) await this.entries().deleteOne({ _id: feedEntryId(n - FEED_RETAINED_ENTRIES) });
  }

  private entries(): mongo.Collection<FeedEntryRecord> {
    return this.database.models.changeMarks.collection as unknown as mongo.Collection<FeedEntryRecord>;
  }

  private heads(): mongo.Collection<FeedHeadRecord> {
    return this.database.models.changeMarks.collection as unknown as mongo.Collection<FeedHeadRecord>;
  }

  private marks(): mongo.Collection<ChangeMarkRecord> {
    return this.database.models.changeMarks.collection as unknown as mongo.Collection<ChangeMarkRecord>;
  }
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 11000;
}

/** Two concurrent upserts of a missing document: one inserts, the other gets E11000 and then updates it. */
async function upsertRetryingOnce(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await write();
  }
}
