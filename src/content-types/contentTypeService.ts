import type { AccountScope } from '../database/accountScope';
import { isFresh, WORK_DEADLINE_MS, WORK_HEARTBEAT_MS, type TypeWorkRecord } from '../database/typeWork';
import { isAppError } from '../errors/appError';
import { errors } from '../errors/errorFactory';
import { flotiqDate } from '../utils/flotiqDate';
import { newUuid } from '../utils/randomId';
import type { ContentTypeDefinition, ContentTypeDefinitionInput } from './contentTypeDefinition';
import { definitionText, fromRecord } from './contentTypeRecords';
import { isSystemTypeName, SYSTEM_CONTENT_TYPES } from './systemTypes';
import { validateContentTypeDefinition } from './validateContentTypeDefinition';

/** What must happen to existing objects when a CTD changes (implemented by the object layer). */
export interface ContentTypeChangeHooks {
  /** Converts every object of `previous` to `next`; throws (changing nothing) when they cannot conform. */
  convertObjects(previous: ContentTypeDefinition, next: ContentTypeDefinition): Promise<void>;
  /** How many live objects the type has. */
  countObjects(name: string): Promise<number>;
  /** Hard-removes every object of the type (purge). */
  purgeObjects(name: string): Promise<void>;
  /** Whether live objects of other types reference objects of the type (refuses a purge). */
  referencedFromOtherTypes(name: string): Promise<boolean>;
  /** Names of keys whose rules use the type (refuses deletion). */
  keysUsing(name: string): Promise<string[]>;
  /** Called after any change of the account's CTDs (schema caches drop the account). */
  changed(): Promise<void>;
}

/** The refusal of a change to a type while another change of it is under way. */
export const TYPE_BUSY_REASON = 'The content type is being changed by another request; retry.';
/** The refusal of a change to a type that lost a race with another change of it. */
export const TYPE_CHANGED_REASON = 'The content type was changed by another request; retry.';
/** The refusal of a purge while objects of other types reference the type's objects. */
export const PURGE_REFERENCED_REASON = 'Content objects of this type are used in content objects of other types.';

/** Conversions this process is resuming (`<account>/<type>#<version>`), so that each is resumed once at a time. */
const resuming = new Set<string>();

/** Where resumed conversions are reported. */
const workLog = (line: string) => console.warn(`[contentgate] ${line}`);

/** Query of the CTD list (spec §1.6). */
export interface ContentTypeListQuery {
  skip: number;
  limit: number;
  orderBy: 'name' | 'label' | 'id' | 'createdAt' | 'updatedAt';
  direction: 1 | -1;
  name?: string;
  names?: string[];
  label?: string;
  internal?: boolean;
  /** Restricts the result to these names (a scoped key's readable types). */
  onlyNames?: readonly string[];
}

/**
 * Creates, reads, updates and deletes one account's Content Type Definitions, with Flotiq's
 * validation and its documented effects on existing objects. Every account has `_media` and `_tag`.
 */
export class ContentTypeService {
  constructor(
    private readonly scope: AccountScope,
    private readonly hooks: ContentTypeChangeHooks,
  ) {}

  /** Creates the system types the account lacks. */
  async ensureSystemTypes(): Promise<void> {
    const existing = new Set((await this.scope.contentTypes.find({}, { projection: { name: 1 } })).map((r) => r.name));
    for (const system of SYSTEM_CONTENT_TYPES) {
      if (!existing.has(system.name)) await this.insert(system);
    }
  }

  /** Every CTD of the account. */
  async all(): Promise<ContentTypeDefinition[]> {
    return (await this.scope.contentTypes.find({}, { sort: { name: 1 } })).map(fromRecord);
  }

  /** One CTD, or undefined. */
  async find(name: string): Promise<ContentTypeDefinition | undefined> {
    if (typeof name !== 'string') return undefined;
    const record = await this.scope.contentTypes.findOne({ name });
    return record ? fromRecord(record) : undefined;
  }

  /** One CTD, or 404. */
  async get(name: string): Promise<ContentTypeDefinition> {
    const found = await this.find(name);
    if (!found) throw errors.notFound();
    return found;
  }

