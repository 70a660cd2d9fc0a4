import { openAccountContent, parseContentTopic, type AccountContent } from '../accounts/accountContent';
import { AccountService } from '../accounts/accountService';
import type { AccountRecord } from '../database/models/accountModel';
import type { Config } from '../config/config';
import { planOf } from '../config/plans';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import type { Database } from '../database/database';
import { isFresh, TypeWork } from '../database/typeWork';
import { AccountGraphQLRegistry } from '../graphql/accountGraphQLRegistry';
import type { GuardLayers } from '../graphql/guards/guardLayers';
import { keyCryptoFromConfig, type KeyCrypto } from '../keys/keyCrypto';
import { KeyResolver } from '../keys/keyResolver';
import { KeyService } from '../keys/keyService';
import { ResponseCache } from '../cache/responseCache';
import { TypeViews } from '../cache/typeViews';
import { ALL_TOPICS, ChangeFeed } from './changeFeed';
import { ContentVersions } from './contentVersions';
import { ContentTypeSnapshots } from './contentTypeSnapshots';
import { isAppError } from '../errors/appError';
import { MediaFiles } from '../media/mediaFiles';
import { MEDIA_TYPE } from '../media/mediaKinds';
import { OrphanSweep } from '../media/orphanSweep';
import { Metrics } from '../metrics/metrics';
import { decideReadiness, type ReadinessState } from './readiness';

/** Files the media orphan sweep examines per run. */
const ORPHAN_SWEEP_BATCH = 200;

/** What a gateway is told about its process (the server's; tests and the CLI leave it out). */
export interface GatewayOptions {
  /** Restarts of the embedded database so far, for the metrics. */
  embeddedRestarts?: () => number;
  /** Whether the metrics include the process's own (memory, CPU, event loop). */
  processMetrics?: boolean;
  /** Tests switch single GraphQL permission layers off; a server always runs them all. */
  graphqlGuards?: GuardLayers;
}

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
  /** This instance's Prometheus metrics. */
  readonly metrics: Metrics;
  /** Removes media files left without their `_media` object (started once the database is open). */
  readonly mediaSweep: OrphanSweep;
  private shuttingDown = false;

  constructor(
    readonly config: Config,
    readonly database: Database,
    options: GatewayOptions = {},
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
    this.mediaSweep = new OrphanSweep(
      new MediaFiles(() => database.connection.db!),
      (accountId, id) => this.mediaObjectExists(accountId, id),
      { graceMs: config.media.orphanGraceMs, batch: ORPHAN_SWEEP_BATCH },
    );
    this.metrics = new Metrics({
      caches: { responses: this.responses.lookups, typeViews: this.views.lookups },
      ready: () => decideReadiness(this.readinessInput()).ready,
      embeddedRestarts: options.embeddedRestarts,
      processMetrics: options.processMetrics,
    });
  }

  /** Whether to send traffic here: asks the database only when nothing else decides already. */
  async readiness(): Promise<ReadinessState> {
    const known = decideReadiness(this.readinessInput());
    if (!known.ready) return known;
    return decideReadiness({ ...this.readinessInput(), databaseAnswers: await this.database.ping() });
  }

  /** From now on this instance reports not ready (the first step of shutdown). */
  beginShutdown(): void {
    this.shuttingDown = true;
  }

  private readinessInput() {
    return { prepared: this.database.prepared, shuttingDown: this.shuttingDown };
  }

  /** Work on content types left unfinished by a process that died, being finished (see `start`). */
  resumed: Promise<void> = Promise.resolve();

  /**
   * Starts background work (the change feed's poll) and, once the database is open, finishes work on
   * content types a dead process left (a server opening its database in the background calls
   * `resumeWork` when it has).
   */
  start(): void {
    this.feed.start();
    if (this.database.prepared) this.resumeWork();
  }

  /**
   * Finishes, in the background, the content type work dead processes left (see
   * `resumeUnfinishedWork`), and starts the media orphan sweep.
   */
  resumeWork(): void {
    this.mediaSweep.start(this.config.media.sweepIntervalMs, (error) => {
      console.warn(`[contentgate] media orphan sweep failed: ${error.message}`);
    });
    this.resumed = this.resumeUnfinishedWork().catch((error: Error) => {
      console.warn(`[contentgate] unfinished content type work could not be resumed: ${error.message}`);
    });
  }

  /**
   * Finishes what processes that died left in `content_type_work`: conversions are run again to
   * the end (idempotent: another instance running the same conversion at the same time writes the
   * same); delete and purge records no longer refreshed are removed (their work is simply not done:
   * the client never got an answer).
   */
  async resumeUnfinishedWork(): Promise<void> {
    const db = this.database.connection.db!;
    for (const work of await TypeWork.everything(db)) {
      if (work.kind === 'convert') await this.content(work.accountId).contentTypes.resumeSoon(work);
      else if (!isFresh(work)) await TypeWork.removeStale(db, work);
    }
  }

  async stop(): Promise<void> {
    await this.resumed;
    await this.mediaSweep.stop();
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

  /** Whether an account has a live `_media` object of an id (an account or type that is gone has none). */
  private async mediaObjectExists(accountId: string, id: string): Promise<boolean> {
    try {
      return await this.content(accountId).objects.exists(MEDIA_TYPE, id);
    } catch (error) {
      if (isAppError(error) && error.status === 404) return false;
      throw error;
    }
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
