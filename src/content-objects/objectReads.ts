import type { TypeViews } from '../cache/typeViews';
import type { AccountScope } from '../database/accountScope';
import type { ContentObjectRecord } from '../database/models/contentObjectModel';
import { runQuery, type StoredQuery } from '../query/evaluateInMemory';

/** A page of stored objects and, when asked for, how many matched in all (-1 when not counted). */
export interface RecordPage {
  records: ContentObjectRecord[];
  total: number;
}

/**
 * Where one account's object reads are answered: from the in-process copy of the type when there
 * is one (`TypeViews`; same MongoDB semantics, evaluated in memory), else from the database. The
 * writes of this instance are recorded here so that the copy stays current; reads made for a write
 * (does the id exist, who owns a unique value) never come from here but from the database.
 */
export class ObjectReads {
  constructor(
    private readonly scope: AccountScope,
    private readonly views?: TypeViews,
  ) {}

  /** Objects of `type` matching `query.where`, ordered, one page; the total when `withTotal`. */
  async query(type: string, query: StoredQuery, skip: number, limit: number | undefined, withTotal: boolean): Promise<RecordPage> {
    const view = await this.view(type);
    if (view) {
      const { page, total } = runQuery(view.records.values(), query, skip, limit);
      return { records: page, total: withTotal ? total : -1 };
    }
    const objects = this.scope.objects(type);
    const [records, total] = await Promise.all([
      objects.find(query.where, { sort: query.sort, skip, limit }),
      withTotal ? objects.count(query.where) : Promise.resolve(-1),
    ]);
    return { records, total };
  }

  /** How many objects of `type` match `where`. */
  async count(type: string, where: Record<string, unknown>): Promise<number> {
    const view = await this.view(type);
    if (view) return runQuery(view.records.values(), { where, sort: {} }, 0, 0).total;
    return this.scope.objects(type).count(where);
  }

  /** The stored objects (live or not) with these id keys. */
  async byIds(type: string, idKeys: readonly string[]): Promise<ContentObjectRecord[]> {
    const view = await this.view(type);
    if (!view) return this.scope.objects(type).findByIds(idKeys);
    return [...new Set(idKeys)].map((idKey) => view.records.get(idKey)).filter((record): record is ContentObjectRecord => !!record);
  }

  /** Records an object as this instance just stored it. */
  written(type: string, record: ContentObjectRecord): void {
    this.views?.apply(this.scope.accountId, type, record);
  }

  /** Forgets the copy of a type whose objects changed in bulk (conversion, purge). */
  invalidate(type: string): void {
    this.views?.drop(this.scope.accountId, type);
  }

  private async view(type: string) {
    return this.views?.get(this.scope.accountId, type, () => this.scope.objects(type).find({}));
  }
}
