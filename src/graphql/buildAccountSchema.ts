import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { applyMiddlewareToDeclaredResolvers } from 'graphql-middleware';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import { buildResolvers } from './buildResolvers';
import { buildTypeDefs, type SchemaPlan } from './buildTypeDefs';
import { buildShield } from './shieldRules';

/** An account's executable GraphQL schema and what it was built from. */
export interface AccountSchema {
  /** The schema with the shield rules its directives state (unless `shield` is false). */
  schema: GraphQLSchema;
  /** The same schema without the permission layer (benchmarks compare the two). */
  unguardedSchema: GraphQLSchema;
  plan: SchemaPlan;
  typeDefs: string;
  contentTypes: ReadonlyMap<string, ContentTypeDefinition>;
}

/** Builds the schema of an account's CTDs, wrapped by graphql-shield (deny as fallback) generated from its directives. */
export function buildAccountSchema(ctds: readonly ContentTypeDefinition[], options: { shield?: boolean } = {}): AccountSchema {
  const { typeDefs, plan } = buildTypeDefs(ctds);
  const unguardedSchema = makeExecutableSchema({ typeDefs, resolvers: buildResolvers(plan) });
  const schema = options.shield === false ? unguardedSchema : applyMiddlewareToDeclaredResolvers(unguardedSchema, buildShield(unguardedSchema));
  return { schema, unguardedSchema, plan, typeDefs, contentTypes: new Map(ctds.map((ctd) => [ctd.name, ctd])) };
}
