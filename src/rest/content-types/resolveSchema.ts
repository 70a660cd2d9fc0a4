import { DATA_SOURCE_REF, propertiesOf, type ContentTypeDefinition, type JsonSchemaNode } from '../../content-types/contentTypeDefinition';
import { dataSourceSchema } from '../../content-objects/validation/buildObjectSchema';
import { OBJECT_ID_PATTERN } from '../../content-objects/objectIds';
import { isPlainObject } from '../../query/plainObject';

/** The resolved `schemaDefinition` of `resolveRef=true`: one object schema, no `allOf`. */
export interface ResolvedSchema {
  type: 'object';
  properties: Record<string, JsonSchemaNode>;
  required: string[];
  additionalProperties: false;
}

/** `AbstractContentTypeSchemaDefinition` (spec §1.2): what every object has besides its CTD's properties. */
function abstractProperties(): Record<string, JsonSchemaNode> {
  const text = { type: 'string' };
  return {
    id: { type: 'string', pattern: OBJECT_ID_PATTERN.source },
    internal: {
      type: 'object',
      additionalProperties: false,
      required: ['createdAt', 'updatedAt', 'deletedAt', 'contentType'],
      properties: {
        contentType: { ...text },
        createdAt: { ...text },
        updatedAt: { ...text },
        deletedAt: { ...text },
        workflowState: { ...text },
        objectTitle: { ...text },
        latestVersion: { type: 'number' },
        workflowPublicVersion: { type: 'number' },
        workflowPublishedAt: { ...text },
      },
    },
  };
}

/**
 * The CTD's schema with its references resolved (`resolveRef=true`, spec §1.6): `id` and
 * `internal` inlined into `properties` next to the CTD's own, `required` merged (`id` first, as in
 * the abstract schema), and relation items' `DataSource` references inlined too, so the result
 * stands alone.
 */
export function resolveSchemaDefinition(ctd: ContentTypeDefinition): ResolvedSchema {
  const own = inlineDataSources(propertiesOf(ctd)) as Record<string, JsonSchemaNode>;
  return {
    type: 'object',
    properties: { ...abstractProperties(), ...own },
    required: [...new Set(['id', ...(ctd.schemaDefinition.required ?? [])])],
    additionalProperties: false,
  };
}

/** `strictSchema=true` (with `resolveRef=true`): only the JSON Schema, `{"schema": {type, properties, required}}`. */
export function strictSchemaOf(ctd: ContentTypeDefinition): { schema: Pick<ResolvedSchema, 'type' | 'properties' | 'required'> } {
  const { type, properties, required } = resolveSchemaDefinition(ctd);
  return { schema: { type, properties, required } };
}

/** A copy of a schema node with every `DataSource` reference replaced by its definition. */
function inlineDataSources(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(inlineDataSources);
  if (!isPlainObject(node)) return node;
  if (node.$ref === DATA_SOURCE_REF) return dataSourceSchema();
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inlineDataSources(value)]));
}
