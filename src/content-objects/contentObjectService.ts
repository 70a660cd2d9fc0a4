import { mayReference, type ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import type { ContentTypeService } from '../content-types/contentTypeService';
import type { AccountScope } from '../database/accountScope';
import type { ContentObjectRecord } from '../database/models/contentObjectModel';
import type { FieldErrors } from '../errors/appError';
import { errors } from '../errors/errorFactory';
import { buildFieldCatalog, type FieldRead } from '../query/fieldCatalog';
import { parseFilters } from '../query/parseFilters';
import { parseOrder } from '../query/parseOrder';
import { parsePaging } from '../query/parsePaging';
import { flotiqDate } from '../utils/flotiqDate';
import type { ContentObject } from './contentObject';
import { refKey } from './dataUrl';
import { generateObjectId, idKeyOf, objectIdProblem } from './objectIds';
import { ObjectReads } from './objectReads';
import { CHANGED_REASON, ObjectWriter } from './objectWriter';
import { isLive, prepareWrite, type PreparedWrite } from './preparedWrite';
import { applySlugRules } from './slugs';
import { propertiesOfObject, toContentObject } from './storedObjects';
import { TypeConversion } from './typeConversion';
import { releaseClaims, uniqueValuesOf } from './uniqueValues';
import { collectReferences } from './validation/metaRules';
import { StaleDefinition, TYPE_CHANGING_REASON, WriteChecks } from './writeChecks';
import { STALE_CLAIM_MS } from '../database/versionClaims';
import { validateObjectData } from './validation/validateObjectData';
import { getObjectValidator } from './validation/validatorCache';

/** Flotiq's per-object size limit: 1 MB. */
export const OBJECT_SIZE_LIMIT_BYTES = 1024 * 1024;

/** The REST/GraphQL list parameters, still as the client sent them (validated here). */
export interface ObjectListQuery {
  page?: unknown;
  limit?: unknown;
  orderBy?: unknown;
  orderDirection?: unknown;
  filters?: unknown;
  ids?: unknown;
}

/** Options of a list or count. */
export interface ListOptions {
  withTotal?: boolean;
  inspect?: (used: { filterReads: FieldRead[]; orderReads: FieldRead[] }) => void;
}

/** A page of objects. */
export interface ObjectPage {
  items: ContentObject[];
  total: number;
  page: number;
  limit: number;
}

/** Options of a write. */
export interface WriteOptions {
  /**
   * The types whose objects the writer may name in relations: a relation to any other type is
   * refused exactly as one to a missing object, so a writer that cannot read a type never learns
   * which of its objects exist. Absent: every type.
   */
  referenceable?: (type: string) => boolean;
}

/** The refusal of deleting an object that live objects still reference. */
export const REFERENCED_REASON = 'This content object is used in another content object.';

/** A delete must write within this time of claiming (then reference checks of writers stop waiting for it). */
const DELETE_DEADLINE_MS = STALE_CLAIM_MS - 5_000;

/**
 * Reads and writes one account's content objects with Flotiq's rules: validation, ids, relations
 * that must exist, unique values, soft delete, references that block deletion, the 1 MB limit.
 * A write is checked completely before anything is stored, so a refused write changes nothing.
 */
export class ContentObjectService {
  constructor(
    private readonly scope: AccountScope,
    private readonly contentTypes: ContentTypeService,
    private readonly snapshot?: ReadonlyMap<string, ContentTypeDefinition>,
    /** Announces that objects of a type changed (cached reads of the account become stale). */
    announce: (type: string) => Promise<void> = async () => {},
    /** Where reads are answered (an in-process copy of the type, or the database). */
    readonly reads: ObjectReads = new ObjectReads(scope),
  ) {
    this.checks = new WriteChecks(scope, (work) => contentTypes.resumeSoon(work));
    this.writer = new ObjectWriter(scope, reads, announce, this.checks);
  }

  private readonly checks: WriteChecks;
  private readonly writer: ObjectWriter;

  /**
   * The CTD of a type, or 404. With a snapshot (the CTDs a request's schema was built from) no
   * query is made, so a request works on one consistent set of definitions.
   */
  async contentType(name: string): Promise<ContentTypeDefinition> {
    const ctd = await this.definition(name);
    if (!ctd) throw errors.notFound();
    return ctd;
  }

  /** The CTD of a type (from the snapshot when there is one), or undefined. */
  async definition(name: string): Promise<ContentTypeDefinition | undefined> {
    return this.snapshot ? this.snapshot.get(name) : this.contentTypes.find(name);
  }

  /**
   * A page of live objects, filtered, ordered and paged as Flotiq does. `inspect` sees which
   * properties the filter and order read before anything is queried (the permission check);
   * `withTotal: false` skips the count query.
   */
  async list(typeName: string, query: ObjectListQuery, options: ListOptions = {}): Promise<ObjectPage> {
    const ctd = await this.contentType(typeName);
    const paging = parsePaging(query.page, query.limit);
    const stored = this.parseQuery(ctd, query, options.inspect, true);
    const { records, total } = await this.reads.query(ctd.name, stored, paging.skip, paging.limit, options.withTotal !== false);
    return { items: records.map(toContentObject), total, page: paging.page, limit: paging.limit };
  }

  /** How many live objects match a filter. */
  async count(typeName: string, query: ObjectListQuery, options: ListOptions = {}): Promise<number> {
    const ctd = await this.contentType(typeName);
    return this.reads.count(ctd.name, this.parseQuery(ctd, query, options.inspect, false).where);
  }

  private parseQuery(
    ctd: ContentTypeDefinition,
    query: ObjectListQuery,
    inspect: ListOptions['inspect'],
    withOrder: boolean,
  ): { where: Record<string, unknown>; sort: Record<string, 1 | -1> } {
    const catalog = buildFieldCatalog(ctd);
    const order = withOrder ? parseOrder(query.orderBy, query.orderDirection, catalog) : { sort: {}, reads: [] };
    const filter = parseFilters(query.filters, catalog);
    inspect?.({ filterReads: filter.reads, orderReads: order.reads });
    const where: Record<string, unknown> = { ...filter.mongo, 'internal.deletedAt': '' };
    const ids = normaliseIds(query.ids);
    if (ids) where._id = { $in: ids.map((id) => this.scope.objects(ctd.name).documentId(idKeyOf(id))) };
    return { where, sort: order.sort };
  }

  /** One live object, or 404. */
  async get(typeName: string, id: string): Promise<ContentObject> {
    const ctd = await this.contentType(typeName);
    const [record] = typeof id === 'string' && id !== '' ? await this.reads.byIds(ctd.name, [idKeyOf(id)]) : [];
    if (!record || !isLive(record)) throw errors.notFound();
    return toContentObject(record);
  }

  /** Live objects of one type by id, in one query (for DataLoaders and hydration). */
  async getMany(typeName: string, ids: readonly string[]): Promise<Map<string, ContentObject>> {
    const found = new Map<string, ContentObject>();
    if (ids.length === 0) return found;
    const records = await this.reads.byIds(typeName, ids.map(idKeyOf));
    for (const record of records) if (isLive(record)) found.set(record.idKey, toContentObject(record));
    return found;
  }

  /** Creates an object (POST). */
  async create(typeName: string, body: unknown, options: WriteOptions = {}): Promise<ContentObject> {
    const input = requireObject(body);
    const first = await this.contentType(typeName);
    const id = input.id === undefined ? generateObjectId(first.name) : input.id;
    const idError = objectIdProblem(id);
    if (idError) throw errors.invalidField('id', idError);
    return this.writeCurrent(first, async (ctd) => {
      const prepared = await this.prepare(ctd, id as string, applySlugRules(ctd, propertiesOfObject(input)), options);
      return this.writer.store(ctd, prepared, undefined);
    });
  }

  /**
   * Runs a write checked against `ctd` (the request's snapshot); when the writer finds that the
   * definition is no longer the type's current one (a conversion ran or is running), waits for
   * the type to settle and runs it again, checked against the current definition. So a write never
   * stores data shaped for an old definition.
   */
  private async writeCurrent<T>(ctd: ContentTypeDefinition, write: (ctd: ContentTypeDefinition) => Promise<T>): Promise<T> {
    let current = ctd;
    for (let attempt = 1; ; attempt++) {
      try {
        return await write(current);
      } catch (error) {
        if (!(error instanceof StaleDefinition)) throw error;
        if (attempt >= 3 || !(await this.checks.settle(current))) throw errors.refused([TYPE_CHANGING_REASON]);
        const fresh = await this.contentTypes.find(current.name);
        if (!fresh) throw errors.notFound();
        current = fresh;
      }
    }
  }

  /** Whether a live object with this id exists. */
  async exists(typeName: string, id: string): Promise<boolean> {
    const ctd = await this.contentType(typeName);
    return (await this.findLive(ctd.name, id)) !== null;
  }

  /** Insert-or-update: replaces the live object with the body's id, or creates one (batch `updateExisting`, import). */
  async upsert(typeName: string, body: unknown, options: WriteOptions = {}): Promise<ContentObject> {
    const ctd = await this.contentType(typeName);
    const id = requireObject(body).id;
    const existing = typeof id === 'string' && id !== '' ? await this.findLive(ctd.name, id) : null;
    return existing ? this.replace(ctd.name, existing.id, body, options) : this.create(ctd.name, body, options);
  }

  /** Replaces an object (PUT): all required fields; the body id, if any, must equal the path id. */
  async replace(typeName: string, id: string, body: unknown, options: WriteOptions = {}): Promise<ContentObject> {
    const input = requireObject(body);
    return this.writeCurrent(await this.contentType(typeName), async (ctd) => {
      const existing = await this.existingFor(ctd, id, input);
      const prepared = await this.prepare(ctd, existing.id, applySlugRules(ctd, propertiesOfObject(input)), options);
      return this.writer.store(ctd, prepared, existing);
    });
  }

  /** Updates some fields of an object (PATCH); the result must still be valid as a whole. */
  async patch(typeName: string, id: string, body: unknown, options: WriteOptions = {}): Promise<ContentObject> {
    const input = requireObject(body);
    return this.writeCurrent(await this.contentType(typeName), async (ctd) => {
      const existing = await this.existingFor(ctd, id, input);
      const patchErrors = this.validate(ctd, propertiesOfObject(input), 'patch');
      if (Object.keys(patchErrors).length) throw errors.validation(patchErrors);
      const merged = { ...propertiesOfObject(toContentObject(existing)), ...propertiesOfObject(input) };
      const prepared = await this.prepare(ctd, existing.id, merged, options);
      return this.writer.store(ctd, prepared, existing);
    });
  }

  /**
   * Soft-deletes an object; refused while a live object references it. Write, then check: the
   * delete first claims the object's next version (a writer that adds a reference to it checks
   * after its own write whether such a claim is pending, and waits for it), then looks for
   * references, then writes the deletion, or gives the claim back when referenced.
   */
  async delete(typeName: string, id: string): Promise<void> {
    const ctd = await this.contentType(typeName);
    const existing = await this.findLive(ctd.name, id);
    if (!existing) throw errors.notFound();
    const objects = this.scope.objects(ctd.name);
    const claimedAt = Date.now();
    if (!(await objects.claimNext(existing))) throw errors.refused([CHANGED_REASON]);
    let referenced: boolean;
    try {
      referenced = await this.isReferenced(ctd.name, existing);
    } catch (error) {
      await objects.releaseNext(existing);
      throw error;
    }
    // Past the deadline, writers that reference the object no longer wait for this claim.
    if (referenced || Date.now() - claimedAt > DELETE_DEADLINE_MS) {
      await objects.releaseNext(existing);
      throw errors.refused([referenced ? REFERENCED_REASON : CHANGED_REASON]);
    }
    const now = flotiqDate();
    await objects.writeNext(existing, { 'internal.deletedAt': now, 'internal.updatedAt': now });
    const latestVersion = existing.internal.latestVersion + 1;
    await this.writer.changed(ctd.name, { ...existing, internal: { ...existing.internal, deletedAt: now, updatedAt: now, latestVersion } });
    const held = uniqueValuesOf(this.scope.accountId, ctd, propertiesOfObject(toContentObject(existing)));
    await releaseClaims(this.scope, existing.idKey, held.map((v) => v.claimId));
  }

  /** Ids of objects deleted after a time (spec §2.1 `/removed`). */
  async removedSince(typeName: string, deletedAfter: string): Promise<string[]> {
    const ctd = await this.contentType(typeName);
    const records = await this.scope.objects(ctd.name).find(
      { 'internal.deletedAt': { $gt: deletedAfter } },
      { sort: { 'internal.deletedAt': 1, createdSeq: 1 }, projection: { id: 1 } },
    );
    return records.map((r) => r.id);
  }

  /** How many live objects a type has. */
  async countLive(typeName: string): Promise<number> {
    return this.scope.objects(typeName).count({ 'internal.deletedAt': '' });
  }

  /**
   * Whether live objects of other types reference objects of this type (purge is refused then).
   * Every type that may hold such a relation is counted, from the stored definitions.
   */
  async referencedFromOtherTypes(typeName: string): Promise<boolean> {
    const prefix = `^${typeName.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/`;
    for (const ctd of (await this.contentTypes.all()).filter((definition) => definition.name !== typeName && mayReference(definition, typeName))) {
      if ((await this.scope.objects(ctd.name).count({ refs: { $regex: prefix }, 'internal.deletedAt': '' })) > 0) return true;
    }
    return false;
  }

  /** Removes every object of a type for good (purge) and their unique claims. */
  async purge(typeName: string): Promise<void> {
    await this.scope.objects(typeName).deleteAll();
    await this.writer.changed(typeName);
    await this.scope.uniqueClaims.deleteMany({ contentType: typeName });
  }

  /**
   * Converts every live object of a changed CTD (spec §1.6), idempotently (see `typeConversion.ts`):
   * if any cannot conform, nothing is written and the change is refused.
   */
  async convertAll(previous: ContentTypeDefinition, next: ContentTypeDefinition): Promise<void> {
    try {
      await new TypeConversion(this.scope, (ctd, data) => this.validate(ctd, data, 'full')).run(previous, next);
    } finally {
      await this.writer.changed(previous.name);
    }
  }

  /**
   * The live object a PUT/PATCH targets (404 when missing); a body id must name the same object.
   * Throws `StaleDefinition` when the object was written for a newer definition than `ctd`.
   */
  private async existingFor(ctd: ContentTypeDefinition, id: string, input: Record<string, unknown>): Promise<ContentObjectRecord> {
    const existing = await this.findLive(ctd.name, id);
    if (!existing) throw errors.notFound();
    // Written for a newer definition than this request read: redo against the current one.
    if (existing.typeVersion !== undefined && existing.typeVersion > ctd.version) throw new StaleDefinition('moved');
    if (input.id !== undefined && (typeof input.id !== 'string' || idKeyOf(input.id) !== existing.idKey)) {
      throw errors.invalidField('id', 'The id in the body must equal the id in the path');
    }
    return existing;
  }

  private validate(ctd: ContentTypeDefinition, data: unknown, mode: 'full' | 'patch'): FieldErrors {
    return validateObjectData(ctd, data, mode, getObjectValidator(this.scope.accountId, ctd, mode));
  }

  private async findLive(typeName: string, id: string): Promise<ContentObjectRecord | null> {
    if (typeof id !== 'string' || id === '') return null;
    const record = await this.scope.objects(typeName).findById(idKeyOf(id));
    return record && isLive(record) ? record : null;
  }

  /**
   * Whether a live object of a type that can hold such a relation references `record`. The types
   * are read from the database, not the request's snapshot: a type that gained a relation since
   * must be counted.
   */
  private async isReferenced(typeName: string, record: ContentObjectRecord): Promise<boolean> {
    const key = refKey(typeName, record.id);
    const definitions = await this.contentTypes.all();
    for (const ctd of definitions.filter((definition) => mayReference(definition, typeName))) {
      const count = await this.scope.objects(ctd.name).count({ refs: key, 'internal.deletedAt': '', _id: { $ne: record._id } });
      if (count > 0) return true;
    }
    return false;
  }

  /** Validates everything a write needs; throws the first class of problems found. */
  private async prepare(
    ctd: ContentTypeDefinition,
    id: string,
    data: Record<string, unknown>,
    options: WriteOptions,
  ): Promise<PreparedWrite> {
    const fieldErrors = this.validate(ctd, data, 'full');
    if (Object.keys(fieldErrors).length) throw errors.validation(fieldErrors);
    const missing = await this.missingReferences(ctd, data, options.referenceable ?? (() => true));
    if (Object.keys(missing).length) throw errors.validation(missing);
    const prepared = prepareWrite(ctd, id, data);
    if (prepared.sizeBytes > OBJECT_SIZE_LIMIT_BYTES) throw errors.objectTooLarge(id, prepared.sizeBytes, OBJECT_SIZE_LIMIT_BYTES);
    return prepared;
  }

  /** Relation targets that do not exist (or may not be named by this writer), one query per target type. */
  private async missingReferences(
    ctd: ContentTypeDefinition,
    data: Record<string, unknown>,
    referenceable: (type: string) => boolean,
  ): Promise<FieldErrors> {
    const references = collectReferences(ctd, data);
    const byType = new Map<string, Set<string>>();
    for (const ref of references) {
      const set = byType.get(ref.type) ?? new Set<string>();
      set.add(idKeyOf(ref.id));
      byType.set(ref.type, set);
    }
    const existing = new Set<string>();
    for (const [type, idKeys] of byType) {
      if (!referenceable(type)) continue;
      const records = await this.scope.objects(type).findByIds([...idKeys]);
      for (const record of records) if (isLive(record)) existing.add(refKey(type, record.idKey));
    }
    const problems: FieldErrors = {};
    for (const ref of references) {
      if (!existing.has(refKey(ref.type, ref.id))) problems[ref.field] = ['This value does not exist in database'];
    }
    return problems;
  }
}

function requireObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw errors.invalidField('body', 'The request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

function normaliseIds(ids: unknown): string[] | undefined {
  if (ids === undefined || ids === null) return undefined;
  const list = Array.isArray(ids) ? ids : [ids];
  if (!list.every((id) => typeof id === 'string')) throw errors.invalidField('ids', 'Ids must be strings');
  if (list.length > 1000) throw errors.invalidField('ids', 'At most 1000 ids may be requested');
  return list as string[];
}
