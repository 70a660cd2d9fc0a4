import { isAppError } from '../../errors/appError';
import { errors } from '../../errors/errorFactory';
import {
  createObject,
  patchObject,
  requireActionOnExistingType,
  requireUpsert,
  upsertObject,
} from '../../operations/contentOperations';
import type { OperationContext } from '../../operations/operationContext';
import { isPlainObject } from '../../query/plainObject';
import type { RestHandler } from '../restCall';
import { booleanParam } from '../transport/queryParams';
import { readBatch, runBatch } from './batchRunner';
import { missingObjectMessage } from './objectMessages';

/**
 * `POST /api/v1/content/{name}/batch`: creates up to 100 objects; with `?updateExisting=true` an
 * item whose id exists replaces that object (insert-or-update, needs create and update:
 * `canUpsert`). Rights and the type are checked once for the whole batch (403/404), then each item
 * goes through the same operations as a single write.
 */
export const batchCreateObjects: RestHandler = async ({ ctx, params, query, body }) => {
  const type = params.name;
  const upsert = booleanParam(query, 'updateExisting') === true;
  if (upsert) await requireUpsert(ctx, type);
  else await requireActionOnExistingType(ctx, 'create', type);
  const items = readBatch(body);
  return runBatch(items, async (item) => {
    if (upsert) await upsertObject(ctx, type, item);
    else await createObject(ctx, type, item);
  });
};

/**
 * `PATCH /api/v1/content/{name}/batch`: partial updates of up to 100 existing objects, each with
 * its `id`; it never creates. An item without an id, or whose object does not exist, is refused.
 */
export const batchPatchObjects: RestHandler = async ({ ctx, params, body }) => {
  const type = params.name;
  await requireActionOnExistingType(ctx, 'update', type);
  const items = readBatch(body);
  return runBatch(items, async (item) => {
    if (!isPlainObject(item)) throw errors.invalidField('body', 'Each item must be a JSON object');
    if (typeof item.id !== 'string' || item.id === '') throw errors.invalidField('id', 'The property id is required');
    await patchObject(ctx, type, item.id, item).catch(rethrowMissingAs(item.id));
  });
};

/** Replaces the object with the item's id, or creates it when there is none. */
function rethrowMissingAs(id: string): (error: unknown) => never {
  return (error) => {
    if (isAppError(error) && error.status === 404) throw errors.invalidField('id', missingObjectMessage(id));
    throw error;
  };
}
