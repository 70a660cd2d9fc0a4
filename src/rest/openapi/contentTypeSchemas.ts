import { canPerform, canUseField } from '../../access/decisions';
import type { Permissions } from '../../access/permissions';
import { propertiesOf, type ContentTypeDefinition } from '../../content-types/contentTypeDefinition';
import { canReadProperty } from '../../operations/readableProperties';
import { schemaRef, type SchemaObject } from './openApiTypes';
import { toOpenApiSchema } from './toOpenApiSchema';

/**
 * The four schemas of one content type (spec §5.3), from its CTD's JSON Schema, for one key:
 * - `{name}`: an object as the API returns it (the abstract `id`/`internal` envelope and the
 *   properties the key can read — a field it cannot read, or whose value reveals one, never appears);
 * - `{name}WithoutInternal`: the body of a create or full update (an optional `id` and the
 *   properties the key may write; the CTD's `required` among them);
 * - `{name}WithoutRequired`: the body of a partial update (the same properties, none required);
 * - `{name}List`: the list envelope with `{name}` items.
 * The written properties are those the key may create or update (by its rights on the type and
 * field); for a key with no write right on the type, the readable ones (so no schema names a field
 * the key can neither read nor write). Relations stay `DataSource` references.
 */
export function contentTypeSchemas(ctd: ContentTypeDefinition, permissions: Permissions): Record<string, SchemaObject> {
  const all = propertiesOf(ctd);
  const names = Object.keys(all);
  const readable = names.filter((field) => canReadProperty(permissions, ctd, field));
  const writable = writableFields(ctd.name, names, permissions) ?? readable;
  const required = ctd.schemaDefinition.required ?? [];
  const pick = (fields: string[]) => Object.fromEntries(fields.map((field) => [field, toOpenApiSchema(all[field])]));
  const requiredAmong = (fields: string[]) => {
    const present = required.filter((field) => fields.includes(field));
    return present.length > 0 ? { required: present } : {};
  };

  return {
    [ctd.name]: {
      allOf: [
        schemaRef('AbstractContentTypeSchemaDefinition'),
        { type: 'object', properties: pick(readable), ...requiredAmong(readable) },
      ],
    },
    [`${ctd.name}WithoutInternal`]: {
      type: 'object',
      properties: { id: { type: 'string' }, ...pick(writable) },
      ...requiredAmong(writable),
      additionalProperties: false,
    },
    [`${ctd.name}WithoutRequired`]: {
      type: 'object',
      properties: { id: { type: 'string' }, ...pick(writable) },
      additionalProperties: false,
    },
    [`${ctd.name}List`]: {
      allOf: [
        schemaRef('SystemListProperties'),
        { type: 'object', properties: { data: { type: 'array', items: schemaRef(ctd.name) } } },
      ],
    },
  };
}

/** The fields the key may create or update, or undefined when it may do neither on the type. */
function writableFields(type: string, names: string[], permissions: Permissions): string[] | undefined {
  const actions = (['create', 'update'] as const).filter((action) => canPerform(permissions, action, type));
  if (actions.length === 0) return undefined;
  return names.filter((field) => actions.some((action) => canUseField(permissions, action, type, field)));
}
