import { randomBytes } from 'node:crypto';
import type { Database } from '../database/database';
import type { AccountRecord } from '../database/models/accountModel';
import { errors } from '../errors/errorFactory';
import { openAccountContent } from './accountContent';

/**
 * Creates and finds accounts. A new account gets the system content types at once, so every
 * account has `_media` and `_tag`.
 */
export class AccountService {
  constructor(private readonly database: Database) {}

  /** Creates an account with the system types. */
  async create(input: { name: string; plan?: string; id?: string }): Promise<AccountRecord> {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (!name) throw errors.invalidField('name', 'The property name is required');
    const record: AccountRecord = {
      _id: input.id ?? `acc_${randomBytes(8).toString('hex')}`,
      name,
      plan: input.plan ?? 'free',
      createdAt: new Date(),
    };
    await this.database.models.accounts.collection.insertOne(record as never);
    await openAccountContent(this.database, record._id).contentTypes.ensureSystemTypes();
    return record;
  }

  /** One account, or undefined. */
  async find(id: string): Promise<AccountRecord | undefined> {
    if (typeof id !== 'string') return undefined;
    return (await this.database.models.accounts.findOne({ _id: id }).lean<AccountRecord>().exec()) ?? undefined;
  }

  /** Every account, oldest first. */
  async list(): Promise<AccountRecord[]> {
    return this.database.models.accounts.find({}).sort({ createdAt: 1 }).lean<AccountRecord[]>().exec();
  }
}
