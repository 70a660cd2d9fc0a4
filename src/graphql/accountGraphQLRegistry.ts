import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ALL_TOPICS, type ChangeFeed } from '../runtime/changeFeed';
import type { ContentTypeSnapshots } from '../runtime/contentTypeSnapshots';
import { buildAccountSchema, type AccountSchema } from './buildAccountSchema';
import { formatGraphQLError } from './formatGraphQLError';
import { DEFAULT_OPERATION_LIMITS, operationLimitsRule } from './operationLimits';
import type { GraphQLContext } from './graphqlContext';
import { permissionPlugin } from './permissionPlugin';

/** An account's schema and the Apollo Server that executes it. */
export interface AccountGraphQL extends AccountSchema {
  apollo: ApolloServer<GraphQLContext>;
}

/** How long a replaced Apollo Server keeps running for requests that started on it. */
const RETIRE_AFTER_MS = 60_000;

/**
 * Builds, caches and rebuilds each account's GraphQL schema. A CTD change (announced on the change
 * feed, from this or another instance) drops the account's entry; the next request builds the new
 * schema while requests in flight finish on the one they started with.
 */
export class AccountGraphQLRegistry {
  private readonly entries = new Map<string, Promise<AccountGraphQL>>();
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly snapshots: ContentTypeSnapshots,
    feed: ChangeFeed,
    private readonly options: { introspection: boolean },
  ) {
    feed.subscribe((topic) => {
      if (topic === ALL_TOPICS) for (const accountId of [...this.entries.keys()]) this.invalidate(accountId);
      else if (topic.startsWith('schema:')) this.invalidate(topic.slice('schema:'.length));
    });
  }

  /** The account's current schema, built on first use. */
  get(accountId: string): Promise<AccountGraphQL> {
    let entry = this.entries.get(accountId);
    if (!entry) {
      const generation = this.generation.get(accountId) ?? 0;
      entry = this.build(accountId);
      this.entries.set(accountId, entry);
      entry.catch(() => {
        if (this.entries.get(accountId) === entry) this.entries.delete(accountId);
      });
      // A change that arrived while building makes this result stale: build again next time.
      void entry.then(() => {
        if ((this.generation.get(accountId) ?? 0) !== generation && this.entries.get(accountId) === entry) {
          this.entries.delete(accountId);
        }
      }, () => undefined);
    }
    return entry;
  }

  /** Stops every Apollo Server (shutdown). */
  async stop(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.allSettled(all.map(async (entry) => (await entry).apollo.stop()));
  }

  private invalidate(accountId: string): void {
    this.generation.set(accountId, (this.generation.get(accountId) ?? 0) + 1);
    const entry = this.entries.get(accountId);
    if (!entry) return;
    this.entries.delete(accountId);
    entry.then(
      (old) => setTimeout(() => void old.apollo.stop().catch(() => undefined), RETIRE_AFTER_MS).unref(),
      () => undefined,
    );
  }

  private async build(accountId: string): Promise<AccountGraphQL> {
    const ctds = [...(await this.snapshots.get(accountId)).values()];
    const accountSchema = buildAccountSchema(ctds);
    const apollo = new ApolloServer<GraphQLContext>({
      // main.ts stops everything in order; Apollo's own handler would re-send the signal before.
      stopOnTerminationSignals: false,
      schema: accountSchema.schema,
      introspection: this.options.introspection,
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: true,
      allowBatchedHttpRequests: false,
      csrfPrevention: true,
      formatError: formatGraphQLError,
      validationRules: [operationLimitsRule(DEFAULT_OPERATION_LIMITS)],
      parseOptions: { maxTokens: DEFAULT_OPERATION_LIMITS.maxTokens },
      plugins: [permissionPlugin(), ApolloServerPluginLandingPageDisabled()],
    });
    await apollo.start();
    return { ...accountSchema, apollo };
  }
}

