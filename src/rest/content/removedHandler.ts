import { errors } from '../../errors/errorFactory';
import { listRemovedObjects as listRemovedOperation } from '../../operations/contentOperations';
import { toFlotiqDate } from '../../query/flotiqDate';
import { ok, type RestHandler } from '../restCall';
import { singleParam } from '../transport/queryParams';

/** Flotiq's message for a `deletedAfter` it cannot read. */
export const WRONG_DATE_MESSAGE = 'Wrong date format';

/**
 * `GET /api/v1/content/{name}/removed?deletedAfter=`: ids of objects deleted after a time, oldest
 * deletion first. Needs read and delete on the type (`canListRemoved`). `deletedAfter` is required;
 * any date shape the filters accept (`2020-06-17 09:00:00`, ISO with or without a zone; zone-less
 * is UTC) is converted to the stored `YYYY-MM-DDTHH:mm:ss+00:00` before comparing.
 */
export const listRemovedObjects: RestHandler = async ({ ctx, params, query }) => {
  const raw = singleParam(query, 'deletedAfter');
  const deletedAfter = raw === undefined ? undefined : toFlotiqDate(raw);
  if (!deletedAfter) throw errors.invalidField('deletedAfter', WRONG_DATE_MESSAGE);
  return ok(await listRemovedOperation(ctx, params.name, deletedAfter));
};
