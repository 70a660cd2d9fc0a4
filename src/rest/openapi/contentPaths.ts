import { canListRemoved, canPerform, canUpsert } from '../../access/decisions';
import type { Permissions } from '../../access/permissions';
import type { ContentTypeDefinition } from '../../content-types/contentTypeDefinition';
import { json, responseRef, schemaRef, type OperationObject, type ParameterObject, type PathItem } from './openApiTypes';

/**
 * The content-object endpoints of one type (spec §2.1), limited to what the key may call (spec
 * §4.3): list/get with `read`; create and batch create with `create`; PUT, PATCH and batch PATCH
 * with `update`; DELETE and batch-delete with `delete`; `/removed` with read and delete.
 */
export function contentPaths(ctd: ContentTypeDefinition, stem: string, permissions: Permissions): Record<string, PathItem> {
  const type = ctd.name;
  const base = `/api/v1/content/${type}`;
  const tag = `Content: ${ctd.label}`;
  const can = (action: 'read' | 'create' | 'update' | 'delete') => canPerform(permissions, action, type);
  const op = (verb: string, summary: string, rest: Omit<OperationObject, 'operationId' | 'summary' | 'tags'>): OperationObject => ({
    operationId: verb + stem,
    summary,
    tags: [tag],
    ...rest,
  });
  const paths: Record<string, PathItem> = {};
  const add = (path: string, method: keyof PathItem, operation: OperationObject) => {
    paths[path] = { ...paths[path], [method]: operation };
  };

  if (can('read')) {
    add(base, 'get', op('list', `List ${ctd.label} objects`, {
      parameters: LIST_PARAMETERS,
      responses: { 200: ok(schemaRef(`${type}List`)), 400: responseRef('400Response'), 401: responseRef('401Response'), 404: responseRef('404Response') },
    }));
    add(`${base}/{id}`, 'get', op('get', `Get one ${ctd.label} object`, {
      parameters: [ID, HYDRATE],
      responses: { 200: ok(schemaRef(type)), 400: responseRef('400Response'), 401: responseRef('401Response'), 404: responseRef('404Response') },
    }));
  }
  if (can('create')) {
    add(base, 'post', op('create', `Create a ${ctd.label} object`, {
      requestBody: body(schemaRef(`${type}WithoutInternal`)),
      responses: writeResponses(schemaRef(type)),
    }));
    add(`${base}/batch`, 'post', op('batchCreate', `Create up to 100 ${ctd.label} objects`, {
      description: canUpsert(permissions, type)
        ? 'With updateExisting=true an item whose id exists replaces that object.'
        : 'updateExisting=true also needs the update right, which this key does not have.',
      parameters: [
        { name: 'updateExisting', in: 'query', required: false, description: 'Insert or update', schema: { type: 'boolean', default: false } },
      ],
      requestBody: body({ type: 'array', maxItems: 100, items: schemaRef(`${type}WithoutInternal`) }),
      responses: batchResponses(),
    }));
  }
  if (can('update')) {
    add(`${base}/{id}`, 'put', op('update', `Replace a ${ctd.label} object`, {
      parameters: [ID],
      requestBody: body(schemaRef(`${type}WithoutInternal`)),
      responses: writeResponses(schemaRef(type)),
    }));
    add(`${base}/{id}`, 'patch', op('patch', `Change some fields of a ${ctd.label} object`, {
      parameters: [ID],
      requestBody: body(schemaRef(`${type}WithoutRequired`)),
      responses: writeResponses(schemaRef(type)),
    }));
    add(`${base}/batch`, 'patch', op('batchPatch', `Change some fields of up to 100 ${ctd.label} objects (each with its id)`, {
      requestBody: body({ type: 'array', maxItems: 100, items: schemaRef(`${type}WithoutRequired`) }),
      responses: batchResponses(),
    }));
  }
  if (can('delete')) {
    add(`${base}/{id}`, 'delete', op('delete', `Delete a ${ctd.label} object`, {
      parameters: [ID],
      responses: { 204: { description: 'Deleted' }, 400: responseRef('400Response'), 401: responseRef('401Response'), 403: responseRef('403Response'), 404: responseRef('404Response') },
    }));
    add(`${base}/batch-delete`, 'post', op('batchDelete', `Delete up to 100 ${ctd.label} objects`, {
      requestBody: body({ type: 'array', maxItems: 100, items: { type: 'string' } }),
      responses: { 200: ok(schemaRef('BatchDeleteResponse')), 400: responseRef('400Response'), 401: responseRef('401Response'), 403: responseRef('403Response'), 404: responseRef('404Response') },
    }));
  }
  if (canListRemoved(permissions, type)) {
    add(`${base}/removed`, 'get', op('getRemoved', `Ids of ${ctd.label} objects deleted after a date`, {
      parameters: [
        { name: 'deletedAfter', in: 'query', required: true, description: 'e.g. 2020-06-17 09:00:00', schema: { type: 'string' } },
      ],
      responses: { 200: ok({ type: 'array', items: { type: 'string' } }), 400: responseRef('400Response'), 401: responseRef('401Response'), 404: responseRef('404Response') },
    }));
  }
  return paths;
}

const ID: ParameterObject = { name: 'id', in: 'path', required: true, description: 'Object id (case-insensitive)', schema: { type: 'string' } };
const HYDRATE: ParameterObject = {
  name: 'hydrate',
  in: 'query',
  required: false,
  description: 'Expand relations 0, 1 or 2 levels deep',
  schema: { type: 'integer', enum: [0, 1, 2], default: 0 },
};
const LIST_PARAMETERS: ParameterObject[] = [
  { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
  { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 20 } },
  { name: 'order_by', in: 'query', required: false, description: 'A field, e.g. internal.createdAt', schema: { type: 'string', default: 'internal.createdAt' } },
  { name: 'order_direction', in: 'query', required: false, schema: { type: 'string', enum: ['asc', 'desc'], default: 'asc' } },
  HYDRATE,
  {
    name: 'filters',
    in: 'query',
    required: false,
    description: 'JSON: {"<field>": {"type": "<operator>", "filter": <value>}}',
    schema: { type: 'string', default: '{}' },
  },
  { name: 'ids[]', in: 'query', required: false, style: 'form', explode: true, schema: { type: 'array', items: { type: 'string' } } },
];

function ok(schema: Record<string, unknown>) {
  return { description: 'OK', content: json(schema) };
}

function body(schema: Record<string, unknown>) {
  return { required: true, content: json(schema) };
}

function writeResponses(result: Record<string, unknown>): OperationObject['responses'] {
  return {
    200: ok(result),
    400: responseRef('400Response'),
    401: responseRef('401Response'),
    403: responseRef('403Response'),
    404: responseRef('404Response'),
    413: responseRef('413Response'),
    415: responseRef('415Response'),
  };
}

function batchResponses(): OperationObject['responses'] {
  return {
    200: ok(schemaRef('BatchResponseSuccess')),
    400: { description: 'Some items were refused', content: json(schemaRef('BatchResponseError')) },
    401: responseRef('401Response'),
    403: responseRef('403Response'),
    404: responseRef('404Response'),
    415: responseRef('415Response'),
  };
}
