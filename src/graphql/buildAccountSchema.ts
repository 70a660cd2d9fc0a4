import { addResolversToSchema } from '@graphql-tools/schema';
import { buildASTSchema, parse, type GraphQLSchema } from 'graphql';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import { applyShieldInPlace } from './applyShield';
import { buildResolvers } from './buildResolvers';
import { buildTypeDefs, type SchemaPlan } from './buildTypeDefs';
import { buildShield } from './shieldRules';

/** An account's executable GraphQL schema and what it was built from. */
export interface AccountSchema {
  /** The schema with the shield rules its directives state (unless built with `shield: false`). */
  schema: GraphQLSchema;
  plan: SchemaPlan;
  typeDefs: string;
  contentTypes: ReadonlyMap<string, ContentTypeDefinition>;
}

/**
 * Builds the schema of an account's CTDs, wrapped by graphql-shield (deny as fallback) generated
 * from its directives; `shield: false` leaves it unguarded (tests and benchmarks compare the two).
 * The SDL is the generator's own, so graphql-js's SDL validation is skipped (it was a third of the
 * build); the built schema is still validated in full when Apollo starts on it, and the snapshot
 * tests validate the generated SDL.
 */
export function buildAccountSchema(ctds: readonly ContentTypeDefinition[], options: { shield?: boolean } = {}): AccountSchema {
  const { typeDefs, plan } = buildTypeDefs(ctds);
  const built = buildASTSchema(parse(typeDefs), { assumeValidSDL: true });
  const unguarded = addResolversToSchema({ schema: built, resolvers: buildResolvers(plan), updateResolversInPlace: true });
  const schema = options.shield === false ? unguarded : applyShieldInPlace(unguarded, buildShield(unguarded));
  return { schema, plan, typeDefs, contentTypes: new Map(ctds.map((ctd) => [ctd.name, ctd])) };
}
