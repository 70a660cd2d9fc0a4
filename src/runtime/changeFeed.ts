import type { Database } from '../database/database';

/** Called with the topic that changed (e.g. `schema:acc_1`, `key:<id>`). */
export type ChangeListener = (topic: string) => void;

/** The topic a listener receives when every cache must be dropped. */
export const ALL_TOPICS = '*';

/** How often an instance looks for changes made elsewhere. */
export const CHANGE_POLL_INTERVAL_MS = 200;
/** Marks are re-read this far back, so clock skew between instances cannot hide a change. */
const LOOKBACK_MS = 5000;

/**
 * Cache invalidation across stateless instances sharing one database. A writer calls `publish`:
 * listeners of this instance run at once, and a mark is written that every other instance's poll
 * (every 200 ms) turns into the same notification — well within the documented 1 s bound.
 * Needs no change streams (FerretDB has none), only an indexed find.
 */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private readonly seen = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private missedPolls = false;

  constructor(private readonly database: Database) {}

  /** Registers a listener; returns a function that removes it. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Announces a change here and to every other instance. */
  async publish(topic: string): Promise<void> {
    this.notify(topic);
    await this.database.models.changeMarks.collection.updateOne(
      { _id: topic as never },
      { $set: { at: Date.now() }, $inc: { seq: 1 } },
      { upsert: true },
    );
  }

  /** Starts polling for changes made by other instances. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), CHANGE_POLL_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One poll: notifies every topic whose mark is newer than what this instance has seen. */
  async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const marks = await this.database.models.changeMarks.collection
        .find({ at: { $gte: Date.now() - LOOKBACK_MS } })
        .toArray();
      if (this.missedPolls) {
        // Changes older than the look-back may have been missed: everything is stale.
        this.missedPolls = false;
        this.notify(ALL_TOPICS);
      }
      for (const mark of marks) {
        const topic = String(mark._id);
        // A per-topic counter, not a timestamp: instances' clocks may disagree.
        const seq = Number(mark.seq);
        if ((this.seen.get(topic) ?? 0) >= seq) continue;
        this.seen.set(topic, seq);
        this.notify(topic);
      }
    } catch {
      this.missedPolls = true;
    } finally {
      this.polling = false;
    }
  }

  private notify(topic: string): void {
    for (const listener of this.listeners) listener(topic);
  }
}
