import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import type { AuditRecord } from '../database/models/auditRecordModel';
import type { KeyKind } from '../access/permissions';
import type { ContentTypeService } from '../content-types/contentTypeService';
import type { AccountScope } from '../database/accountScope';
import { isFresh, WORK_DEADLINE_MS } from '../database/typeWork';
import type { ApiKeyRecord } from '../database/models/apiKeyModel';
import { errors } from '../errors/errorFactory';
import type { ChangeFeed } from '../runtime/changeFeed';
import { flotiqDate } from '../utils/flotiqDate';
import type { KeyCrypto } from './keyCrypto';
import { toKeyView, type KeyView, type KeyWithSecret } from './keyView';
import { decryptSecret, encryptSecret } from './secrets/keyEncryption';
import { generateSecret, maskSecret } from './secrets/keyFormat';
import { hashSecret } from './secrets/keyHashing';
import { writeKey } from './keyWrites';
import { validateKeyRules } from './validateKeyRules';

/** The names application keys carry. */
const APPLICATION_KEY_NAMES: Record<'rw' | 'ro', string> = { rw: 'Read and write API KEY', ro: 'Read only API KEY' };

/** The topic published when a key changes (caches on every instance drop it). */
export function keyTopic(keyId: string): string {
  return `key:${keyId}`;
}

/**
 * One account's API keys: the two application keys (regenerable, never removable) and
 * user-defined keys with rules. Every change is published on the change feed, so it applies to
 * the next request here and within the feed's bound on every other instance.
 */
export class KeyService {
  constructor(
    private readonly scope: AccountScope,
    private readonly crypto: KeyCrypto,
    private readonly contentTypes: ContentTypeService,
    private readonly feed: ChangeFeed | undefined,
    private readonly limits: { maxUserKeys: number } = { maxUserKeys: Number.POSITIVE_INFINITY },
    private readonly actor = 'system',
  ) {}

  /** The newest audit records of this account's key changes. */
  async audit(limit = 50): Promise<AuditRecord[]> {
    return this.scope.auditRecords.find({}, { sort: { at: -1, _id: -1 }, limit: Math.min(Math.max(1, limit), 500) });
  }

  private async audited(action: string, key: { _id: string; name: string } | undefined): Promise<void> {
    await this.scope.auditRecords.insert([
      { _id: new Types.ObjectId().toHexString(), at: new Date().toISOString(), action, keyId: key?._id ?? null, keyName: key?.name ?? null, actor: this.actor },
    ]);
  }

  /** Creates whichever application key is missing; returns the secrets of the ones it created. */
  async ensureApplicationKeys(): Promise<Partial<Record<'rw' | 'ro', string>>> {
    const existing = new Set((await this.scope.apiKeys.find({ kind: { $in: ['rw', 'ro'] } })).map((key) => key.kind));
    const created: Partial<Record<'rw' | 'ro', string>> = {};
    for (const kind of ['rw', 'ro'] as const) {
      if (!existing.has(kind)) created[kind] = (await this.insert(kind, APPLICATION_KEY_NAMES[kind], [])).secret;
    }
    return created;
  }

  /** Every key of the account, application keys first, masked. */
  async list(): Promise<KeyView[]> {
    const records = await this.scope.apiKeys.find({}, { sort: { createdAt: 1, _id: 1 } });
    const rank = { rw: 0, ro: 1, user: 2 } as const;
    return records.sort((a, b) => rank[a.kind] - rank[b.kind]).map((record) => this.view(record));
  }

  /** One key, masked; 404 when unknown. */
  async get(id: string): Promise<KeyView> {
    return this.view(await this.record(id));
  }

  /** The application key of a kind, with its secret (for the first-run banner and the admin page). */
  async applicationKey(kind: 'rw' | 'ro'): Promise<KeyWithSecret> {
    const record = await this.scope.apiKeys.findOne({ kind });
    if (!record) throw errors.notFound();
    return { key: this.view(record), secret: decryptSecret(record.encrypted, this.crypto.encryptionKey) };
  }

  /** The secret of a key, decrypted (internal admin side only). */
  async reveal(id: string): Promise<string> {
    const record = await this.record(id);
    await this.audited('key.revealed', record);
    return decryptSecret(record.encrypted, this.crypto.encryptionKey);
  }

  /** Creates a user-defined key; refused at the plan's cap. */
  async createUserKey(input: { name?: unknown; rules?: unknown }): Promise<KeyWithSecret> {
    const name = validName(input.name);
    const rules = await this.validRules(input.rules ?? []);
    const refusal = () => errors.refused([`The plan allows ${this.limits.maxUserKeys} user-defined API keys; remove one first.`]);
    if ((await this.scope.apiKeys.count({ kind: 'user' })) >= this.limits.maxUserKeys) throw refusal();
    // Write, then check: of creates racing for the last places, any that finds the plan exceeded
    // takes its own key back (its secret was never shown), so the cap is never passed.
    const { record, secret } = await this.insertRecord('user', name, rules);
    if ((await this.scope.apiKeys.count({ kind: 'user' })) > this.limits.maxUserKeys) {
      await this.scope.apiKeys.deleteMany({ _id: record._id });
      throw refusal();
    }
    try {
      await this.requireRuleTypes(rules);
    } catch (error) {
      await this.scope.apiKeys.deleteMany({ _id: record._id });
      throw error;
    }
    await this.audited('key.created', record);
    return { key: this.view({ ...record, accountId: this.scope.accountId }), secret };
  }

