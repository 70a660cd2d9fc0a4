import type { AccountScope } from '../database/accountScope';
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
  /** Names of keys whose rules use the type (refuses deletion). */
  keysUsing(name: string): Promise<string[]>;
  /** Called after any change of the account's CTDs (schema caches drop the account). */
  changed(): Promise<void>;
}

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
    return this.insert(value);
  }

  /**
   * Replaces a CTD (PUT). Existing objects are converted first (spec §1.6); when they cannot
   * conform the call fails with 400 and nothing changes.
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
    // Claim the next version before converting anything: of concurrent updates only one converts
    // the objects and writes (a conditional update alone is not atomic on FerretDB).
    const claims = this.scope.versionClaims();
    const claimed = `ctd/${this.scope.accountId}/${name}`;
    const unwritten = async () => (await this.scope.contentTypes.findOne({ name }))?.version === previous.version;
    if (!(await claims.claim(claimed, next.version, undefined, unwritten))) {
      throw errors.refused(['The content type was changed by another request; retry.']);
    }
    try {
      await this.hooks.convertObjects(previous, next);
    } catch (error) {
      await claims.release(claimed, next.version);
      throw error;
    }
    await this.scope.contentTypes.updateOne(
      { name },
      { $set: { label: next.label, definition: definitionText(next), version: next.version, updatedAt: next.updatedAt } },
    );
    await this.hooks.changed();
    return next;
  }

  /** Deletes a CTD; refused while objects or keys use it (Flotiq's messages). */
  async delete(name: string): Promise<void> {
    const ctd = await this.get(name);
    const reasons: string[] = [];
    for (const keyName of await this.hooks.keysUsing(ctd.name)) {
      reasons.push(`This content type definition is used by Api Key: ${keyName}`);
    }
    if ((await this.hooks.countObjects(ctd.name)) > 0) reasons.push("Content Type has objects, you can't remove it!");
    const referencing = (await this.all()).filter((other) => other.name !== ctd.name && relationTargets(other).has(ctd.name));
    for (const other of referencing) reasons.push(`Content type is used in a relation of content type: ${other.name}`);
    if (isSystemTypeName(ctd.name)) reasons.push('System content types cannot be removed');
    if (reasons.length) throw errors.refused(reasons);
    await this.scope.contentTypes.deleteMany({ name: ctd.name });
    await this.hooks.changed();
  }

  /** Removes every object of a CTD, and the CTD too when `deleteSchema`. */
  async purge(name: string, deleteSchema: boolean): Promise<void> {
    const ctd = await this.get(name);
    await this.hooks.purgeObjects(ctd.name);
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

  private async insert(value: ContentTypeDefinitionInput): Promise<ContentTypeDefinition> {
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
    await this.hooks.changed();
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