  /** A page of CTDs and the total matching. */
  async list(query: ContentTypeListQuery): Promise<{ items: ContentTypeDefinition[]; total: number }> {
    const filter: Record<string, unknown> = {};
    const nameConditions: Record<string, unknown>[] = [];
    if (query.name) nameConditions.push({ name: { $regex: escapeRegex(query.name), $options: 'i' } });
    if (query.names?.length) nameConditions.push({ name: { $in: query.names.map((n) => n.toLowerCase()) } });
    if (query.onlyNames) nameConditions.push({ name: { $in: [...query.onlyNames] } });
    if (nameConditions.length) filter.$and = nameConditions;
    if (query.label) filter.label = { $regex: escapeRegex(query.label), $options: 'i' };
    if (query.internal !== undefined) filter.internal = query.internal;
    const sortField = query.orderBy === 'id' ? '_id' : query.orderBy;
    const [records, total] = await Promise.all([
      this.scope.contentTypes.find(filter, { sort: { [sortField]: query.direction, _id: 1 }, skip: query.skip, limit: query.limit }),
      this.scope.contentTypes.count(filter),
    ]);
    return { items: records.map(fromRecord), total };
  }

  /** Validates and creates a CTD; 400 with Flotiq's error map when invalid or the name is taken. */
  async create(input: unknown, options: { allowSystemName?: boolean } = {}): Promise<ContentTypeDefinition> {
    const value = await this.validate(input, true, options.allowSystemName ?? false);
    if (await this.find(value.name)) throw errors.invalidField('name', 'This value is already used');
    const created = await this.insert(value, false);
    // Write, then check: a type this one relates to may have been deleted since it was validated
    // (its deleter looks for relations after writing its work record).
    try {
      await this.requireRelationTargets(created);
    } catch (error) {
      await this.scope.contentTypes.deleteMany({ _id: created.id });
      throw error;
    }
    await this.hooks.changed();
    return created;
  }

