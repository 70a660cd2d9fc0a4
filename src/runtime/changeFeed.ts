import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Database } from '../database/database';
import { isFeedId } from '../database/models/changeMarkModel';
import { FeedLog, GAP_TOPIC } from './feedLog';

/** Called with the topic that changed (e.g. `schema:acc_1`, `key:<id>`). */
export type ChangeListener = (topic: string) => void;

/** The topic a listener receives when every cache must be dropped (a gap in the feed). */
export const ALL_TOPICS = GAP_TOPIC;

/** How often an instance looks for changes made elsewhere. */
export const CHANGE_POLL_INTERVAL_MS = 200;
/** Longer than this since the last successful poll (a stall, a suspended process) counts as a gap. */
export const MAX_POLL_GAP_MS = 5000;
/** How often a poll also reads the head, to notice an entry that was deleted (a hole in the log). */
export const HEAD_CHECK_INTERVAL_MS = 1000;
/** More new entries than this in one poll are not replayed: the instance drops everything and skips to the end. */
export const MAX_ENTRIES_PER_POLL = 500;

/** Topics one entry carries at most. */
const MAX_TOPICS_PER_ENTRY = 100;
/**
 * How long a publish waits for others to share its entry. A batch of writes publishes once per
 * object; without the wait each got its own entry and its own head, mark and prune writes (4 writes
 * per object, competing with the objects' own writes for SQLite's single writer). This instance's
 * listeners are told at once; other instances learn of it this much later.
 */
export const PUBLISH_LINGER_MS = 50;

interface QueuedPublish {
  topic: string;
  resolve(claimed: { n: number; marked: Promise<void>; housekeeping: Promise<void> }): void;
  reject(error: unknown): void;
}

/** Timing of one feed; tests shorten them. */
export interface ChangeFeedOptions {
  pollIntervalMs?: number;
  maxPollGapMs?: number;
  headCheckIntervalMs?: number;
  maxEntriesPerPoll?: number;
  publishLingerMs?: number;
}

