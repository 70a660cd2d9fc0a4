import type { TypeViews } from '../cache/typeViews';
import { ContentObjectService } from '../content-objects/contentObjectService';
import { ObjectReads } from '../content-objects/objectReads';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import { ContentTypeService } from '../content-types/contentTypeService';
import { AccountScope } from '../database/accountScope';
import type { Database } from '../database/database';
import { MediaFiles } from '../media/mediaFiles';
import type { ChangeFeed } from '../runtime/changeFeed';

/** One account's content services, wired to each other. */
export interface AccountContent {
  scope: AccountScope;
  contentTypes: ContentTypeService;
  objects: ContentObjectService;
  /** The files of the account's `_media` objects. */
  media: MediaFiles;
}

/** The topic published when objects of one of an account's types change (validates cached reads). */
export function contentTopic(accountId: string, type: string): string {
  return `content:${accountId}/${type}`;
}

/** The account and type a content topic names (type names never hold `/`), or undefined. */
export function parseContentTopic(topic: string): { accountId: string; type: string } | undefined {
  if (!topic.startsWith('content:')) return undefined;
  const rest = topic.slice('content:'.length);
  const slash = rest.lastIndexOf('/');
  return slash > 0 ? { accountId: rest.slice(0, slash), type: rest.slice(slash + 1) } : undefined;
}

/** The topic published when an account's content types change. */
export function schemaTopic(accountId: string): string {
  return `schema:${accountId}`;
}

/**
 * Opens the content services of one account. CTD changes are published on `feed` when given;
 * `snapshot` pins the CTDs object operations use (one request, one set of definitions).
 */
export function openAccountContent(
  database: Database,
  accountId: string,
  feed?: ChangeFeed,
  snapshot?: ReadonlyMap<string, ContentTypeDefinition>,
  views?: TypeViews,
): AccountContent {
  const scope = new AccountScope(database, accountId);
  let objects: ContentObjectService | undefined;
  const contentTypes = new ContentTypeService(scope, {
    convertObjects: (previous, next) => objects!.convertAll(previous, next),
    countObjects: (name) => objects!.countLive(name),
    purgeObjects: (name) => objects!.purge(name),
    referencedFromOtherTypes: (name) => objects!.referencedFromOtherTypes(name),
    keysUsing: async (name) =>
      (await scope.apiKeys.find({ kind: 'user', 'rules.contentTypeDefinitionName': name })).map((key) => key.name),
    changed: async () => {
      await feed?.publish(schemaTopic(accountId));
    },
  });
  // The write is done when this runs: a mark that cannot be written must not turn it into an error
  // (a client would retry a create). This instance's reads already see the write; others catch up
  // through the feed's gap handling or the caches' TTL.
  // Not awaited: this instance is notified synchronously inside `publish`, and the feed lets
  // publishes that queue behind one in flight share a log entry, so a batch of writes costs a few
  // entries instead of one round trip each.
  const announce = async (type: string) => {
    if (!feed) return;
    const publish = () => feed.publish(contentTopic(accountId, type));
    void (views ? views.announceOwnWrite(accountId, type, publish) : publish()).catch(() => undefined);
  };
  objects = new ContentObjectService(scope, contentTypes, snapshot, announce, new ObjectReads(scope, views));
  return { scope, contentTypes, objects, media: new MediaFiles(() => database.connection.db!) };
}
