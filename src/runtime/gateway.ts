import { openAccountContent, parseContentTopic, type AccountContent } from '../accounts/accountContent';
import { AccountService } from '../accounts/accountService';
import type { AccountRecord } from '../database/models/accountModel';
import type { Config } from '../config/config';
import { planOf } from '../config/plans';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import type { Database } from '../database/database';
import { AccountGraphQLRegistry } from '../graphql/accountGraphQLRegistry';
import type { GuardLayers } from '../graphql/guardLayers';
import { keyCryptoFromConfig, type KeyCrypto } from '../keys/keyCrypto';
import { KeyResolver } from '../keys/keyResolver';
import { KeyService } from '../keys/keyService';
import { ResponseCache } from '../cache/responseCache';
import { TypeViews } from '../cache/typeViews';
import { ALL_TOPICS, ChangeFeed } from './changeFeed';
import { ContentVersions } from './contentVersions';
import { ContentTypeSnapshots } from './contentTypeSnapshots';

/**
 * Everything one instance shares between requests: the database, the change feed, caches of keys
 * and schemas. Instances hold no other state, so any number of them can serve one database.
 */
export class Gateway {
  readonly feed: ChangeFeed;
  readonly keyCrypto: KeyCrypto;
  readonly keys: KeyResolver;
  readonly graphql: AccountGraphQLRegistry;
  readonly contentTypes: ContentTypeSnapshots;
  /** Each account's content version, the validator of cached reads. */
  readonly versions: ContentVersions;
  /** Cached read answers (REST GETs, GraphQL queries). */
  readonly responses: ResponseCache;
  /** In-process copies of content types that reads run on. */
  readonly views: TypeViews;

  constructor(
    readonly config: Config,
    readonly database: Database,
    /** Tests switch single GraphQL permission layers off; a server always runs them all. */
    options: { graphqlGuards?: GuardLayers } = {},
  ) {
    this.feed = new ChangeFeed(database);
    this.keyCrypto = keyCryptoFromConfig(config);
    this.keys = new KeyResolver(database, this.keyCrypto, this.feed);
    this.contentTypes = new ContentTypeSnapshots(database, this.feed);
    this.versions = new ContentVersions(this.feed);
    this.responses = new ResponseCache(config.responseCacheMiB);
    this.views = new TypeViews(config.typeViewsMiB);
    this.feed.subscribe((topic) => {
      if (topic === ALL_TOPICS) return this.views.dropAll();
      const changed = parseContentTopic(topic);
      if (changed) this.views.noticeChange(changed.accountId, changed.type);
    });
    this.graphql = new AccountGraphQLRegistry(this.contentTypes, this.feed, {
      introspection: config.introspection,
      maxViews: config.graphqlViews,
      layers: options.graphqlGuards,
    });
  }

  /** Starts background work (the change feed's poll). */
  start(): void {
    this.feed.start();
  }

  async stop(): Promise<void> {
    this.feed.stop();
    await this.feed.drain();
    await this.graphql.stop();
  }

  /** An account's content services for one request, on the account's current CTD snapshot. */
  async requestContent(accountId: string): Promise<AccountContent> {
    return this.content(accountId, await this.contentTypes.get(accountId));
  }

  /** An account's content services (with a pinned CTD snapshot for one request, if given). */
  content(accountId: string, snapshot?: ReadonlyMap<string, ContentTypeDefinition>): AccountContent {
    return openAccountContent(this.database, accountId, this.feed, snapshot, this.views);
  }

  /** Creates an account with its system types and its two application keys (secrets returned once). */
  async createAccount(input: { name: string; plan?: string; id?: string }): Promise<{
    account: AccountRecord;
    keys: Partial<Record<'rw' | 'ro', string>>;
  }> {
    const account = await new AccountService(this.database).create(input);
    const keys = await (await this.keyService(account._id)).ensureApplicationKeys();
    return { account, keys };
  }

  /** An account's key service, with its plan's cap on user-defined keys. */
  async keyService(accountId: string, actor = 'system'): Promise<KeyService> {
    const account = await this.database.models.accounts.findOne({ _id: accountId }).lean().exec();
    const { maxUserKeys } = planOf(this.config.quotas.plans, account?.plan);
    const content = this.content(accountId);
    return new KeyService(content.scope, this.keyCrypto, content.contentTypes, this.feed, { maxUserKeys }, actor);
  }
}
