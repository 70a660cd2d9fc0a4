import { errors } from '../../errors/errorFactory';
import {
  createContentType as createOperation,
  deleteContentType as deleteOperation,
  listContentTypes as listOperation,
  purgeContentType as purgeOperation,
  readContentType,
  updateContentType as updateOperation,
} from '../../operations/contentTypeOperations';
import { toListEnvelope } from '../../query/listEnvelope';
import { isPlainObject } from '../../query/plainObject';
import { empty, ok, type RestHandler } from '../restCall';
import { booleanParam } from '../transport/queryParams';
import { parseContentTypeListQuery } from './listQuery';
import { presentContentType } from './presentContentType';
import { resolveSchemaDefinition, strictSchemaOf } from './resolveSchema';

/**
 * CTD endpoints (`/api/v1/internal/contenttype`, spec §1.6). Reads: application keys see every
 * type; a user-defined key sees the types it holds any right on, and any other name is 404 as if
 * it did not exist. Writes need the schema right (the RW application key); any other key gets 403
 * before the type is even looked up. All decided in `operations/contentTypeOperations.ts`.
 */

/** `GET …/contenttype`: a filtered, ordered page of the CTDs the key reaches, in the list envelope. */
export const listContentTypes: RestHandler = async ({ ctx, query }) => {
  const { query: listQuery, paging } = parseContentTypeListQuery(query);
  const { items, total } = await listOperation(ctx, listQuery);
  return ok(toListEnvelope(items.map(presentContentType), total, paging));
};

/** `GET …/contenttype/{name}`: one CTD; `resolveRef=true` inlines the abstract schema, `strictSchema=true` (with it) returns only `{"schema"}`. */
export const getContentType: RestHandler = async ({ ctx, params, query }) => {
  const resolveRef = booleanParam(query, 'resolveRef') === true;
  const strictSchema = booleanParam(query, 'strictSchema') === true;
  const ctd = await readContentType(ctx, params.name);
  if (!resolveRef) return ok(presentContentType(ctd));
  if (strictSchema) return ok(strictSchemaOf(ctd));
  return ok({ ...presentContentType(ctd), schemaDefinition: resolveSchemaDefinition(ctd) });
};

/** `POST …/contenttype`: creates a CTD; 200 with the saved CTD, 400 with Flotiq's error map. */
export const createContentType: RestHandler = async ({ ctx, body }) => {
  return ok(presentContentType(await createOperation(ctx, body)));
};

/** `PUT …/contenttype/{name}`: replaces a CTD; existing objects are converted (or the call fails, changing nothing). */
export const updateContentType: RestHandler = async ({ ctx, params, body }) => {
  return ok(presentContentType(await updateOperation(ctx, params.name, body)));
};

/** `DELETE …/contenttype/{name}`: 200 with an empty body; 400 `{"errors": [...]}` while objects or keys use it. */
export const deleteContentType: RestHandler = async ({ ctx, params }) => {
  await deleteOperation(ctx, params.name);
  return empty(200);
};

/** `POST …/contenttype/{name}/purge`: removes every object, and the CTD too with `{"deleteSchema": true}`; 204. The body may be omitted. */
export const purgeContentType: RestHandler = async ({ ctx, params, body }) => {
  await purgeOperation(ctx, params.name, readDeleteSchema(body));
  return empty(204);
};

function readDeleteSchema(body: unknown): boolean {
  if (body === undefined || body === null) return false;
  if (!isPlainObject(body)) throw errors.invalidField('body', 'The request body must be a JSON object');
  if (body.deleteSchema === undefined) return false;
  if (typeof body.deleteSchema !== 'boolean') throw errors.invalidField('deleteSchema', 'Must be a boolean');
  return body.deleteSchema;
}
