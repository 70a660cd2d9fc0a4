import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import type { AccountScope } from '../database/accountScope';
import type { ContentTypeRecord } from '../database/models/contentTypeModel';
import { isFresh, type TypeWorkRecord } from '../database/typeWork';
import type { FieldErrors } from '../errors/appError';
import { errors } from '../errors/errorFactory';
import { idKeyOf } from './objectIds';
import { isLive } from './preparedWrite';
import { collectReferences } from './validation/metaRules';
import { refKey } from './dataUrl';

/** How long a write waits for a conversion or a delete of its type to finish before it is refused. */
export const SETTLE_WAIT_MS = 10_000;
/** How long a write that added a reference waits for a pending delete or purge of the target to decide. */
export const REFERENCE_WAIT_MS = 3_000;

/** The refusal of a write whose content type stays busy (a conversion or a delete under way). */
export const TYPE_CHANGING_REASON = 'The content type is being changed by another request; retry.';
/** The refusal of a write that references an object whose delete (or its type's purge) did not decide in time. */
export const TARGET_CHANGING_REASON = 'A related object is being changed or deleted by another request; retry.';

/**
 * Where a write's content type stands compared with the definition the write was checked against:
 * `ok` (the same version, nothing under way), `busy` (a conversion or a delete of the type is under
 * way), `moved` (the type is at another version now), `gone` (the type was deleted).
 */
export type TypeStanding = 'ok' | 'busy' | 'moved' | 'gone';

/** Thrown inside a write checked against a definition that is no longer current: the write is redone against the current one. */
export class StaleDefinition extends Error {
  constructor(readonly standing: 'busy' | 'moved') {
    super(`content type definition is ${standing}`);
  }
}

/** Sleeps a little (polling loops). */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The checks an object write makes around its write, so that it and a concurrent change of its
 * type or of a referenced object always see each other (write, then check, on both sides):
 * - the type's standing: its record read by `_id` (the version) and its work record (a conversion
 *   or a delete under way);
 * - every newly referenced object: live, not held by a pending write (a deleter claims the
 *   object's next version before looking for references), its type not being purged.
 */
export class WriteChecks {
  constructor(
    private readonly scope: AccountScope,
    /** Asked to resume a conversion whose process stopped refreshing its record. */
    private readonly resumeConversion: (work: TypeWorkRecord) => void = () => {},
  ) {}

  /** Where `ctd`'s type stands now, with its stored record when it exists. */
  async standing(ctd: ContentTypeDefinition): Promise<{ standing: TypeStanding; record: ContentTypeRecord | null }> {
    const [record, work] = await Promise.all([this.scope.contentTypes.findById(ctd.id), this.scope.typeWork().get(ctd.name)]);
    if (!record || record.name !== ctd.name) return { standing: 'gone', record: null };
    if (work?.kind === 'convert') {
      // A conversion blocks writes until it is finished, even if its process died: it is resumed.
      if (!isFresh(work)) this.resumeConversion(work);
      return { standing: 'busy', record };
    }
    if (work?.kind === 'delete' && isFresh(work)) return { standing: 'busy', record };
    return { standing: record.version === ctd.version ? 'ok' : 'moved', record };
  }

  /** Waits until no conversion or delete of the type is under way; false when one still is after `SETTLE_WAIT_MS`. */
  async settle(ctd: ContentTypeDefinition): Promise<boolean> {
    const deadline = Date.now() + SETTLE_WAIT_MS;
    for (;;) {
      const { standing } = await this.standing(ctd);
      if (standing !== 'busy') return true;
      if (Date.now() > deadline) return false;
      await pause(50);
    }
  }

  /**
   * After a write that added references (`added`, as `type/idKey`): throws the refusal when one of
   * them is not a live object (400 naming the field, as when it was missing before the write) or is
   * still being deleted after `REFERENCE_WAIT_MS`. The caller undoes its write first.
   */
  async requireLiveTargets(ctd: ContentTypeDefinition, data: Record<string, unknown>, added: readonly string[]): Promise<void> {
    const wanted = new Set(added);
    const references = collectReferences(ctd, data).filter((ref) => wanted.has(refKey(ref.type, ref.id)));
    const dead = new Set<string>();
    let pending = [...wanted];
    const deadline = Date.now() + REFERENCE_WAIT_MS;
    for (;;) {
      const still: string[] = [];
      for (const key of pending) {
        const state = await this.targetState(key);
        if (state === 'dead') dead.add(key);
        if (state === 'pending') still.push(key);
      }
      pending = still;
      if (pending.length === 0 || Date.now() > deadline) break;
      await pause(25);
    }
    if (dead.size) {
      const problems: FieldErrors = {};
      for (const ref of references) {
        if (dead.has(refKey(ref.type, ref.id))) problems[ref.field] = ['This value does not exist in database'];
      }
      throw errors.validation(problems);
    }
    if (pending.length) throw errors.refused([TARGET_CHANGING_REASON]);
  }

  private async targetState(key: string): Promise<'live' | 'dead' | 'pending'> {
    const slash = key.indexOf('/');
    const type = key.slice(0, slash);
    const idKey = idKeyOf(key.slice(slash + 1));
    const work = await this.scope.typeWork().get(type);
    if (work?.kind === 'purge' && isFresh(work)) return 'pending';
    const objects = this.scope.objects(type);
    const target = await objects.findById(idKey);
    if (!target || !isLive(target)) return 'dead';
    return (await objects.pendingWrite(target)) ? 'pending' : 'live';
  }
}
