import type { GraphQLSchema } from 'graphql';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import { runAtOnce, runInSlices, type Steps } from '../utils/slicedWork';
import { applyShieldInPlace } from './guards/applyShield';
import { attachResolverSteps } from './attachResolvers';
import { buildResolvers } from './buildResolvers';
import { typeDefSteps, type SchemaPlan } from './sdl/buildTypeDefs';
import { schemaFromChunkSteps } from './schemaFromChunks';
import { guardTableSteps } from './guards/guardTable';
import { buildShieldSteps } from './guards/shieldRules';

/** An account's executable GraphQL schema and what it was built from. */
export interface AccountSchema {
  /** The schema with the shield rules its directives state (unless built with `shield: false`). */
  schema: GraphQLSchema;
  plan: SchemaPlan;
  typeDefs: string;
  contentTypes: ReadonlyMap<string, ContentTypeDefinition>;
}

/** What a build may leave out (tests and benchmarks compare guarded and unguarded schemas). */
export interface AccountSchemaOptions {
  shield?: boolean;
}

/**
 * Builds the schema of an account's CTDs, wrapped by graphql-shield (deny as fallback) generated
 * from its directives; `shield: false` leaves it unguarded. The SDL is the generator's own, so
 * graphql-js's SDL validation is skipped (it was a third of the build); the built schema is still
 * validated in full when Apollo starts on it, and the snapshot tests validate the generated SDL.
 */
export function buildAccountSchema(ctds: readonly ContentTypeDefinition[], options: AccountSchemaOptions = {}): AccountSchema {
  return runAtOnce(accountSchemaSteps(ctds, options));
}

/**
 * The same build, in slices of a few milliseconds: the server builds schemas this way, so an
 * account with many large CTDs never stalls other accounts' requests (`npm run bench:schema`
 * reports the longest block).
 */
export function buildAccountSchemaInSlices(ctds: readonly ContentTypeDefinition[], options: AccountSchemaOptions = {}, sliceMs?: number): Promise<AccountSchema> {
  return runInSlices(accountSchemaSteps(ctds, options), sliceMs);
}

/**
 * The build as steps: SDL per CTD, parsed per CTD, fields resolved per type, resolvers and shield
 * rules attached per type, and the guard table the key views are pruned by read per type.
 */
function* accountSchemaSteps(ctds: readonly ContentTypeDefinition[], options: AccountSchemaOptions): Steps<AccountSchema> {
  const { chunks, plan } = yield* typeDefSteps(ctds);
  const schema = yield* schemaFromChunkSteps(chunks);
  yield* attachResolverSteps(schema, buildResolvers(plan));
  if (options.shield !== false) applyShieldInPlace(schema, yield* buildShieldSteps(schema));
  yield;
  yield* guardTableSteps(schema);
  return { schema, plan, typeDefs: chunks.join('\n\n'), contentTypes: new Map(ctds.map((ctd) => [ctd.name, ctd])) };
}
