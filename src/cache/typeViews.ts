import { LRUCache } from 'lru-cache';
import type { ContentObjectRecord } from '../database/models/contentObjectModel';

/** How long a view serves at most before it is read again (a bound for a change the feed lost). */
export const VIEW_TTL_MS = 60_000;

/** One type's stored objects (live and soft-deleted) by id key, as last read or written here. */
export interface TypeView {
  readonly records: ReadonlyMap<string, ContentObjectRecord>;
}

interface Entry {
  records: Map<string, ContentObjectRecord>;
  bytes: number;
}

/**
 * In-process copies of whole content types, so that lists, counts, searches and reads by id run
 * in memory instead of as a scan of the embedded database (which decodes every document of the
 * type in Go). A view is read from the database once, kept current by the writes this instance
 * makes (`apply`), and dropped when another instance changes the type (`drop`, from the change
 * feed) or after `VIEW_TTL_MS`. Bounded by the stored size of its objects; a type larger than a
 * quarter of the bound is never copied (its reads go to the database).
 */
export class TypeViews {
  private readonly views: LRUCache<string, Entry> | undefined;
  /** Bumped on every change of a type: a read that raced with a change must not install its copy. */
  private readonly generations = new Map<string, number>();
  /** Bumped when every view is dropped. */
  private epoch = 0;
  /** Set while this instance announces its own write, so that its own notice keeps the view. */
  private announcing: string | undefined;
  private readonly maxBytes: number;
  /** Reads so far: served by a copy already in memory, or needing a load from the database. */
  readonly lookups = { hits: 0, misses: 0 };

  constructor(maxMiB: number) {
    this.maxBytes = Math.floor(maxMiB * 1024 * 1024);
    this.views =
      this.maxBytes > 0
        ? new LRUCache<string, Entry>({ maxSize: this.maxBytes, sizeCalculation: (entry) => Math.max(1, entry.bytes), ttl: VIEW_TTL_MS })
        : undefined;
  }

  /**
   * The view of a type, read with `load` (every stored object of the type) when there is none.
   * Undefined when views are off or the type is too large to copy.
   */
  async get(accountId: string, type: string, load: () => Promise<ContentObjectRecord[]>): Promise<TypeView | undefined> {
    if (!this.views) return undefined;
    const key = viewKey(accountId, type);
    const known = this.views.get(key);
    if (known) {
      this.lookups.hits++;
      return known;
    }
    this.lookups.misses++;
    const generation = this.generationOf(key);
    const loaded = await load();
    const entry: Entry = { records: new Map(loaded.map((record) => [record.idKey, record])), bytes: sizeOf(loaded) };
    if (entry.bytes > this.maxBytes / 4) return undefined;
    if (this.generationOf(key) === generation) this.views.set(key, entry);
    return entry;
  }

  /** Records a write this instance made (the stored object as it now is). */
  apply(accountId: string, type: string, record: ContentObjectRecord): void {
    const key = viewKey(accountId, type);
    this.bump(key);
    const entry = this.views?.get(key);
    if (!entry) return;
    const current = entry.records.get(record.idKey);
    // Writes may finish out of order: never let an older version of the same object win.
    if (current && current.createdSeq === record.createdSeq && current.internal.latestVersion > record.internal.latestVersion) return;
    entry.records.set(record.idKey, record);
    entry.bytes += record.sizeBytes - (current?.sizeBytes ?? 0);
  }

  /**
   * Runs `announce` (the change feed's publish of this instance's own write, which notifies this
   * instance synchronously): the notice it causes keeps the view that `apply` already updated.
   */
  announceOwnWrite<T>(accountId: string, type: string, announce: () => T): T {
    this.announcing = viewKey(accountId, type);
    try {
      return announce();
    } finally {
      this.announcing = undefined;
    }
  }

  /** A change notice from the feed: another instance (or a gap) changed the type, so its view goes. */
  noticeChange(accountId: string, type: string): void {
    if (this.announcing === viewKey(accountId, type)) return;
    this.drop(accountId, type);
  }

  /** Forgets a type's view (changed elsewhere, converted or purged). */
  drop(accountId: string, type: string): void {
    const key = viewKey(accountId, type);
    this.bump(key);
    this.views?.delete(key);
  }

  /** Forgets every view (a gap in the change feed). */
  dropAll(): void {
    this.epoch++;
    this.views?.clear();
  }

  private generationOf(key: string): string {
    return `${this.epoch}:${this.generations.get(key) ?? 0}`;
  }

  private bump(key: string): void {
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
  }
}

function viewKey(accountId: string, type: string): string {
  return `${accountId}/${type}`;
}

function sizeOf(records: readonly ContentObjectRecord[]): number {
  return records.reduce((sum, record) => sum + record.sizeBytes + 200, 0);
}
