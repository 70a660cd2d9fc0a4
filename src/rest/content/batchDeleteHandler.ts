import { isAppError, type AppError } from '../../errors/appError';
import { REFERENCED_REASON } from '../../content-objects/contentObjectService';
import { errors } from '../../errors/errorFactory';
import { idKeyOf } from '../../content-objects/objectIds';
import { deleteObject, requireActionOnExistingType } from '../../operations/contentOperations';
import { ok, type RestHandler } from '../restCall';
import { readBatch } from './batchRunner';
import { missingObjectMessage, referencedObjectMessage } from './objectMessages';

/**
 * `POST /api/v1/content/{name}/batch-delete`: deletes up to 100 objects by id. Every deletable
 * object is deleted; when some were refused (missing, still referenced) the answer is 400
 * `{"errors": [...]}` naming them, otherwise 200 `{"deletedCount": n}`. An id listed twice counts once.
 */
export const batchDeleteObjects: RestHandler = async ({ ctx, params, body }) => {
  const type = params.name;
  await requireActionOnExistingType(ctx, 'delete', type);
  const ids = readBatch(body);
  if (!ids.every((id): id is string => typeof id === 'string')) {
    throw errors.invalidField('body', 'The request body must be a JSON array of ids');
  }
  const firstOfEach = new Map<string, string>();
  for (const id of ids) if (!firstOfEach.has(idKeyOf(id))) firstOfEach.set(idKeyOf(id), id);
  let deletedCount = 0;
  const reasons: string[] = [];
  for (const id of firstOfEach.values()) {
    try {
      await deleteObject(ctx, type, id);
      deletedCount++;
    } catch (error) {
      if (!isAppError(error) || error.status >= 500) throw error;
      reasons.push(refusalOf(id, error));
    }
  }
  if (reasons.length) throw errors.refused(reasons);
  return ok({ deletedCount });
};

/** Flotiq's wording for a missing or referenced object; any other refusal keeps its own reason. */
function refusalOf(id: string, error: AppError): string {
  if (error.status === 404) return missingObjectMessage(id);
  if (error.reasons?.includes(REFERENCED_REASON)) return referencedObjectMessage(id);
  return `Content object: "${id}": ${error.reasons?.join(' ') ?? error.message}`;
}
