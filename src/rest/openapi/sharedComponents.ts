import { OBJECT_ID_PATTERN } from '../../content-objects/objectIds';
import { json, schemaRef, type ResponseObject, type SchemaObject } from './openApiTypes';

/**
 * Components every generated document carries: the abstract object envelope, `DataSource`, the
 * list counters, the batch, search and GraphQL bodies, and Flotiq's error responses (spec §0).
 */

/** The name of the API key security scheme (spec §0). */
export const SECURITY_SCHEME = 'HeaderApiKeyAuth';

const text: SchemaObject = { type: 'string' };
const stringList: SchemaObject = { type: 'array', items: { type: 'string' } };

/** Schemas shared by every content type and system endpoint. */
export function sharedSchemas(): Record<string, SchemaObject> {
  return {
    AbstractContentTypeSchemaDefinition: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string', pattern: OBJECT_ID_PATTERN.source },
        internal: schemaRef('AbstractContentTypeSchemaDefinitionInternal'),
      },
    },
    AbstractContentTypeSchemaDefinitionInternal: {
      type: 'object',
      readOnly: true,
      required: ['contentType', 'createdAt', 'updatedAt', 'deletedAt'],
      properties: {
        contentType: text,
        createdAt: text,
        updatedAt: text,
        deletedAt: text,
        objectTitle: text,
        latestVersion: { type: 'number' },
        status: text,
        workflowState: text,
      },
    },
    DataSource: {
      type: 'object',
      required: ['dataUrl', 'type'],
      properties: { dataUrl: text, type: { type: 'string', enum: ['internal', 'external'] } },
    },
    SystemListProperties: {
      type: 'object',
      required: ['total_count', 'total_pages', 'current_page', 'count'],
      properties: {
        total_count: { type: 'integer' },
        total_pages: { type: 'integer' },
        current_page: { type: 'integer' },
        count: { type: 'integer' },
      },
    },
    ErrorResponse: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'integer' }, message: text },
    },
    ValidationErrorResponse: {
      type: 'object',
      description: 'A map from field path to messages, e.g. {"title": ["The property title is required"]}',
      additionalProperties: stringList,
    },
    RefusalResponse: {
      type: 'object',
      required: ['errors'],
      properties: { errors: stringList },
    },
    BatchResponseSuccess: {
      type: 'object',
      required: ['batch_total_count', 'batch_success_count', 'batch_error_count', 'errors'],
      properties: {
        batch_total_count: { type: 'integer' },
        batch_success_count: { type: 'integer' },
        batch_error_count: { type: 'integer' },
        errors: { type: 'array', items: schemaRef('BatchItemError') },
      },
    },
    BatchResponseError: schemaRef('BatchResponseSuccess'),
    BatchItemError: {
      type: 'object',
      properties: { data: { type: 'object' }, errors: schemaRef('ValidationErrorResponse') },
    },
    BatchDeleteResponse: {
      type: 'object',
      required: ['deletedCount'],
      properties: { deletedCount: { type: 'integer' } },
    },
    ContentTypeDefinition: {
      type: 'object',
      description: 'A Content Type Definition (Flotiq): name, label, schemaDefinition (JSON Schema) and metaDefinition.',
      required: ['name', 'label', 'schemaDefinition', 'metaDefinition'],
      properties: {
        id: text,
        name: text,
        label: text,
        internal: { type: 'boolean' },
        draftPublic: { type: 'boolean' },
        workflowId: text,
        featuredImage: { type: 'array', items: schemaRef('DataSource') },
        slugs: { type: 'array', items: { type: 'object' } },
        schemaDefinition: { type: 'object' },
        metaDefinition: { type: 'object' },
        createdAt: text,
        updatedAt: text,
        deletedAt: { type: 'string', nullable: true },
      },
    },
    ContentTypeDefinitionList: {
      allOf: [
        schemaRef('SystemListProperties'),
        { type: 'object', properties: { data: { type: 'array', items: schemaRef('ContentTypeDefinition') } } },
      ],
    },
    SearchResponse: {
      allOf: [
        schemaRef('SystemListProperties'),
        {
          type: 'object',
          properties: {
            summary: { type: 'object', properties: { aggregations: { type: 'object' } } },
            data: {
              type: 'array',
              items: {
                type: 'object',
                required: ['item', 'score'],
                properties: { item: schemaRef('AbstractContentTypeSchemaDefinition'), score: { type: 'number' } },
              },
            },
          },
        },
      ],
    },
    GraphQLRequest: {
      type: 'object',
      required: ['query'],
      properties: { query: text, variables: { type: 'object' }, operationName: text },
    },
    GraphQLResponse: {
      type: 'object',
      properties: { data: { type: 'object', nullable: true }, errors: { type: 'array', items: { type: 'object' } } },
    },
  };
}

/** Flotiq's error responses, referenced by every operation. */
export function sharedResponses(): Record<string, ResponseObject> {
  const error = (description: string): ResponseObject => ({ description, content: json(schemaRef('ErrorResponse')) });
  return {
    '400Response': {
      description: 'Invalid input: a map from field to messages, or {"errors": [...]} for a refused action',
      content: json({ oneOf: [schemaRef('ValidationErrorResponse'), schemaRef('RefusalResponse')] }),
    },
    '401Response': error('The API key is missing or wrong: {"code":401,"message":"Unauthorized"}'),
    '403Response': error('The API key may not do this: {"code":403,"message":"Access denied or quota limit exceeded"}'),
    '404Response': error('Not found: {"code":404,"message":"Not found"}'),
    '413Response': error('The object or the request body is too large'),
    '415Response': error('The request body is not JSON: {"code":415,"message":"Unsupported Media Type"}'),
  };
}
