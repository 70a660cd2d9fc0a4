import type { ContentTypeRecord } from '../database/models/contentTypeModel';
import type { ContentTypeDefinition, ContentTypeDefinitionInput } from './contentTypeDefinition';

/** Turns a stored record into the CTD the API returns. */
export function fromRecord(record: ContentTypeRecord): ContentTypeDefinition {
  const definition = JSON.parse(record.definition) as ContentTypeDefinitionInput;
  return {
    id: record._id,
    ...definition,
    name: record.name,
    label: record.label,
    internal: record.internal,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    deletedAt: null,
    version: record.version,
  };
}

/** The part of a CTD input that is stored as the definition text. */
export function definitionText(input: ContentTypeDefinitionInput): string {
  const { name, label, internal, draftPublic, workflowId, featuredImage, slugs, schemaDefinition, metaDefinition } = input;
  return JSON.stringify({ name, label, internal, draftPublic, workflowId, featuredImage, slugs, schemaDefinition, metaDefinition });
}
