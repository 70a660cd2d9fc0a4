import { CONTENT_TYPE_ORDER_FIELDS } from '../content-types/listQuery';
import { json, responseRef, schemaRef, type OperationObject, type ParameterObject, type PathItem } from './openApiTypes';

/**
 * Endpoints that are not per content type: CTD reads and writes (spec §1.6), search (§5.1) and
 * GraphQL (§3). Which of them a key gets is decided by the document builder.
 */

export const CTD_TAG = 'Content Type Definitions';
export const SEARCH_TAG = 'Search';
export const GRAPHQL_TAG = 'GraphQL';

/** Operation ids of these endpoints; per-type ids must avoid them. */
export const SYSTEM_OPERATION_IDS: ReadonlySet<string> = new Set([
  'listContentTypes',
  'getContentType',
  'createContentType',
  'updateContentType',
  'deleteContentType',
  'purgeContentType',
  'search',
  'graphql',
  'graphqlSchema',
]);

const CTDS = '/api/v1/internal/contenttype';
const CTD = `${CTDS}/{name}`;
const NAME: ParameterObject = { name: 'name', in: 'path', required: true, schema: { type: 'string' } };

/** `GET …/contenttype` and `GET …/contenttype/{name}`: the definitions the key reaches. */
export function contentTypeReadPaths(): Record<string, PathItem> {
  return {
    [CTDS]: {
      get: op('listContentTypes', 'List content type definitions', {
        parameters: [
          { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 10000, default: 20 } },
          { name: 'order_by', in: 'query', required: false, schema: { type: 'string', enum: [...CONTENT_TYPE_ORDER_FIELDS], default: 'name' } },
          { name: 'order_direction', in: 'query', required: false, schema: { type: 'string', enum: ['asc', 'desc'] } },
          { name: 'internal', in: 'query', required: false, description: '1: system types only, 0: user types only', schema: { type: 'integer', enum: [0, 1] } },
          { name: 'name', in: 'query', required: false, description: 'Name contains', schema: { type: 'string' } },
          { name: 'names[]', in: 'query', required: false, style: 'form', explode: true, schema: { type: 'array', items: { type: 'string' } } },
          { name: 'label', in: 'query', required: false, description: 'Label contains', schema: { type: 'string' } },
        ],
        responses: { 200: ok(schemaRef('ContentTypeDefinitionList')), 400: responseRef('400Response'), 401: responseRef('401Response') },
      }, CTD_TAG),
    },
    [CTD]: {
      get: op('getContentType', 'Get one content type definition', {
        parameters: [
          NAME,
          { name: 'resolveRef', in: 'query', required: false, schema: { type: 'boolean', default: false } },
          { name: 'strictSchema', in: 'query', required: false, schema: { type: 'boolean', default: false } },
        ],
        responses: { 200: ok(schemaRef('ContentTypeDefinition')), 401: responseRef('401Response'), 404: responseRef('404Response') },
      }, CTD_TAG),
    },
  };
}

/** CTD create/update/delete/purge: the schema right (the read-write application key). */
export function contentTypeWritePaths(): Record<string, PathItem> {
  const refusals = { 400: responseRef('400Response'), 401: responseRef('401Response'), 403: responseRef('403Response') };
  return {
    [CTDS]: {
      post: op('createContentType', 'Create a content type definition', {
        requestBody: { required: true, content: json(schemaRef('ContentTypeDefinition')) },
        responses: { 200: ok(schemaRef('ContentTypeDefinition')), ...refusals, 415: responseRef('415Response') },
      }, CTD_TAG),
    },
    [CTD]: {
      put: op('updateContentType', 'Replace a content type definition (existing objects are converted)', {
        parameters: [NAME],
        requestBody: { required: true, content: json(schemaRef('ContentTypeDefinition')) },
        responses: { 200: ok(schemaRef('ContentTypeDefinition')), ...refusals, 404: responseRef('404Response'), 415: responseRef('415Response') },
      }, CTD_TAG),
      delete: op('deleteContentType', 'Delete a content type definition (refused while objects or keys use it)', {
        parameters: [NAME],
        responses: { 200: { description: 'Deleted' }, ...refusals, 404: responseRef('404Response') },
      }, CTD_TAG),
    },
    [`${CTD}/purge`]: {
      post: op('purgeContentType', 'Remove every object of a type (and the type with deleteSchema)', {
        parameters: [NAME],
        requestBody: {
          required: false,
          content: json({ type: 'object', properties: { deleteSchema: { type: 'boolean', default: false } } }),
        },
        responses: { 204: { description: 'Purged' }, ...refusals, 404: responseRef('404Response') },
      }, CTD_TAG),
    },
  };
}

/** `GET /api/v1/search` over `readableTypes` (offered as the values of `content_type[]`). */
export function searchPaths(readableTypes: readonly string[]): Record<string, PathItem> {
  return {
    '/api/v1/search': {
      get: op('search', 'Search the content this key can read', {
        description:
          'A case-insensitive substring match over the text fields the key can read; q=* matches everything. ' +
          'Ordered by internal.updatedAt (newest first) unless order_by is given; page * limit must not exceed 10000.',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 256 } },
          {
            name: 'content_type[]',
            in: 'query',
            required: false,
            style: 'form',
            explode: true,
            schema: { type: 'array', items: { type: 'string', enum: [...readableTypes] } },
          },
          { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 20 } },
          {
            name: 'order_by',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['_score', 'internal.updatedAt', 'internal.createdAt', 'internal.contentType', 'id'] },
          },
          { name: 'order_direction', in: 'query', required: false, schema: { type: 'string', enum: ['asc', 'desc'] } },
          { name: 'hydrate', in: 'query', required: false, schema: { type: 'integer', enum: [0, 1, 2], default: 0 } },
        ],
        responses: { 200: ok(schemaRef('SearchResponse')), 400: responseRef('400Response'), 401: responseRef('401Response') },
      }, SEARCH_TAG),
    },
  };
}

/** `POST /api/graphql` and `GET /api/graphql/schema` (the schema is cut to what the key may see). */
export function graphqlPaths(): Record<string, PathItem> {
  return {
    '/api/graphql': {
      post: op('graphql', 'Run a GraphQL operation', {
        requestBody: { required: true, content: json(schemaRef('GraphQLRequest')) },
        responses: {
          200: ok(schemaRef('GraphQLResponse')),
          400: { description: 'The operation is invalid', content: json(schemaRef('GraphQLResponse')) },
          401: { description: 'The API key is missing or wrong', content: json(schemaRef('GraphQLResponse')) },
        },
      }, GRAPHQL_TAG),
    },
    '/api/graphql/schema': {
      get: op('graphqlSchema', 'The GraphQL schema (SDL) this key may use', {
        responses: {
          200: { description: 'The schema in GraphQL SDL', content: { 'text/plain': { schema: { type: 'string' } } } },
          401: responseRef('401Response'),
        },
      }, GRAPHQL_TAG),
    },
  };
}

function op(operationId: string, summary: string, rest: Omit<OperationObject, 'operationId' | 'summary' | 'tags'>, tag: string): OperationObject {
  return { operationId, summary, tags: [tag], ...rest };
}

function ok(schema: Record<string, unknown>) {
  return { description: 'OK', content: json(schema) };
}
