import { openAccountContent } from '../accounts/accountContent';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import type { Database } from '../database/database';
import { ALL_TOPICS, type ChangeFeed } from './changeFeed';

/** An account's CTDs by name, as one request should see them. */
export type ContentTypeSnapshot = ReadonlyMap<string, ContentTypeDefinition>;

/**
 * Per-account snapshots of the content type definitions, so a request reads them once from memory
 * instead of once per operation. A CTD change (from this or another instance, via the change feed)
 * drops the account's snapshot; a load that raced with a change is not kept.
 */
export class ContentTypeSnapshots {
  private readonly entries = new Map<string, Promise<ContentTypeSnapshot>>();
  private generation = 0;

  constructor(
    private readonly database: Database,
    feed: ChangeFeed,
  ) {
    feed.subscribe((topic) => {
      if (topic === ALL_TOPICS) this.forget(undefined);
      else if (topic.startsWith('schema:')) this.forget(topic.slice('schema:'.length));
    });
  }

  /** The account's current snapshot, loaded on first use. */
  get(accountId: string): Promise<ContentTypeSnapshot> {
    const cached = this.entries.get(accountId);
    if (cached) return cached;
    const generation = this.generation;
    const loading = openAccountContent(this.database, accountId)
      .contentTypes.all()
      .then((ctds): ContentTypeSnapshot => new Map(ctds.map((ctd) => [ctd.name, ctd])));
    this.entries.set(accountId, loading);
    const drop = () => {
      if (this.entries.get(accountId) === loading) this.entries.delete(accountId);
    };
    loading.then(() => {
      if (generation !== this.generation) drop();
    }, drop);
    return loading;
  }

  private forget(accountId: string | undefined): void {
    this.generation++;
    if (accountId === undefined) this.entries.clear();
    else this.entries.delete(accountId);
  }
}
