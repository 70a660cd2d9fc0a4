import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { applyMiddlewareToDeclaredResolvers } from 'graphql-middleware';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import { buildResolvers } from './buildResolvers';
import { buildTypeDefs, type SchemaPlan } from './buildTypeDefs';
import { buildShield } from './shieldRules';

/** An account's executable GraphQL schema and what it was built from. */
export interface AccountSchema {
  schema: GraphQLSchema;
  /** The same schema without the permission layer (benchmarks compare the two). */
  unguardedSchema: GraphQLSchema;
  plan: SchemaPlan;
  typeDefs: string;
  contentTypes: ReadonlyMap<string, ContentTypeDefinition>;
}

/** Builds the schema of an account's CTDs, wrapped by graphql-shield with deny as fallback. */
export function buildAccountSchema(ctds: readonly ContentTypeDefinition[]): AccountSchema {
  const { typeDefs, plan } = buildTypeDefs(ctds);
  const unguardedSchema = makeExecutableSchema({ typeDefs, resolvers: buildResolvers(plan) });
  const schema = applyMiddlewareToDeclaredResolvers(unguardedSchema, buildShield(plan));
  return { schema, unguardedSchema, plan, typeDefs, contentTypes: new Map(ctds.map((ctd) => [ctd.name, ctd])) };
}
