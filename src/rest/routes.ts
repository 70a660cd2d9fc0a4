import { authContext } from './auth-context/authContextHandler';
import { batchCreateObjects, batchPatchObjects } from './content/batchWriteHandlers';
import { batchDeleteObjects } from './content/batchDeleteHandler';
import { listContentObjects } from './content/listHandler';
import { createContentObject, deleteContentObject, getContentObject, patchContentObject, replaceContentObject } from './content/objectHandlers';
import { listRemovedObjects } from './content/removedHandler';
import {
  createContentType,
  deleteContentType,
  getContentType,
  listContentTypes,
  purgeContentType,
  updateContentType,
} from './content-types/contentTypeHandlers';
import { openApiSchema } from './openapi/openApiHandler';
import type { RestRoute } from './restCall';
import { search } from './search/searchHandler';
import { CONTENT_BODY_LIMIT_BYTES } from './transport/bodyLimits';

const CONTENT = '/api/v1/content/:name';
const OBJECT = '/api/v1/content/:name/:id';
const CONTENT_TYPES = '/api/v1/internal/contenttype';
const CONTENT_TYPE = '/api/v1/internal/contenttype/:name';

/**
 * Flotiq's REST surface (spec §1.6, §2.1, §0 auth-context). Static segments (`batch`,
 * `batch-delete`, `removed`) take precedence over `:id` for the methods they define.
 */
export const REST_ROUTES: readonly RestRoute[] = [
  { method: 'GET', url: '/api/auth-context', handler: authContext },

  { method: 'GET', url: CONTENT, handler: listContentObjects, cacheable: true },
  { method: 'POST', url: CONTENT, handler: createContentObject, bodyLimit: CONTENT_BODY_LIMIT_BYTES },
  { method: 'POST', url: `${CONTENT}/batch`, handler: batchCreateObjects },
  { method: 'PATCH', url: `${CONTENT}/batch`, handler: batchPatchObjects },
  { method: 'POST', url: `${CONTENT}/batch-delete`, handler: batchDeleteObjects },
  { method: 'GET', url: `${CONTENT}/removed`, handler: listRemovedObjects, cacheable: true },
  { method: 'GET', url: OBJECT, handler: getContentObject, cacheable: true },
  { method: 'PUT', url: OBJECT, handler: replaceContentObject, bodyLimit: CONTENT_BODY_LIMIT_BYTES },
  { method: 'PATCH', url: OBJECT, handler: patchContentObject, bodyLimit: CONTENT_BODY_LIMIT_BYTES },
  { method: 'DELETE', url: OBJECT, handler: deleteContentObject },

  { method: 'GET', url: CONTENT_TYPES, handler: listContentTypes, cacheable: true },
  { method: 'POST', url: CONTENT_TYPES, handler: createContentType },
  { method: 'GET', url: CONTENT_TYPE, handler: getContentType, cacheable: true },
  { method: 'PUT', url: CONTENT_TYPE, handler: updateContentType },
  { method: 'DELETE', url: CONTENT_TYPE, handler: deleteContentType },
  { method: 'POST', url: `${CONTENT_TYPE}/purge`, handler: purgeContentType, optionalBody: true },

  { method: 'GET', url: '/api/v1/search', handler: search, cacheable: true },
  { method: 'GET', url: '/api/v1/open-api-schema.json', handler: openApiSchema },
];
