import type { IResolvers } from '@graphql-tools/utils';
import type { ContentObject, DataSourceReference } from '../content-objects/contentObject';
import { parseDataUrl } from '../content-objects/dataUrl';
import { absoluteMediaUrl } from '../media/imageUrls';
import { MEDIA_TYPE } from '../media/mediaKinds';
import {
  countObjects,
  createObject,
  deleteObject,
  listObjects,
  patchObject,
  readObject,
} from '../operations/contentOperations';
import type { RelationField, SchemaPlan } from './sdl/buildTypeDefs';
import type { GraphQLContext } from './graphqlContext';
import { toFlotiqFilters, toPlainInput } from './inputConversion';
import { jsonScalar, dateTimeScalar } from './sdl/scalars';

interface ListArgs {
  page?: number | null;
  limit?: number | null;
  order_by?: string | null;
  order_direction?: string | null;
  filter?: string | null;
  where?: Record<string, never> | null;
  ids?: string[] | null;
}

/**
 * The resolvers of an account schema. They only translate GraphQL arguments and call the
 * operation layer; relation fields load their targets through the request's DataLoaders. Only the
 * root fields, relation fields, renamed fields and `_media.url` (absolute under `PUBLIC_URL`) get
 * resolvers (every other field is read as is).
 */
export function buildResolvers(plan: SchemaPlan): IResolvers {
  const Query: Record<string, unknown> = {};
  const Mutation: Record<string, unknown> = {};
  const resolvers: Record<string, Record<string, unknown>> = { Query, Mutation, JSON: jsonScalar as never, DateTime: dateTimeScalar as never };

  for (const [type, { names }] of plan.contentTypes) {
    const renamed = renamedFields(plan, type);
    const listQuery = (args: ListArgs) => ({
      page: args.page ?? undefined,
      limit: args.limit ?? undefined,
      orderBy: args.order_by ?? undefined,
      orderDirection: args.order_direction ?? undefined,
      filters: toFlotiqFilters(args.filter, args.where, plan.filterPaths.get(type) ?? new Map()),
      ids: args.ids ?? undefined,
    });
    Query[names.getField] = (_: unknown, args: { id: string }, ctx: GraphQLContext) => readObject(ctx, type, args.id);
    Query[names.listField] = async (_: unknown, args: ListArgs, ctx: GraphQLContext) =>
      (await listObjects(ctx, type, listQuery(args), { withTotal: false })).items;
    Query[names.countField] = (_: unknown, args: ListArgs, ctx: GraphQLContext) => countObjects(ctx, type, listQuery(args));
    Mutation[names.createMutation] = (_: unknown, args: { data: unknown }, ctx: GraphQLContext) =>
      createObject(ctx, type, toPlainInput(args.data, renamed));
    Mutation[names.updateMutation] = (_: unknown, args: { id: string; data: unknown }, ctx: GraphQLContext) =>
      patchObject(ctx, type, args.id, toPlainInput(args.data, renamed));
    Mutation[names.deleteMutation] = async (_: unknown, args: { id: string }, ctx: GraphQLContext) => {
      await deleteObject(ctx, type, args.id);
      return { id: args.id, deleted: true };
    };
  }

  const media = plan.contentTypes.get(MEDIA_TYPE);
  if (media) {
    (resolvers[media.names.type] ??= {}).url = (parent: Record<string, unknown>, _args: unknown, ctx: GraphQLContext) =>
      absoluteMediaUrl(parent.url, ctx.publicUrl);
  }
  for (const relation of plan.relationFields) {
    (resolvers[relation.typeName] ??= {})[relation.fieldName] = relationResolver(relation);
  }
  for (const [typeName, { fields }] of plan.propertyOfField) {
    for (const [field, property] of fields) {
      if (field === property || resolvers[typeName]?.[field]) continue;
      (resolvers[typeName] ??= {})[field] = (parent: Record<string, unknown>) => parent[property];
    }
  }
  return resolvers as IResolvers;
}

/** GraphQL field name → property, for the fields whose names had to change. */
function renamedFields(plan: SchemaPlan, type: string): Map<string, string> {
  const fields = plan.propertyOfField.get(type)?.fields ?? new Map<string, string>();
  return new Map([...fields].filter(([field, property]) => field !== property));
}

function relationResolver(relation: RelationField) {
  return async (parent: Record<string, unknown>, _args: unknown, ctx: GraphQLContext) => {
    const references = parent[relation.property];
    if (!Array.isArray(references)) return null;
    if (!relation.target) return references as DataSourceReference[];
    const ids = (references as DataSourceReference[])
      .map((reference) => parseDataUrl(reference?.dataUrl))
      .filter((parsed): parsed is { type: string; id: string } => parsed?.type === relation.target)
      .map((parsed) => parsed.id);
    const loaded = (await ctx.loaders.forType(relation.target).loadMany(ids)).filter((item): item is ContentObject => item !== null && !(item instanceof Error));
    ctx.budget?.charge(loaded.length);
    return loaded;
  };
}
