import { ABSTRACT_SCHEMA_REF, type ContentTypeDefinitionInput, type SlugRule } from '../contentTypeDefinition';
import type { Obj } from './plainJson';

/**
 * Decides the stored shape of a valid payload: a deep copy with `required: []`, `draftPublic: false`,
 * `featuredImage: []` defaulted, the given `internal` flag and kept slug rules, fixed `type`/`$ref`/
 * `additionalProperties`, and any other top-level key (e.g. export-only `id`, `createdAt`) dropped.
 */
export function normaliseDefinition(input: Obj, internal: boolean, slugs: SlugRule[]): ContentTypeDefinitionInput {
  // The scan proved it plain JSON without prototype keys; a JSON round trip copies it into this realm.
  const copy = JSON.parse(JSON.stringify(input)) as ContentTypeDefinitionInput;
  return {
    name: copy.name,
    label: copy.label,
    internal,
    draftPublic: copy.draftPublic ?? false,
    ...(copy.workflowId !== undefined && { workflowId: copy.workflowId }),
    featuredImage: copy.featuredImage ?? [],
    slugs,
    schemaDefinition: {
      type: 'object',
      allOf: [{ $ref: ABSTRACT_SCHEMA_REF }, { type: 'object', properties: copy.schemaDefinition.allOf[1].properties }],
      required: copy.schemaDefinition.required ?? [],
      additionalProperties: false,
    },
    metaDefinition: { propertiesConfig: copy.metaDefinition.propertiesConfig, order: copy.metaDefinition.order },
  };
}
