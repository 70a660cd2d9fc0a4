import type { ContentTypeDefinition } from '../../content-types/contentTypeDefinition';
import type { ValidationMode } from './buildObjectSchema';
import { createObjectValidator, type ObjectValidator } from './objectValidator';

/** What the cache needs of a CTD: its identity, its version and its schema. */
export type CacheableContentType = Pick<ContentTypeDefinition, 'name' | 'version' | 'schemaDefinition'> & {
  id?: string;
};

/** Default number of compiled validators kept per process. */
export const DEFAULT_VALIDATOR_CACHE_SIZE = 500;

/** The cache key of one CTD version in one mode: `${accountId}:${name}:${version}:${mode}`. */
export function validatorCacheKey(accountId: string, name: string, version: number, mode: ValidationMode): string {
  return `${accountId}:${name}:${version}:${mode}`;
}

interface Entry {
  validator: ObjectValidator;
  /** The CTD's id when compiled: a type deleted and re-created under the same name and version misses. */
  ctdId: string | undefined;
}

/**
 * A bounded least-recently-used cache deciding when a CTD version's validator must be compiled:
 * once per account, name, version and mode, until evicted by newer entries.
 */
export class ValidatorCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number = DEFAULT_VALIDATOR_CACHE_SIZE,
    private readonly compile: typeof createObjectValidator = createObjectValidator,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error('maxEntries must be a positive integer');
  }

  /** The validator of this CTD version, compiled on first use. */
  get(accountId: string, ctd: CacheableContentType, mode: ValidationMode): ObjectValidator {
    const key = validatorCacheKey(accountId, ctd.name, ctd.version, mode);
    const hit = this.entries.get(key);
    if (hit && hit.ctdId === ctd.id) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.validator;
    }
    const entry: Entry = { validator: this.compile(ctd, mode), ctdId: ctd.id };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return entry.validator;
  }

  /** Forgets every version of one type (call after deleting or purging the CTD). */
  forgetType(accountId: string, name: string): void {
    const prefix = `${accountId}:${name}:`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
  }

  /** How many validators are held. */
  get size(): number {
    return this.entries.size;
  }
}

/** The process-wide cache used by the content-object service. */
export const validatorCache = new ValidatorCache();

/** The (cached) JSON Schema validator of a stored CTD version for an account. */
export function getObjectValidator(accountId: string, ctd: CacheableContentType, mode: ValidationMode): ObjectValidator {
  return validatorCache.get(accountId, ctd, mode);
}
