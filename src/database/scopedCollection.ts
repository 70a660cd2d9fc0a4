import type { Model } from 'mongoose';

/** A query filter on one collection (only ever built by contentgate code, never taken from clients). */
export type Filter = Record<string, unknown>;

/** Server-side time limit of every read: the database itself stops a pathological query. */
export const QUERY_TIME_LIMIT_MS = 10_000;

/** The update operators the data layer uses. */
const UPDATE_OPERATORS = new Set(['$set', '$inc', '$unset']);

/** Options for a find. */
export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, 0 | 1>;
}

/**
 * One collection seen through one account: every read, count, update and delete is ANDed with
 * the account's id (overwriting any `accountId` in the filter), every insert is stamped with it,
 * and no update can change it. This class is the only code that turns filters into queries.
 */
export class ScopedCollection<T extends { accountId: string }> {
  constructor(
    private readonly model: Model<T>,
    private readonly accountId: string,
  ) {}

  private scoped(filter: Filter): Filter {
    return { ...filter, accountId: this.accountId };
  }

  /**
   * Only `$set`, `$inc` and `$unset` of paths the model declares; never `accountId`, never a
   * pipeline, `$rename` or any other operator (they could move a value into `accountId`).
   */
  private guardUpdate(update: Filter): Filter {
    if (Array.isArray(update)) throw new Error('Pipeline updates are not allowed');
    for (const [operator, fields] of Object.entries(update)) {
      if (!UPDATE_OPERATORS.has(operator)) throw new Error(`Update operator ${operator} is not allowed`);
      for (const path of Object.keys(fields as object)) {
        if (path.split('.')[0] === 'accountId') throw new Error('An update may not change accountId');
        if (!this.model.schema.path(path) && !this.model.schema.path(path.split('.')[0])) throw new Error(`Unknown path in update: ${path}`);
      }
    }
    return update;
  }

  /** Finds plain documents of this account. */
  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    let query = this.model.find(this.scoped(filter), options.projection ?? null).maxTimeMS(QUERY_TIME_LIMIT_MS).lean<T[]>();
    if (options.sort) query = query.sort(options.sort);
    if (options.skip) query = query.skip(options.skip);
    if (options.limit !== undefined) query = query.limit(options.limit);
    return query.exec();
  }

  /**
   * The document with this `_id` if it belongs to this account: a filter of exactly `{_id}`, the
   * only one FerretDB answers without decoding every document of the collection.
   */
  async findById(id: string): Promise<T | null> {
    const found = (await this.model.collection.findOne({ _id: id } as never, { maxTimeMS: QUERY_TIME_LIMIT_MS })) as T | null;
    return found && found.accountId === this.accountId ? found : null;
  }

  /** Finds one plain document of this account. */
  async findOne(filter: Filter): Promise<T | null> {
    return this.model.findOne(this.scoped(filter)).maxTimeMS(QUERY_TIME_LIMIT_MS).lean<T>().exec();
  }

  /** Counts documents of this account. */
  async count(filter: Filter): Promise<number> {
    return this.model.countDocuments(this.scoped(filter)).maxTimeMS(QUERY_TIME_LIMIT_MS).exec();
  }

  /** Inserts documents stamped with this account, each validated against the model's schema first. */
  async insert(docs: Omit<T, 'accountId'>[]): Promise<void> {
    if (docs.length === 0) return;
    const stamped = docs.map((doc) => ({ ...doc, accountId: this.accountId }));
    for (const doc of stamped) await this.model.validate(doc);
    await this.model.collection.insertMany(stamped as never[], { ordered: true });
  }

  /** Updates one document of this account; returns how many matched. */
  async updateOne(filter: Filter, update: Filter): Promise<number> {
    const result = await this.model.collection.updateOne(this.scoped(filter) as never, this.guardUpdate(update) as never);
    return result.matchedCount;
  }

  /** Updates documents of this account; returns how many matched. */
  async updateMany(filter: Filter, update: Filter): Promise<number> {
    const result = await this.model.collection.updateMany(this.scoped(filter) as never, this.guardUpdate(update) as never);
    return result.matchedCount;
  }

  /** Replaces one document of this account (the replacement keeps the account). */
  async replaceOne(filter: Filter, replacement: Omit<T, 'accountId'>): Promise<number> {
    const stamped = { ...replacement, accountId: this.accountId };
    await this.model.validate(stamped);
    const result = await this.model.collection.replaceOne(this.scoped(filter) as never, stamped as never);
    return result.matchedCount;
  }

  /** Deletes documents of this account; returns how many. */
  async deleteMany(filter: Filter): Promise<number> {
    const result = await this.model.collection.deleteMany(this.scoped(filter) as never);
    return result.deletedCount;
  }
}
