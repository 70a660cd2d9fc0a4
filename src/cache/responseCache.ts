import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** One cached answer: the serialised body, its type and its entity tag. */
export interface CachedResponse {
  body: string;
  contentType: string;
  etag: string;
}

/** How long an entry may serve at most, whatever the versions say (a bound for a change the feed lost). */
export const RESPONSE_CACHE_TTL_MS = 60_000;

/**
 * The in-process cache of read answers (REST GETs, GraphQL queries), bounded by the bytes of its
 * bodies (least recently used first out). It never decides freshness itself: callers put the
 * account's content version and the key's rights fingerprint into the cache key, so a write makes
 * every older entry unreachable and no key ever gets an answer made for other rights.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse> | undefined;
  private readonly pending = new Map<string, Promise<void>>();
  /** Lookups of requests so far (`getOrAwait`): answered from the cache, or not. */
  readonly lookups = { hits: 0, misses: 0 };

  constructor(maxMiB: number) {
    this.entries =
      maxMiB > 0
        ? new LRUCache<string, CachedResponse>({
            maxSize: Math.floor(maxMiB * 1024 * 1024),
            sizeCalculation: (entry, key) => entry.body.length * 2 + key.length * 2 + 64,
            ttl: RESPONSE_CACHE_TTL_MS,
          })
        : undefined;
  }

  /** Whether the cache is on (`RESPONSE_CACHE_MB` > 0). */
  get enabled(): boolean {
    return this.entries !== undefined;
  }

  get(key: string): CachedResponse | undefined {
    return this.entries?.get(key);
  }

  /**
   * The entry for `key`, waiting first for a request already computing it: concurrent misses of one
   * key cost one computation (no stampede of identical scans after a write). Undefined when there is
   * none to wait for, or the computation stored nothing (an error): the caller computes then.
   */
  async getOrAwait(key: string): Promise<CachedResponse | undefined> {
    const found = await this.findOrAwait(key);
    if (found) this.lookups.hits++;
    else this.lookups.misses++;
    return found;
  }

  private async findOrAwait(key: string): Promise<CachedResponse | undefined> {
    const known = this.get(key);
    if (known) return known;
    const pending = this.pending.get(key);
    if (!pending) return undefined;
    await pending;
    return this.get(key);
  }

  /** Marks `key` as being computed by the caller; call the returned function when done (stored or not). */
  claim(key: string): () => void {
    if (this.pending.has(key)) return () => undefined;
    let release!: () => void;
    this.pending.set(key, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.pending.delete(key);
      release();
    };
  }

  /** Stores an answer and returns it with its entity tag. */
  set(key: string, body: string, contentType: string): CachedResponse {
    const entry = { body, contentType, etag: entityTag(body) };
    this.entries?.set(key, entry);
    return entry;
  }
}

/** A strong entity tag of a body (a digest, so equal bodies get equal tags on every instance). */
export function entityTag(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether an `If-None-Match` header names `etag` (or is `*`). */
export function matchesEntityTag(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const tags = (Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch).split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etag);
}