  /**
   * Refuses (400, as validation does) a definition relating to a type that no longer exists or
   * whose delete is under way (waited for: the deleter sees this definition and gives up).
   */
  private async requireRelationTargets(ctd: ContentTypeDefinitionInput): Promise<void> {
    const work = this.scope.typeWork();
    for (const target of relationTargets(ctd)) {
      if (target === ctd.name || isSystemTypeName(target)) continue;
      for (let waited = 0; ; waited += 50) {
        const pending = await work.get(target);
        if (!(pending?.kind === 'delete' && isFresh(pending)) || waited > WORK_DEADLINE_MS) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (!(await this.scope.contentTypes.findOne({ name: target }))) {
        const result = validateContentTypeDefinition(ctd, { relationTargetExists: (name) => name !== target, isCreate: false, allowSystemName: true });
        throw errors.validation(result.ok ? { metaDefinition: [`Content type ${target} does not exist`] } : result.errors);
      }
    }
  }

  /**
   * Replaces a CTD (PUT). Existing objects are converted first (spec §1.6); when they cannot
   * conform the call fails with 400 and nothing changes.
   *
   * No transactions: the update claims the CTD's next version (of concurrent updates one goes on),
   * writes a conversion record naming both definitions (`content_type_work`; object writes of
   * the type wait while it exists), converts the objects idempotently, writes the definition and
   * removes the record. A process that dies on the way leaves the record: the conversion is resumed
   * at the next start of any instance (or by a writer that finds the record no longer refreshed).
   */
  async update(name: string, input: unknown): Promise<ContentTypeDefinition> {
    const previous = await this.get(name);
    const value = await this.validate(input, false, isSystemTypeName(name));
    if (value.name !== previous.name) throw errors.invalidField('name', 'The name of a content type cannot be changed');
    const next: ContentTypeDefinition = {
      ...previous,
      ...value,
      internal: previous.internal,
      updatedAt: flotiqDate(),
      version: previous.version + 1,
    };
    const release = await this.claimNextVersion(previous);
    const begun = await this.scope.typeWork().begin(name, {
      kind: 'convert',
      fromVersion: previous.version,
      toVersion: next.version,
      previous: JSON.stringify(previous),
      next: JSON.stringify(next),
    });
    if ('held' in begun) {
      await release();
      if (begun.held.kind === 'convert' && !isFresh(begun.held)) this.resumeSoon(begun.held);
      throw errors.refused([TYPE_BUSY_REASON]);
    }
    try {
      await this.requireRelationTargets(next);
      await this.converting(name, next.version, () => this.hooks.convertObjects(previous, next));
    } catch (error) {
      // A refusal (4xx) comes before any object is written: the update did not happen. Any other
      // failure (the database) may come halfway: the record stays, and the conversion is resumed.
      if (isAppError(error) && error.status < 500) {
        await this.scope.typeWork().end(name, { kind: 'convert', toVersion: next.version });
        await release();
      }
      throw error;
    }
    await this.finishConversion(previous, next);
    return next;
  }

  /**
   * Claims the next version of a CTD (updates and deletes): of concurrent changes only one goes on
   * (a conditional update alone is not atomic on FerretDB). Returns how to give the claim back.
   */
  private async claimNextVersion(ctd: ContentTypeDefinition): Promise<() => Promise<void>> {
    const claims = this.scope.versionClaims();
    const claimed = this.versionClaimOf(ctd);
    const unwritten = async () => (await this.scope.contentTypes.findOne({ name: ctd.name }))?.version === ctd.version;
    if (!(await claims.claim(claimed, ctd.version + 1, undefined, unwritten))) throw errors.refused([TYPE_CHANGED_REASON]);
    return () => claims.release(claimed, ctd.version + 1);
  }

  /** What the versions of one CTD are claimed as (one life of the type: a deleted and re-created type starts anew). */
  private versionClaimOf(ctd: ContentTypeDefinition): string {
    return `ctd/${this.scope.accountId}/${ctd.name}@${ctd.id}`;
  }

  /** Runs a conversion while refreshing its record, so that nobody takes it for abandoned. */
  private async converting(name: string, toVersion: number, convert: () => Promise<void>): Promise<void> {
    const work = this.scope.typeWork();
    const timer = setInterval(() => void work.heartbeat(name, toVersion).catch(() => undefined), WORK_HEARTBEAT_MS);
    timer.unref();
    try {
      await convert();
    } finally {
      clearInterval(timer);
    }
  }

  /** Writes the converted definition (unless a run of the same conversion did) and removes the conversion record. */
  private async finishConversion(previous: ContentTypeDefinition, next: ContentTypeDefinition): Promise<void> {
    await this.scope.contentTypes.updateOne(
      { name: next.name, version: previous.version },
      { $set: { label: next.label, definition: definitionText(next), version: next.version, updatedAt: next.updatedAt } },
    );
    await this.scope.typeWork().end(next.name, { kind: 'convert', toVersion: next.version });
    await this.hooks.changed();
  }

  /**
   * Finishes a conversion whose process stopped (its record left behind): runs it again with the
   * definitions the record names (every step is idempotent; another run of it at the same time
   * writes the same). A run that finds that the objects cannot conform (it stopped before writing
   * any) removes the record: the update did not happen. Returns what became of it.
   */
  async resume(work: TypeWorkRecord): Promise<'converted' | 'abandoned'> {
    const previous = JSON.parse(work.previous!) as ContentTypeDefinition;
    const next = JSON.parse(work.next!) as ContentTypeDefinition;
    try {
      await this.converting(work.type, next.version, () => this.hooks.convertObjects(previous, next));
    } catch (error) {
      if (!isAppError(error) || error.status >= 500) throw error;
      await this.scope.typeWork().end(work.type, { kind: 'convert', toVersion: next.version });
      await this.scope.versionClaims().release(this.versionClaimOf(previous), next.version);
      await this.hooks.changed();
      return 'abandoned';
    }
    await this.finishConversion(previous, next);
    return 'converted';
  }

  /** Resumes a conversion in the background, once at a time per process (errors are logged; it is tried again later). */
  resumeSoon(work: TypeWorkRecord): Promise<void> {
    const key = `${work._id}#${work.toVersion}`;
    if (resuming.has(key)) return Promise.resolve();
    resuming.add(key);
    return this.resume(work)
      .then((outcome) => workLog(`conversion of ${work._id} to version ${work.toVersion} resumed: ${outcome}`))
      .catch((error: Error) => workLog(`conversion of ${work._id} to version ${work.toVersion} could not be resumed: ${error.message}`))
      .finally(() => resuming.delete(key));
  }

  /**
   * Deletes a CTD; refused while objects or keys use it (Flotiq's messages). Write, then check:
   * the delete claims the CTD's next version (no update runs meanwhile), writes its work record
   * (creates of objects, keys and relating types check for it after their own write), then counts
   * what uses the type, then deletes it or gives up.
   */
  async delete(name: string): Promise<void> {
    const ctd = await this.get(name);
    if (isSystemTypeName(ctd.name)) throw errors.refused(await this.deleteRefusals(ctd));
    const release = await this.claimNextVersion(ctd);
    const work = this.scope.typeWork();
    const begun = await work.begin(ctd.name, { kind: 'delete' });
    if ('held' in begun) {
      await release();
      throw errors.refused([TYPE_BUSY_REASON]);
    }
    try {
      const reasons = await this.deleteRefusals(ctd);
      if (!reasons.length && Date.now() - begun.started.startedAt > WORK_DEADLINE_MS) reasons.push(TYPE_CHANGED_REASON);
      if (reasons.length) {
        await release();
        throw errors.refused(reasons);
      }
      await this.scope.contentTypes.deleteMany({ _id: ctd.id });
    } finally {
      await work.end(ctd.name, { kind: 'delete', startedAt: begun.started.startedAt });
    }
    await this.hooks.changed();
  }

  /** Why a CTD cannot be deleted now (keys, objects, relations of other types, also of conversions under way). */
  private async deleteRefusals(ctd: ContentTypeDefinition): Promise<string[]> {
    const reasons: string[] = [];
    for (const keyName of await this.hooks.keysUsing(ctd.name)) {
      reasons.push(`This content type definition is used by Api Key: ${keyName}`);
    }
    if ((await this.hooks.countObjects(ctd.name)) > 0) reasons.push("Content Type has objects, you can't remove it!");
    const pending = (await this.scope.typeWork().all())
      .filter((work) => work.kind === 'convert' && work.next)
      .map((work) => JSON.parse(work.next!) as ContentTypeDefinition);
    const referencing = new Set(
      [...(await this.all()), ...pending].filter((other) => other.name !== ctd.name && relationTargets(other).has(ctd.name)).map((other) => other.name),
    );
    for (const other of [...referencing].sort()) reasons.push(`Content type is used in a relation of content type: ${other}`);
    if (isSystemTypeName(ctd.name)) reasons.push('System content types cannot be removed');
    return reasons;
  }

  /**
   * Removes every object of a CTD, and the CTD too when `deleteSchema`. Refused while objects of
   * other types reference its objects. Write, then check: the purge writes its work record (a write
   * that adds a reference into the type checks for it after its own write), then looks for such
   * references, then drops the objects.
   */
  async purge(name: string, deleteSchema: boolean): Promise<void> {
    const ctd = await this.get(name);
    const work = this.scope.typeWork();
    const begun = await work.begin(ctd.name, { kind: 'purge' });
    if ('held' in begun) throw errors.refused([TYPE_BUSY_REASON]);
    try {
      if (await this.hooks.referencedFromOtherTypes(ctd.name)) throw errors.refused([PURGE_REFERENCED_REASON]);
      if (Date.now() - begun.started.startedAt > WORK_DEADLINE_MS) throw errors.refused([TYPE_CHANGED_REASON]);
      await this.hooks.purgeObjects(ctd.name);
    } finally {
      await work.end(ctd.name, { kind: 'purge', startedAt: begun.started.startedAt });
    }
    if (deleteSchema) await this.delete(ctd.name);
  }

  private async validate(input: unknown, isCreate: boolean, allowSystemName: boolean): Promise<ContentTypeDefinitionInput> {
    const names = new Set((await this.scope.contentTypes.find({}, { projection: { name: 1 } })).map((r) => r.name));
    const candidate = input as { name?: unknown };
    if (typeof candidate?.name === 'string') names.add(candidate.name); // a type may relate to itself
    const result = validateContentTypeDefinition(input, {
      relationTargetExists: (target) => names.has(target),
      isCreate,
      allowSystemName,
    });
    if (!result.ok) throw errors.validation(result.errors);
    return result.value;
  }

  private async insert(value: ContentTypeDefinitionInput, announce = true): Promise<ContentTypeDefinition> {
    const now = flotiqDate();
    const internal = isSystemTypeName(value.name);
    const record = {
      _id: newUuid(),
      name: value.name,
      label: value.label,
      internal,
      definition: definitionText({ ...value, internal }),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.scope.contentTypes.insert([record]);
    } catch (error) {
      if ((error as { code?: number }).code === 11000) throw errors.invalidField('name', 'This value is already used');
      throw error;
    }
    if (announce) await this.hooks.changed();
    return fromRecord({ ...record, accountId: this.scope.accountId });
  }
}

function escapeRegex(text: string): string {
  return text.slice(0, 256).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Names of the types a CTD's relations point at (including inside object lists). */
export function relationTargets(ctd: ContentTypeDefinitionInput): Set<string> {
  const targets = new Set<string>();
  const visit = (configs: ContentTypeDefinitionInput['metaDefinition']['propertiesConfig'] | undefined) => {
    for (const config of Object.values(configs ?? {})) {
      const target = config.validation?.relationContenttype;
      if (config.inputType === 'datasource' && target) targets.add(target);
      if (config.items) visit(config.items.propertiesConfig);
    }
  };
  visit(ctd.metaDefinition.propertiesConfig);
  return targets;
}
