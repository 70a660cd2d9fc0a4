/**
 * The Flotiq Content Type Definition (CTD) as it travels over the API and lives in export folders
 * (spec §1.1–§1.4). These types describe the accepted shape; `validateContentTypeDefinition` decides
 * whether a given payload really has it.
 */

/** Every `inputType` Flotiq knows (spec §1.3, OAS `AbstractPropertiesConfig`). */
export const INPUT_TYPES = [
  'text',
  'textarea',
  'textMarkdown',
  'richtext',
  'email',
  'radio',
  'select',
  'dateTime',
  'custom',
  'number',
  'checkbox',
  'datasource',
  'object',
  'geo',
  'simpleList',
  'block',
] as const;

export type InputType = (typeof INPUT_TYPES)[number];

/** A JSON Schema node as found in `schemaDefinition` (kept open: Flotiq stores arbitrary keywords). */
export interface JsonSchemaNode {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  required?: string[];
  additionalProperties?: boolean | JsonSchemaNode;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  enum?: unknown[];
  default?: unknown;
  $ref?: string;
  allOf?: JsonSchemaNode[];
  [keyword: string]: unknown;
}

/** Per-property editor configuration (`metaDefinition.propertiesConfig[p]`). */
export interface PropertyConfig {
  label: string;
  inputType: InputType;
  unique: boolean;
  inputSubtype?: string;
  readonly?: boolean;
  hidden?: boolean;
  helpText?: string;
  isTitlePart?: boolean;
  isPassword?: boolean;
  showTime?: boolean;
  multiple?: boolean;
  options?: string[];
  useOptionsWithLabels?: boolean;
  optionsWithLabels?: { value: string; label: string }[];
  blockEditorTypes?: string[];
  validation?: { relationMultiple?: boolean; relationContenttype?: string };
  /** Nested meta definition of an `object` (list) property. */
  items?: MetaDefinition;
  propertiesConfig?: Record<string, PropertyConfig>;
  order?: string[];
}

/** `metaDefinition`: editor configuration and field order. */
export interface MetaDefinition {
  propertiesConfig: Record<string, PropertyConfig>;
  order: string[];
}

/** `schemaDefinition`: `allOf` with the abstract `$ref` and the properties object. */
export interface SchemaDefinition {
  type: 'object';
  allOf: [{ $ref: string }, { type: 'object'; properties: Record<string, JsonSchemaNode> }];
  required?: string[];
  additionalProperties: false;
}

/** A slug rule: fill `target` from `source` when the target is absent. */
export interface SlugRule {
  source: string;
  target: string;
  active: boolean;
}

/** A CTD as written by a client (export folders, POST/PUT bodies). */
export interface ContentTypeDefinitionInput {
  name: string;
  label: string;
  internal?: boolean;
  draftPublic?: boolean;
  workflowId?: string;
  featuredImage?: { dataUrl: string; type: 'internal' | 'external' }[];
  slugs?: SlugRule[];
  schemaDefinition: SchemaDefinition;
  metaDefinition: MetaDefinition;
}

/** A stored CTD as the API returns it. `version` counts updates and keys compiled validators. */
export interface ContentTypeDefinition extends ContentTypeDefinitionInput {
  id: string;
  internal: boolean;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
}

/** The `$ref` every CTD's `allOf[0]` must carry. */
export const ABSTRACT_SCHEMA_REF = '#/components/schemas/AbstractContentTypeSchemaDefinition';
/** The `$ref` of a relation item. */
export const DATA_SOURCE_REF = '#/components/schemas/DataSource';

/** The properties object of a CTD (`schemaDefinition.allOf[1].properties`). */
export function propertiesOf(ctd: Pick<ContentTypeDefinitionInput, 'schemaDefinition'>): Record<string, JsonSchemaNode> {
  return ctd.schemaDefinition.allOf[1]?.properties ?? {};
}

/**
 * Whether objects of `ctd` can hold a relation to objects of `target`: a `datasource` property, at
 * the top level or in an object list, typed to `target` or untyped (any type).
 */
export function mayReference(ctd: ContentTypeDefinitionInput, target: string): boolean {
  const holds = (configs: Record<string, PropertyConfig> | undefined): boolean =>
    Object.values(configs ?? {}).some((config) => {
      if (config.inputType === 'datasource') {
        const typed = config.validation?.relationContenttype;
        return !typed || typed === target;
      }
      return config.inputType === 'object' && holds(config.items?.propertiesConfig);
    });
  return holds(ctd.metaDefinition?.propertiesConfig);
}
