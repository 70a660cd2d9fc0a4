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

const MAX_CACHED_KEYS = 10_000;

/**
 * Turns a presented secret into a `Principal`. Malformed secrets are refused offline (checksum);
 * others are found by their keyed hash — never compared in plaintext. Resolved keys are cached
 * per process and dropped when the change feed reports the key changed (here at once, elsewhere
 * within the feed's poll interval).
 */
export class KeyResolver {
  private readonly cache = new Map<string, Principal>();
  /** Bumped on every eviction: a lookup that raced with a change must not refill the cache. */
  private epoch = 0;

  constructor(
    private readonly database: Database,
    private readonly crypto: KeyCrypto,
    feed: ChangeFeed,
  ) {
    feed.subscribe((topic) => {
      if (topic === ALL_TOPICS) {
        this.epoch++;
        this.cache.clear();
      } else if (topic.startsWith('key:')) this.evictKey(topic.slice(4));
    });
  }

  /** The principal of a secret, or undefined when it is malformed, unknown or revoked. */
  async resolve(secret: unknown): Promise<Principal | undefined> {
    const parsed = parseSecret(secret);
    if (!parsed) return undefined;
    const hash = hashSecret(parsed.secret, this.crypto.hmacKey);
    const cached = this.cache.get(hash);
    if (cached) return cached;
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
    if (epoch === this.epoch) {
      if (this.cache.size >= MAX_CACHED_KEYS) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(hash, principal);
    }
    return principal;
  }

  private evictKey(keyId: string): void {
    this.epoch++;
    for (const [hash, principal] of this.cache) if (principal.keyId === keyId) this.cache.delete(hash);
  }
}
