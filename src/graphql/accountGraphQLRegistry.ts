import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { validateSchema, type DocumentNode, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Permissions } from '../access/permissions';
import { rightsFingerprint } from '../cache/rightsFingerprint';
import { ALL_TOPICS, type ChangeFeed } from '../runtime/changeFeed';
import { runInSlices } from '../utils/slicedWork';
import type { ContentTypeSnapshots } from '../runtime/contentTypeSnapshots';
import { buildAccountSchemaInSlices, type AccountSchema } from './buildAccountSchema';
import { formatGraphQLError } from './formatGraphQLError';
import { ALL_GUARD_LAYERS, type GuardLayers } from './guards/guardLayers';
import type { GraphQLContext } from './graphqlContext';
import { keySchemaViewSteps } from './guards/keySchemaView';
import { knownOperationTypesRule } from './guards/knownOperationTypesRule';
import { DEFAULT_OPERATION_LIMITS, operationLimitsRule } from './guards/operationLimits';
import { errorReportPlugin } from './errorReportPlugin';
import { permissionPlugin } from './guards/permissionPlugin';
import { resultBudgetPlugin } from './resultBudgetPlugin';

/** An account's schema as built from its CTDs (the source every key view is pruned from). */
export interface AccountGraphQL extends AccountSchema {
  /** Distinguishes builds: views are cached per build, so a rebuilt account never serves an old view. */
  readonly build: number;
}

/** What one key executes against: its view of the account schema and the Apollo Server running it. */
export interface KeyGraphQL {
  account: AccountGraphQL;
  schema: GraphQLSchema;
  apollo: ApolloServer<GraphQLContext>;
}

/** How long a replaced Apollo Server keeps running for requests that started on it. */
const RETIRE_AFTER_MS = 60_000;
/** Parsed and validated documents, shared by every view (Apollo prefixes entries with the schema's hash). */
const DOCUMENT_STORE_BYTES = 32 * 1024 * 1024;

let builds = 0;

/**
 * Builds, caches and rebuilds each account's GraphQL schema and each key's view of it. A view is
 * keyed by the account build and the key's rights fingerprint, so keys with equal rights share
 * one, and a key whose rules change gets another at its next request. Views are kept in a bounded
 * LRU. A CTD change (announced on the change feed, from this or another instance) drops the
 * account and its views; requests in flight finish on the schema they started with. Schemas and
 * views are built in slices of `sliceMs` (default 8 ms), so a large account's build never stalls
 * other requests.
 */
export class AccountGraphQLRegistry {
  private readonly accounts = new Map<string, Promise<AccountGraphQL>>();
  private readonly generation = new Map<string, number>();
  private readonly views: LRUCache<string, Promise<KeyGraphQL>>;
  private readonly documentStore = new InMemoryLRUCache<DocumentNode>({ maxSize: DOCUMENT_STORE_BYTES });

  constructor(
    private readonly snapshots: ContentTypeSnapshots,
    feed: ChangeFeed,
    private readonly options: { introspection: boolean; maxViews: number; layers?: GuardLayers; sliceMs?: number },
  ) {
    this.views = new LRUCache({ max: options.maxViews, dispose: (view) => retire(view) });
    feed.subscribe((topic) => {
      if (topic === ALL_TOPICS) for (const accountId of [...this.accounts.keys()]) this.invalidate(accountId);
      else if (topic.startsWith('schema:')) this.invalidate(topic.slice('schema:'.length));
    });
  }

  /** The account's current schema, built on first use. */
  get(accountId: string): Promise<AccountGraphQL> {
    let entry = this.accounts.get(accountId);
    if (!entry) {
      const generation = this.generation.get(accountId) ?? 0;
      entry = this.build(accountId);
      this.accounts.set(accountId, entry);
      entry.catch(() => {
        if (this.accounts.get(accountId) === entry) this.accounts.delete(accountId);
      });
      // A change that arrived while building makes this result stale: build again next time.
      void entry.then(() => {
        if ((this.generation.get(accountId) ?? 0) !== generation && this.accounts.get(accountId) === entry) {
          this.accounts.delete(accountId);
        }
      }, () => undefined);
    }
    return entry;
  }

  /** The view a key with these rights executes against, built on first use. */
  async forKey(accountId: string, permissions: Permissions): Promise<KeyGraphQL> {
    const account = await this.get(accountId);
    const key = `${accountId}|${account.build}|${rightsFingerprint(permissions)}`;
    let view = this.views.get(key);
    if (!view) {
      view = this.buildView(account, permissions);
      this.views.set(key, view);
      view.catch(() => {
        if (this.views.get(key) === view) this.views.delete(key);
      });
    }
    return view;
  }

  /** Stops every Apollo Server (shutdown). */
  async stop(): Promise<void> {
    const all = [...this.views.values()];
    this.views.clear();
    this.accounts.clear();
    await Promise.allSettled(all.map(async (view) => (await view).apollo.stop()));
  }

  private invalidate(accountId: string): void {
    this.generation.set(accountId, (this.generation.get(accountId) ?? 0) + 1);
    this.accounts.delete(accountId);
    for (const key of [...this.views.keys()]) if (key.startsWith(`${accountId}|`)) this.views.delete(key);
  }

  private async build(accountId: string): Promise<AccountGraphQL> {
    const ctds = [...(await this.snapshots.get(accountId)).values()];
    return { ...(await buildAccountSchemaInSlices(ctds, { shield: this.layers.shield }, this.options.sliceMs)), build: ++builds };
  }

  private async buildView(account: AccountGraphQL, permissions: Permissions): Promise<KeyGraphQL> {
    const schema = this.layers.views ? await runInSlices(keySchemaViewSteps(account.schema, permissions), this.options.sliceMs) : account.schema;
    // Apollo validates and prints the schema when constructed: validating first (graphql-js keeps
    // the result) splits that block in two, so a large account's view never holds the loop long.
    await nextTurn();
    validateSchema(schema);
    await nextTurn();
    const apollo = new ApolloServer<GraphQLContext>({
      schema,
      documentStore: this.documentStore,
      introspection: this.options.introspection,
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: true,
      allowBatchedHttpRequests: false,
      csrfPrevention: true,
      // main.ts stops everything in order; Apollo's own handler would re-send the signal before.
      stopOnTerminationSignals: false,
      formatError: formatGraphQLError,
      validationRules: [knownOperationTypesRule, operationLimitsRule(DEFAULT_OPERATION_LIMITS)],
      parseOptions: { maxTokens: DEFAULT_OPERATION_LIMITS.maxTokens },
      plugins: [...(this.layers.operationCheck ? [permissionPlugin()] : []), errorReportPlugin(), resultBudgetPlugin(), ApolloServerPluginLandingPageDisabled()],
    });
    await apollo.start();
    return { account, schema, apollo };
  }

  private get layers(): GuardLayers {
    return this.options.layers ?? ALL_GUARD_LAYERS;
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function retire(view: Promise<KeyGraphQL>): void {
  view.then(
    (old) => setTimeout(() => void old.apollo.stop().catch(() => undefined), RETIRE_AFTER_MS).unref(),
    () => undefined,
  );
}
