import { LRUCache } from 'lru-cache';
import { normalisePermissions } from '../access/normalisePermissions';
import type { KeyKind, Permissions } from '../access/permissions';
import type { Database } from '../database/database';
import { ALL_TOPICS, type ChangeFeed } from '../runtime/changeFeed';
import type { KeyCrypto } from './keyCrypto';
import { parseSecret } from './secrets/keyFormat';
import { hashSecret } from './secrets/keyHashing';

/** Who is calling: the account and the key's normalised rights. */
export interface Principal {
  accountId: string;
  keyId: string;
  keyName: string;
  kind: KeyKind;
  permissions: Permissions;
}

/**
 * How long a resolved key is trusted without asking the database again. This bounds how long a
 * key changed elsewhere keeps working here when the change feed missed its mark.
 */
export const KEY_CACHE_TTL_MS = 30_000;
/** How many resolved keys one process keeps (least recently used go first). */
export const MAX_CACHED_KEYS = 10_000;

/** Cache bounds; tests shorten the TTL. */
export interface KeyResolverOptions {
  ttlMs?: number;
  maxEntries?: number;
}

/**
 * Turns a presented secret into a `Principal`. Malformed secrets are refused offline (checksum);
 * others are found by their keyed hash — never compared in plaintext. Resolved keys are cached
 * per process for at most `KEY_CACHE_TTL_MS` (counted from the lookup, not renewed by use) and
 * dropped earlier when the change feed reports the key changed (here at once, elsewhere within
 * the feed's poll interval) or reports a gap (everything).
 */
export class KeyResolver {
  private readonly cache: LRUCache<string, Principal>;
  /** Bumped on every eviction: a lookup that raced with a change must not refill the cache. */
  private epoch = 0;

  constructor(
    private readonly database: Database,
    private readonly crypto: KeyCrypto,
    feed: ChangeFeed,
    options: KeyResolverOptions = {},
  ) {
    this.cache = new LRUCache<string, Principal>({
      max: options.maxEntries ?? MAX_CACHED_KEYS,
      ttl: options.ttlMs ?? KEY_CACHE_TTL_MS,
      updateAgeOnGet: false,
      allowStale: false,
    });
    feed.subscribe((topic) => {
      if (topic === ALL_TOPICS) {
        this.epoch++;
        this.cache.clear();
      } else if (topic.startsWith('key:')) this.evictKey(topic.slice(4));
    });
  }

  /** The principal of a secret, or undefined when it is malformed, unknown or revoked. */
  async resolve(secret: unknown): Promise<Principal | undefined> {
    return this.resolveNow(secret);
  }

  /**
   * Like `resolve`, but answers at once, without a promise, when the secret is malformed or its key
   * is cached (the request path then waits on nothing); a promise only when the database is asked.
   */
  resolveNow(secret: unknown): Principal | undefined | Promise<Principal | undefined> {
    const parsed = parseSecret(secret);
    if (!parsed) return undefined;
    const hash = hashSecret(parsed.secret, this.crypto.hmacKey);
    return this.cache.get(hash) ?? this.lookUp(hash);
  }

  private async lookUp(hash: string): Promise<Principal | undefined> {
    const epoch = this.epoch;
    const record = await this.database.models.apiKeys.collection.findOne({ hash });
    if (!record) return undefined;
    const kind = record.kind as KeyKind;
    const principal: Principal = Object.freeze({
      accountId: String(record.accountId),
      keyId: String(record._id),
      keyName: String(record.name),
      kind,
      permissions: normalisePermissions(kind, kind === 'user' ? record.rules : []),
    });
    if (epoch === this.epoch) this.cache.set(hash, principal);
    return principal;
  }

  private evictKey(keyId: string): void {
    this.epoch++;
    const hashes: string[] = [];
    for (const [hash, principal] of this.cache.entries()) if (principal.keyId === keyId) hashes.push(hash);
    for (const hash of hashes) this.cache.delete(hash);
  }
}
