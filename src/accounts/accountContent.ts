import { ContentObjectService } from '../content-objects/contentObjectService';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import { ContentTypeService } from '../content-types/contentTypeService';
import { AccountScope } from '../database/accountScope';
import type { Database } from '../database/database';
import type { ChangeFeed } from '../runtime/changeFeed';

/** One account's content services, wired to each other. */
export interface AccountContent {
  scope: AccountScope;
  contentTypes: ContentTypeService;
  objects: ContentObjectService;
}

/** The topic published when an account's content objects change (validates cached reads). */
export function contentTopic(accountId: string): string {
  return `content:${accountId}`;
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
): AccountContent {
  const scope = new AccountScope(database, accountId);
  let objects: ContentObjectService | undefined;
  const contentTypes = new ContentTypeService(scope, {
    convertObjects: (previous, next) => objects!.convertAll(previous, next),
    countObjects: (name) => objects!.countLive(name),
    purgeObjects: (name) => objects!.purge(name),
    keysUsing: async (name) =>
      (await scope.apiKeys.find({ kind: 'user', 'rules.contentTypeDefinitionName': name })).map((key) => key.name),
    changed: async () => {
      await feed?.publish(schemaTopic(accountId));
    },
  });
  // The write is done when this runs: a mark that cannot be written must not turn it into an error
  // (a client would retry a create). This instance has already dropped its cached reads; others
  // catch up through the feed's gap handling or the cache's TTL.
  objects = new ContentObjectService(scope, contentTypes, snapshot, async () => {
    await feed?.publish(contentTopic(accountId)).catch(() => undefined);
  });
  return { scope, contentTypes, objects };
}