  /** Changes a user-defined key's name and/or rules (application keys have no rules). */
  async update(id: string, input: { name?: unknown; rules?: unknown }): Promise<KeyView> {
    const { record, set } = await writeKey(this.scope, () => this.record(id), async (current) => {
      const change: Partial<ApiKeyRecord> = { updatedAt: flotiqDate() };
      if (input.name !== undefined) change.name = validName(input.name);
      if (input.rules !== undefined) {
        if (current.kind !== 'user') throw errors.invalidField('rules', 'Application keys have no rules');
        change.rules = await this.validRules(input.rules);
      }
      return change;
    });
    if (set.rules) {
      try {
        await this.requireRuleTypes(set.rules);
      } catch (error) {
        await writeKey(this.scope, () => this.record(id), () => ({ rules: record.rules }));
        throw error;
      }
    }
    await this.feed?.publish(keyTopic(id));
    await this.audited(input.rules !== undefined ? 'key.rules.updated' : 'key.renamed', { _id: id, name: set.name ?? record.name });
    return this.get(id);
  }

  /** Replaces a key's secret; the old one stops working at once. */
  async regenerate(id: string): Promise<KeyWithSecret> {
    const secret = generateSecret(secretKind((await this.record(id)).kind));
    const { record } = await writeKey(this.scope, () => this.record(id), () => ({
      hash: hashSecret(secret, this.crypto.hmacKey),
      encrypted: encryptSecret(secret, this.crypto.encryptionKey),
      updatedAt: flotiqDate(),
    }));
    await this.feed?.publish(keyTopic(id));
    await this.audited('key.regenerated', record);
    return { key: await this.get(id), secret };
  }

  /** Removes a user-defined key; application keys cannot be removed. */
  async remove(id: string): Promise<void> {
    const record = await this.record(id);
    if (record.kind !== 'user') throw errors.refused(['Application keys cannot be removed, only regenerated.']);
    await this.scope.apiKeys.deleteMany({ _id: id });
    await this.feed?.publish(keyTopic(id));
    await this.audited('key.removed', record);
  }

  private async record(id: string): Promise<ApiKeyRecord> {
    const record = typeof id === 'string' ? await this.scope.apiKeys.findOne({ _id: id }) : null;
    if (!record) throw errors.notFound();
    return record;
  }

  /**
   * Write, then check: a type the stored rules name may have been deleted since they were
   * validated (a type's deleter writes its work record, then counts the keys using the type). A
   * delete under way is waited for; a type that is gone refuses the rules as validation does.
   */
  private async requireRuleTypes(rules: ApiKeyRecord['rules']): Promise<void> {
    const work = this.scope.typeWork();
    const names = new Set(rules.map((rule) => rule.contentTypeDefinitionName));
    for (const name of names) {
      for (let waited = 0; waited <= WORK_DEADLINE_MS; waited += 50) {
        const pending = await work.get(name);
        if (!(pending?.kind === 'delete' && isFresh(pending))) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const existing = new Set((await this.contentTypes.all()).map((ctd) => ctd.name));
    const problems: Record<string, string[]> = {};
    rules.forEach((rule, index) => {
      if (!existing.has(rule.contentTypeDefinitionName)) {
        problems[`rules[${index}].contentTypeDefinitionName`] = [`Content type ${rule.contentTypeDefinitionName} does not exist`];
      }
    });
    if (Object.keys(problems).length) throw errors.validation(problems);
  }

  private async validRules(input: unknown) {
    const contentTypes = new Map((await this.contentTypes.all()).map((ctd) => [ctd.name, ctd]));
    const result = validateKeyRules(input, contentTypes);
    if (!result.ok) throw errors.validation(result.errors);
    return result.rules;
  }

  private async insert(kind: KeyKind, name: string, rules: ApiKeyRecord['rules']): Promise<KeyWithSecret> {
    const { record, secret } = await this.insertRecord(kind, name, rules);
    await this.audited('key.created', record);
    return { key: this.view({ ...record, accountId: this.scope.accountId }), secret };
  }

  /** Stores a new key (only its hash and encrypted copy); the secret is returned once. */
  private async insertRecord(kind: KeyKind, name: string, rules: ApiKeyRecord['rules']) {
    const secret = generateSecret(secretKind(kind));
    const now = flotiqDate();
    const record = {
      _id: randomUUID(),
      kind,
      name,
      rules,
      hash: hashSecret(secret, this.crypto.hmacKey),
      encrypted: encryptSecret(secret, this.crypto.encryptionKey),
      createdAt: now,
      updatedAt: now,
    };
    await this.scope.apiKeys.insert([record]);
    return { record, secret };
  }

  private view(record: ApiKeyRecord): KeyView {
    return toKeyView(record, maskSecret(decryptSecret(record.encrypted, this.crypto.encryptionKey)));
  }
}

function secretKind(kind: KeyKind): 'rw' | 'ro' | 'usr' {
  return kind === 'user' ? 'usr' : kind;
}

function validName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') throw errors.invalidField('name', 'The property name is required');
  if (name.length > 200) throw errors.invalidField('name', 'Must be at most 200 characters long');
  return name.trim();
}