/**
 * Cache invalidation across stateless instances sharing one database. A writer calls `publish`:
 * listeners of this instance run at once, and the change is appended to the feed's log: one
 * insert claims the next entry number (shared by the publishes queued meanwhile; see `FeedLog`).
 * Every instance polls every 200 ms by reading the entry after the last one it has read — one
 * `_id` point read while nothing changes — and notifies each topic published elsewhere once (its
 * own entries it skips: it notified them at once).
 *
 * A gap notifies `ALL_TOPICS`: a failed poll (at once, and again when polls succeed again), too
 * long since the last successful poll, an entry found missing behind the head, too many entries to
 * replay, and a publish that could not be written (here at once; to every instance through a gap
 * entry as soon as this instance can write one). Needs no change streams or transactions.
 */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private readonly log: FeedLog;
  /** Tells this instance's entries from the others'. */
  private readonly instanceId = randomBytes(8).toString('hex');
  private readonly pollIntervalMs: number;
  private readonly maxPollGapMs: number;
  private readonly headCheckIntervalMs: number;
  private readonly maxEntriesPerPoll: number;
  private readonly publishLingerMs: number;
  /** The last entry this instance has read; undefined before its first poll. */
  private floor: number | undefined;
  /** The highest entry known to exist (read or claimed here): where the next claim starts. */
  private known: number | undefined;
  private lastHeadCheckAt = 0;
  private lastSuccessAt: number | undefined;
  private failing = false;
  /** Publishes that failed, and how many of them a gap entry has covered: the others must be told to drop everything. */
  private failedPublishes = 0;
  private gapsPaid = 0;
  private paying: Promise<void> | undefined;
  /** Publishes waiting for the claim under way to finish. */
  private readonly queue: QueuedPublish[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private claiming = false;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(database: Database, options: ChangeFeedOptions = {}) {
    this.log = new FeedLog(database);
    this.pollIntervalMs = options.pollIntervalMs ?? CHANGE_POLL_INTERVAL_MS;
    this.maxPollGapMs = options.maxPollGapMs ?? MAX_POLL_GAP_MS;
    this.headCheckIntervalMs = options.headCheckIntervalMs ?? HEAD_CHECK_INTERVAL_MS;
    this.maxEntriesPerPoll = options.maxEntriesPerPoll ?? MAX_ENTRIES_PER_POLL;
    this.publishLingerMs = options.publishLingerMs ?? PUBLISH_LINGER_MS;
  }

  /** Registers a listener; returns a function that removes it. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Announces a change here (at once) and to every other instance. Rejects with the database's
   * error when the change could not be written to the feed: the caller's change is made but may
   * not reach other instances until they drop everything, so the caller must report it. This
   * instance then drops everything, and owes the others a gap entry, written as soon as it can.
   */
  async publish(topic: string): Promise<void> {
    if (topic === ALL_TOPICS || isFeedId(topic)) throw new Error(`change feed: "${topic}" is not a topic`);
    this.notify(topic);
    const work = this.append(topic).catch(async (error: unknown) => {
      this.notify(ALL_TOPICS);
      this.failedPublishes++;
      await this.payOwedGap();
      throw error;
    });
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
  }

  /** Waits for every publish under way (callers need not await theirs; a stopping instance does). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  /** Starts polling for changes made by other instances (the first poll at once). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.running) void this.poll();
    }, this.pollIntervalMs);
    this.timer.unref();
    void this.poll();
  }

  /** Stops polling (a poll under way finishes). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * One poll that starts after this call (when one is under way, the next one): notifies each topic
   * published elsewhere since the last poll once, or `ALL_TOPICS` after a gap. Never rejects.
   */
  poll(): Promise<void> {
    if (!this.running) {
      const running = this.pollOnce().finally(() => {
        if (this.running === running) this.running = undefined;
      });
      this.running = running;
      return running;
    }
    this.queued ??= this.running.then(() => {
      this.queued = undefined;
      return this.poll();
    });
    return this.queued;
  }

  /** Claims an entry for `topic` (sharing it with the topics queued within the linger and while a claim is under way), with its topics' marks bumped. */
  private async append(topic: string): Promise<void> {
    const { marked, housekeeping } = await new Promise<{ n: number; marked: Promise<void>; housekeeping: Promise<void> }>((resolve, reject) => {
      this.queue.push({ topic, resolve, reject });
      if (!this.claiming) {
        this.claiming = true;
        setTimeout(() => void this.claimQueued(), this.publishLingerMs);
      }
    });
    await Promise.all([marked, housekeeping]);
  }

  /**
   * One claim at a time per instance, each after the last (so the instance never collides with
   * itself), carrying every topic queued meanwhile; each distinct topic's mark is bumped once per entry.
   */
  private async claimQueued(): Promise<void> {
    this.claiming = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_TOPICS_PER_ENTRY);
        try {
          const known = this.known ?? (await this.log.findEnd(await this.log.readHead()));
          const topics = [...new Set(batch.map((queued) => queued.topic))];
          const n = await this.log.append(topics, this.instanceId, known);
          this.known = Math.max(this.known ?? 0, n);
          const marked = Promise.all(topics.filter((topic) => topic !== ALL_TOPICS).map((topic) => this.log.markTopic(topic, n))).then(() => undefined);
          // Best effort: the head helps starting instances and the hole check; pruning keeps the log bounded.
          const housekeeping = Promise.all([this.log.raiseHead(n), this.log.prune(n)]).then(
            () => undefined,
            () => undefined,
          );
          for (const queued of batch) queued.resolve({ n, marked, housekeeping });
        } catch (error) {
          for (const queued of batch) queued.reject(error);
        }
      }
    } finally {
      this.claiming = false;
    }
  }

  /**
   * Writes the gap entry failed publishes left owed (one for all of them); still owed while the
   * database refuses it, and again for a publish that fails while it is being written.
   */
  private payOwedGap(): Promise<void> {
    if (this.gapsPaid === this.failedPublishes) return Promise.resolve();
    this.paying ??= (async () => {
      const owed = this.failedPublishes;
      try {
        await this.append(ALL_TOPICS);
        this.gapsPaid = Math.max(this.gapsPaid, owed);
      } catch {
        // Still owed: the next successful poll tries again.
      } finally {
        this.paying = undefined;
      }
    })();
    return this.paying;
  }

  private async pollOnce(): Promise<void> {
    const startedAt = performance.now();
    let changes: { topics: string[]; gap: boolean };
    try {
      changes = await this.readChanges(startedAt);
    } catch {
      const first = !this.failing;
      this.failing = true;
      if (first) this.notify(ALL_TOPICS);
      return;
    }
    const stalled = this.lastSuccessAt !== undefined && startedAt - this.lastSuccessAt > this.maxPollGapMs;
    const recovered = this.failing;
    this.failing = false;
    this.lastSuccessAt = startedAt;
    await this.payOwedGap();
    if (changes.gap || stalled || recovered) this.notify(ALL_TOPICS);
    else for (const topic of changes.topics) this.notify(topic);
  }

  /** Reads the entries after the floor (and now and then the head), moving the floor past them. */
  private async readChanges(startedAt: number): Promise<{ topics: string[]; gap: boolean }> {
    if (this.floor === undefined) {
      // First poll: start at the end of the log; nothing before it concerns this instance's caches.
      this.floor = await this.log.findEnd(await this.log.readHead());
      this.known = Math.max(this.known ?? 0, this.floor);
      this.lastHeadCheckAt = startedAt;
      return { topics: [], gap: false };
    }
    let floor: number = this.floor;
    let gap = false;
    const topics = new Set<string>();
    const entries = await this.log.readAfter(floor, this.maxEntriesPerPoll + 1);
    if (entries.length > this.maxEntriesPerPoll) {
      gap = true;
      floor = await this.log.findEnd(entries[entries.length - 1].n);
    } else {
      for (const entry of entries) {
        floor = entry.n;
        if (entry.by === this.instanceId) continue;
        for (const topic of entry.topics) {
          if (topic === ALL_TOPICS) gap = true;
          else topics.add(topic);
        }
      }
    }
    if (startedAt - this.lastHeadCheckAt >= this.headCheckIntervalMs) {
      this.lastHeadCheckAt = startedAt;
      const head = await this.log.readHead();
      // The head only names claimed entries: one past the floor missing behind it was deleted (or pruned while this lagged).
      if (head > floor && !(await this.log.read(floor + 1))) {
        gap = true;
        floor = await this.log.findEnd(head);
      }
    }
    this.floor = floor;
    this.known = Math.max(this.known ?? 0, floor);
    return { topics: [...topics], gap };
  }

  /** Runs every listener; one that throws is reported and does not stop the others or the feed. */
  private notify(topic: string): void {
    for (const listener of this.listeners) {
      try {
        listener(topic);
      } catch (error) {
        console.error('[contentgate] change listener failed:', error);
      }
    }
  }
}
