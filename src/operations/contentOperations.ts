import { canListRemoved, canPerform, canUpsert, canUseField, hasFieldRestrictions } from '../access/decisions';
import type { ContentObject } from '../content-objects/contentObject';
import type { ObjectListQuery, ObjectPage, WriteOptions } from '../content-objects/contentObjectService';
import { propertiesOfObject } from '../content-objects/storedObjects';
import { MEDIA_TYPE } from '../media/mediaKinds';
import { requireAction, requireDecision, requireReadableFields, requireWritableFields } from './guards';
import type { OperationContext } from './operationContext';
import { unreadableProperties } from './readableProperties';
import { trimObject } from './trimObject';

/**
 * The transport-agnostic content operations. GraphQL resolvers and REST handlers only translate
 * their input and call these; every permission decision on content goes through here to the engine.
 */

/** One object, trimmed to readable fields. */
export async function readObject(ctx: OperationContext, type: string, id: string): Promise<ContentObject> {
  requireAction(ctx.permissions, 'read', type);
  return trimFor(ctx, type, await ctx.content.objects.get(type, id));
}

/** A page of objects; filters and ordering on unreadable fields are refused. */
export async function listObjects(
  ctx: OperationContext,
  type: string,
  query: ObjectListQuery,
  options: { withTotal?: boolean } = {},
): Promise<ObjectPage> {
  requireAction(ctx.permissions, 'read', type);
  const page = await ctx.content.objects.list(type, query, {
    withTotal: options.withTotal,
    inspect: (used) => {
      requireReadableFields(ctx.permissions, type, used.filterReads, 'filter', ctx.hideExistence);
      requireReadableFields(ctx.permissions, type, used.orderReads, 'order', ctx.hideExistence);
    },
  });
  ctx.budget?.charge(page.items.length);
  const ctd = await ctx.content.objects.contentType(type);
  return { ...page, items: page.items.map((item) => trimObject(ctx.permissions, ctd, item)) };
}

/** How many objects match; filters on unreadable fields are refused. */
export async function countObjects(ctx: OperationContext, type: string, query: ObjectListQuery): Promise<number> {
  requireAction(ctx.permissions, 'read', type);
  return ctx.content.objects.count(type, query, {
    inspect: (used) => requireReadableFields(ctx.permissions, type, used.filterReads, 'filter', ctx.hideExistence),
  });
}

/**
 * Objects of one type by id for relation hydration and DataLoaders: empty when the key cannot
 * read the type (a relation into an unreadable type is never resolved).
 */
export async function loadObjects(ctx: OperationContext, type: string, ids: readonly string[]): Promise<Map<string, ContentObject>> {
  if (!canPerform(ctx.permissions, 'read', type)) return new Map();
  const [found, ctd] = await Promise.all([ctx.content.objects.getMany(type, ids), ctx.content.objects.contentType(type)]);
  return new Map([...found].map(([key, object]) => [key, trimObject(ctx.permissions, ctd, object)]));
}

/** Creates an object; input with fields the key may not create is refused whole. */
export async function createObject(ctx: OperationContext, type: string, body: unknown): Promise<ContentObject> {
  requireAction(ctx.permissions, 'create', type);
  requireWritableFields(ctx.permissions, 'create', type, inputFields(body));
  return trimFor(ctx, type, await ctx.content.objects.create(type, body, writeOptions(ctx)));
}

/** Changes some fields (PATCH); fields the key may not update are refused whole. */
export async function patchObject(ctx: OperationContext, type: string, id: string, body: unknown): Promise<ContentObject> {
  requireAction(ctx.permissions, 'update', type);
  requireWritableFields(ctx.permissions, 'update', type, inputFields(body));
  return trimFor(ctx, type, await ctx.content.objects.patch(type, id, body, writeOptions(ctx)));
}

/**
 * Replaces an object (PUT). Fields the key may not update must be absent; they, and fields it
 * cannot read (`unreadableProperties`), keep their stored values.
 */
export async function replaceObject(ctx: OperationContext, type: string, id: string, body: unknown): Promise<ContentObject> {
  requireAction(ctx.permissions, 'update', type);
  requireWritableFields(ctx.permissions, 'update', type, inputFields(body));
  let replacement = body;
  if (hasFieldRestrictions(ctx.permissions, 'update', type) || hasFieldRestrictions(ctx.permissions, 'read', type)) {
    const [object, ctd] = await Promise.all([ctx.content.objects.get(type, id), ctx.content.objects.contentType(type)]);
    const hidden = unreadableProperties(ctx.permissions, ctd);
    const kept = Object.fromEntries(
      Object.entries(propertiesOfObject(object)).filter(
        ([field]) => !canUseField(ctx.permissions, 'update', type, field) || hidden.has(field) || !canUseField(ctx.permissions, 'read', type, field),
      ),
    );
    replacement = { ...kept, ...(body as Record<string, unknown>) };
  }
  return trimFor(ctx, type, await ctx.content.objects.replace(type, id, replacement, writeOptions(ctx)));
}

/** Ids of objects deleted after a Flotiq date; needs read and delete (spec §2.1). */
export async function listRemovedObjects(ctx: OperationContext, type: string, deletedAfter: string): Promise<string[]> {
  requireDecision(canListRemoved(ctx.permissions, type), ctx.permissions, type);
  return ctx.content.objects.removedSince(type, deletedAfter);
}

/** Requires the rights of an insert-or-update batch (create and update) on a type that exists. */
export async function requireUpsert(ctx: OperationContext, type: string): Promise<void> {
  requireDecision(canUpsert(ctx.permissions, type), ctx.permissions, type);
  await ctx.content.objects.contentType(type);
}

/** Requires an action on a type that exists (whole-batch checks before any item runs). */
export async function requireActionOnExistingType(ctx: OperationContext, action: 'create' | 'update' | 'delete', type: string): Promise<void> {
  requireAction(ctx.permissions, action, type);
  await ctx.content.objects.contentType(type);
}

/**
 * Insert-or-update of one object (needs create and update): a body whose id names a live object
 * replaces it as a PUT would (hidden fields kept), anything else is created.
 */
export async function upsertObject(ctx: OperationContext, type: string, body: unknown): Promise<ContentObject> {
  requireDecision(canUpsert(ctx.permissions, type), ctx.permissions, type);
  const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
  if (typeof id === 'string' && id !== '' && (await ctx.content.objects.exists(type, id))) {
    return replaceObject(ctx, type, id, body);
  }
  return createObject(ctx, type, body);
}

/** Deletes an object. */
export async function deleteObject(ctx: OperationContext, type: string, id: string): Promise<void> {
  requireAction(ctx.permissions, 'delete', type);
  await ctx.content.objects.delete(type, id);
  // A deleted media object takes its file with it (refused deletes above never get here).
  if (type === MEDIA_TYPE) await ctx.content.media.remove(ctx.content.scope.accountId, id);
}

/** A key may name in relations only objects of types it can read (others answer as missing). */
function writeOptions(ctx: OperationContext): WriteOptions {
  return { referenceable: (target) => canPerform(ctx.permissions, 'read', target) };
}

/** One object trimmed to what the key may read of its type. */
async function trimFor(ctx: OperationContext, type: string, object: ContentObject): Promise<ContentObject> {
  return trimObject(ctx.permissions, await ctx.content.objects.contentType(type), object);
}

/** The property names a write body touches (not `id` or `internal`). */
function inputFields(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  return Object.keys(body).filter((key) => key !== 'id' && key !== 'internal');
}
