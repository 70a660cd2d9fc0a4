import { reachesType, seesEverything } from '../access/decisions';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import type { ContentTypeListQuery } from '../content-types/contentTypeService';
import { errors } from '../errors/errorFactory';
import { requireSchemaRights } from './guards';
import type { OperationContext } from './operationContext';
import { visibleDefinition } from './visibleDefinition';

/**
 * Content type definitions through the permission engine. Application keys see every type; a
 * user-defined key sees the types it holds any right on, without the properties it can do nothing
 * with, and for it every other type does not exist (404). Changes need the schema right (the RW application key), checked before any lookup.
 */

/** A page of the CTDs the key reaches. */
export async function listContentTypes(
  ctx: OperationContext,
  query: Omit<ContentTypeListQuery, 'onlyNames'>,
): Promise<{ items: ContentTypeDefinition[]; total: number }> {
  const onlyNames = seesEverything(ctx.permissions) ? undefined : await reachableTypeNames(ctx);
  const page = await ctx.content.contentTypes.list({ ...query, onlyNames });
  return { ...page, items: page.items.map((ctd) => visibleDefinition(ctx.permissions, ctd)) };
}

/** Every CTD the key reaches, as it may see them. */
export async function reachableContentTypes(ctx: OperationContext): Promise<ContentTypeDefinition[]> {
  const all = await ctx.content.contentTypes.all();
  return all.filter((ctd) => reachesType(ctx.permissions, ctd.name)).map((ctd) => visibleDefinition(ctx.permissions, ctd));
}

/** One CTD the key reaches, or 404. */
export async function readContentType(ctx: OperationContext, name: string): Promise<ContentTypeDefinition> {
  if (!reachesType(ctx.permissions, name)) throw errors.notFound();
  return visibleDefinition(ctx.permissions, await ctx.content.contentTypes.get(name));
}

/** Creates a CTD. */
export async function createContentType(ctx: OperationContext, body: unknown): Promise<ContentTypeDefinition> {
  requireSchemaRights(ctx.permissions);
  return ctx.content.contentTypes.create(body);
}

/** Replaces a CTD (existing objects are converted, or nothing changes). */
export async function updateContentType(ctx: OperationContext, name: string, body: unknown): Promise<ContentTypeDefinition> {
  requireSchemaRights(ctx.permissions);
  return ctx.content.contentTypes.update(name, body);
}

/** Deletes a CTD (refused while objects, keys or relations use it). */
export async function deleteContentType(ctx: OperationContext, name: string): Promise<void> {
  requireSchemaRights(ctx.permissions);
  await ctx.content.contentTypes.delete(name);
}

/** Removes every object of a CTD, and the CTD too when `deleteSchema`. */
export async function purgeContentType(ctx: OperationContext, name: string, deleteSchema: boolean): Promise<void> {
  requireSchemaRights(ctx.permissions);
  await ctx.content.contentTypes.purge(name, deleteSchema);
}

async function reachableTypeNames(ctx: OperationContext): Promise<string[]> {
  return (await reachableContentTypes(ctx)).map((ctd) => ctd.name);
}
