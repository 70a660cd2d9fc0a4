/**
 * The parts of the OpenAPI 3.0 object model the generated document uses (a JSON document: open
 * records where the specification allows any JSON Schema keyword).
 */

/** A JSON Schema (OpenAPI 3.0 dialect) or a `$ref` to one. */
export type SchemaObject = Record<string, unknown>;

/** `{ $ref: '#/components/…' }`. */
export type Reference = { $ref: string };

export interface ParameterObject {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  description?: string;
  schema: SchemaObject;
  style?: 'form' | 'simple';
  explode?: boolean;
}

export interface MediaTypeObject {
  schema: SchemaObject;
}

export interface RequestBodyObject {
  required: boolean;
  content: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description: string;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject | Reference>;
  /** Overrides the document's security (`[]`: no key needed). */
  security?: Record<string, string[]>[];
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The operations of one path. */
export type PathItem = Partial<Record<HttpMethod, OperationObject>>;

export interface TagObject {
  name: string;
  description?: string;
}

export interface OpenApiDocument {
  openapi: '3.0.3';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: TagObject[];
  paths: Record<string, PathItem>;
  components: {
    securitySchemes: Record<string, { type: 'apiKey'; in: 'header' | 'query'; name: string; description?: string }>;
    schemas: Record<string, SchemaObject>;
    responses: Record<string, ResponseObject>;
  };
}

/** A `$ref` to a schema of the document. */
export function schemaRef(name: string): Reference {
  return { $ref: `#/components/schemas/${name}` };
}

/** A `$ref` to a shared response of the document. */
export function responseRef(name: string): Reference {
  return { $ref: `#/components/responses/${name}` };
}

/** A JSON body with a schema. */
export function json(schema: SchemaObject): Record<string, MediaTypeObject> {
  return { 'application/json': { schema } };
}
