import { createObject, deleteObject, patchObject, readObject, replaceObject } from '../../operations/contentOperations';
import { hydrateObjects } from '../hydration/hydrateObjects';
import { parseHydrate } from '../hydration/parseHydrate';
import { empty, ok, type RestHandler } from '../restCall';

/** `GET /api/v1/content/{name}/{id}`: one object (ids are case-insensitive), hydrated on request. */
export const getContentObject: RestHandler = async ({ ctx, params, query }) => {
  const depth = parseHydrate(query.hydrate);
  const object = await readObject(ctx, params.name, params.id);
  await hydrateObjects(ctx, params.name, [object], depth);
  return ok(object);
};

/** `POST /api/v1/content/{name}`: creates an object; 200 with the stored object (Flotiq answers 200, not 201). */
export const createContentObject: RestHandler = async ({ ctx, params, body }) => ok(await createObject(ctx, params.name, body));

/** `PUT /api/v1/content/{name}/{id}`: replaces an object; a body `id` other than the path's is a 400 (service). */
export const replaceContentObject: RestHandler = async ({ ctx, params, body }) =>
  ok(await replaceObject(ctx, params.name, params.id, body));

/** `PATCH /api/v1/content/{name}/{id}`: changes the given fields only. */
export const patchContentObject: RestHandler = async ({ ctx, params, body }) => ok(await patchObject(ctx, params.name, params.id, body));

/** `DELETE /api/v1/content/{name}/{id}`: soft-deletes; 204 with no body. */
export const deleteContentObject: RestHandler = async ({ ctx, params }) => {
  await deleteObject(ctx, params.name, params.id);
  return empty(204);
};
