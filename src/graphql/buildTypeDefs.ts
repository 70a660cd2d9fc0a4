import type { Action } from '../access/permissions';
import {
  propertiesOf,
  type ContentTypeDefinition,
  type JsonSchemaNode,
  type PropertyConfig,
} from '../content-types/contentTypeDefinition';
import { buildFieldCatalog, type CatalogField } from '../query/fieldCatalog';
import {
  contentTypeNames,
  fieldName,
  filterFieldName,
  nestedInputName,
  nestedTypeName,
  type ContentTypeNames,
} from './names';
import { propertyShape } from './propertyTypes';
import { SHARED_TYPE_DEFS } from './sharedTypeDefs';

/** A field whose value is resolved from relation references. */
export interface RelationField {
  /** The GraphQL type holding the field (a CTD type or a nested object-list type). */
  typeName: string;
  fieldName: string;
  /** The property of the stored value holding the references. */
  property: string;
  /** The CTD the references point at; undefined when any type is allowed (then references are returned). */
  target: string | undefined;
  /** The CTD the field belongs to (for nested types, the CTD of the outermost object). */
  owner: string;
}

/** Which generated element belongs to which content type and property. */
export interface SchemaPlan {
  contentTypes: Map<string, { ctd: ContentTypeDefinition; names: ContentTypeNames }>;
  relationFields: RelationField[];
  /** GraphQL field → CTD property, per generated output type (for permission checks). */
  propertyOfField: Map<string, { owner: string; fields: Map<string, string> }>;
  /** Filter-input field → catalog path, per content type. */
  filterPaths: Map<string, Map<string, string>>;
  /** Root field (`Query.x` / `Mutation.x`) → the action and type it performs. */
  rootFields: Map<string, { action: Action; type: string }>;
  /** Top-level inputs of a content type (create, patch, filter): field → property (null: id/internal). */
  inputFields: Map<string, { owner: string; action: 'create' | 'update' | 'read'; fields: Map<string, string | null> }>;
}

/**
 * Turns an account's CTDs into SDL and a plan of what the resolvers and permission rules must
 * cover. Pure: the same CTDs always give the same SDL (types in name order, fields in `order`).
 */
export function buildTypeDefs(ctds: readonly ContentTypeDefinition[]): { typeDefs: string; plan: SchemaPlan } {
  const sorted = [...ctds].sort((a, b) => a.name.localeCompare(b.name));
  const existing = new Set(sorted.map((ctd) => ctd.name));
  const plan: SchemaPlan = {
    contentTypes: new Map(),
    relationFields: [],
    propertyOfField: new Map(),
    filterPaths: new Map(),
    rootFields: new Map(),
    inputFields: new Map(),
  };
  const blocks: string[] = [SHARED_TYPE_DEFS];
  const queryFields: string[] = [];
  const mutationFields: string[] = [];

  for (const ctd of sorted) {
    const names = contentTypeNames(ctd.name);
    plan.contentTypes.set(ctd.name, { ctd, names });
    const properties = orderedProperties(ctd.metaDefinition.order, propertiesOf(ctd), ctd.metaDefinition.propertiesConfig);
    const writer = new ObjectWriter(plan, existing, ctd.name, blocks);
    writer.outputType(names.type, `Content type: ${ctd.label} (${ctd.name})`, properties, true);
    writer.inputType(names.createInput, properties, `Data of a new ${ctd.name}.`);
    writer.inputType(names.patchInput, properties, `Fields of a ${ctd.name} to change; absent fields stay as they are.`);
    const inputFields = new Map<string, string | null>([['id', null], ...properties.map((p): [string, string] => [fieldName(p.name), p.name])]);
    plan.inputFields.set(names.createInput, { owner: ctd.name, action: 'create', fields: inputFields });
    plan.inputFields.set(names.patchInput, { owner: ctd.name, action: 'update', fields: inputFields });
    blocks.push(filterInput(ctd, names, plan));

    const listArgs = `page: Int, limit: Int, order_by: String, order_direction: String, filter: String, where: ${names.filterInput}, ids: [String!]`;
    queryFields.push(
      `  """One ${ctd.name} by id."""\n  ${names.getField}(id: String!): ${names.type}`,
      `  """A page of ${ctd.name} objects (limit ≤ 1000; filter is Flotiq's JSON filters string, where its typed form)."""\n  ${names.listField}(${listArgs}): [${names.type}!]!`,
      `  """How many ${ctd.name} objects match the filter."""\n  ${names.countField}(filter: String, where: ${names.filterInput}, ids: [String!]): Int!`,
    );
    for (const field of [names.getField, names.listField, names.countField]) plan.rootFields.set(`Query.${field}`, { action: 'read', type: ctd.name });
    plan.rootFields.set(`Mutation.${names.createMutation}`, { action: 'create', type: ctd.name });
    plan.rootFields.set(`Mutation.${names.updateMutation}`, { action: 'update', type: ctd.name });
    plan.rootFields.set(`Mutation.${names.deleteMutation}`, { action: 'delete', type: ctd.name });
    mutationFields.push(
      `  ${names.createMutation}(data: ${names.createInput}!): ${names.type}!`,
      `  ${names.updateMutation}(id: String!, data: ${names.patchInput}!): ${names.type}!`,
      `  ${names.deleteMutation}(id: String!): DeleteResult!`,
    );
  }
  blocks.push(`type Query {\n${queryFields.join('\n') || '  _empty: Boolean'}\n}`);
  if (mutationFields.length) blocks.push(`type Mutation {\n${mutationFields.join('\n')}\n}`);
  return { typeDefs: blocks.join('\n\n'), plan };
}

interface NamedProperty {
  name: string;
  schema: JsonSchemaNode;
  config: PropertyConfig | undefined;
}

function orderedProperties(
  order: readonly string[] | undefined,
  schemas: Record<string, JsonSchemaNode>,
  configs: Record<string, PropertyConfig> | undefined,
): NamedProperty[] {
  const names = [...(order ?? []).filter((name) => name in schemas), ...Object.keys(schemas).filter((n) => !(order ?? []).includes(n))];
  return names.map((name) => ({ name, schema: schemas[name], config: configs?.[name] }));
}

/** Writes output and input types for one CTD and its nested object lists. */
class ObjectWriter {
  constructor(
    private readonly plan: SchemaPlan,
    private readonly existing: ReadonlySet<string>,
    private readonly owner: string,
    private readonly blocks: string[],
  ) {}

  outputType(typeName: string, description: string, properties: NamedProperty[], isContentType: boolean): void {
    const lines: string[] = [];
    const fields = new Map<string, string>();
    if (isContentType) lines.push('  id: String!', '  internal: ObjectInternal');
    for (const property of properties) {
      const name = fieldName(property.name);
      fields.set(name, property.name);
      const shape = propertyShape(property.config, this.existing);
      if (shape.kind === 'scalar') lines.push(`  ${name}: ${shape.output}`);
      if (shape.kind === 'relation') {
        lines.push(`  ${name}: [${shape.target ?? 'DataSource'}]`);
        this.plan.relationFields.push({ typeName, fieldName: name, property: property.name, target: shape.target, owner: this.owner });
      }
      if (shape.kind === 'objectList') {
        const nested = nestedTypeName(typeName, property.name);
        lines.push(`  ${name}: [${nested}]`);
        this.outputType(nested, `${property.config?.label ?? property.name} (an item of ${typeName}.${name})`, this.nested(property), false);
      }
    }
    if (lines.length === 0) lines.push('  _empty: Boolean');
    this.plan.propertyOfField.set(typeName, { owner: this.owner, fields });
    this.blocks.push(`"""${escapeDescription(description)}"""\ntype ${typeName} {\n${lines.join('\n')}\n}`);
  }

  inputType(inputName: string, properties: NamedProperty[], description: string, parentType?: string): void {
    const lines: string[] = [];
    if (!parentType) lines.push('  id: String');
    for (const property of properties) {
      const name = fieldName(property.name);
      const shape = propertyShape(property.config, this.existing);
      if (shape.kind === 'scalar') lines.push(`  ${name}: ${shape.input}`);
      if (shape.kind === 'relation') lines.push(`  ${name}: [DataSourceInput!]`);
      if (shape.kind === 'objectList') {
        const owner = parentType ?? this.owner;
        const nestedInput = nestedInputName(owner, property.name);
        lines.push(`  ${name}: [${nestedInput}!]`);
        if (!this.blocks.some((block) => block.includes(`input ${nestedInput} {`))) {
          this.inputType(nestedInput, this.nested(property), `An item of ${owner}.${name}.`, nestedTypeName(owner, property.name));
        }
      }
    }
    if (lines.length === 0) lines.push('  _empty: Boolean');
    this.blocks.push(`"""${escapeDescription(description)}"""\ninput ${inputName} {\n${lines.join('\n')}\n}`);
  }

  private nested(property: NamedProperty): NamedProperty[] {
    const itemSchema = property.schema.items ?? {};
    return orderedProperties(property.config?.items?.order, itemSchema.properties ?? {}, property.config?.items?.propertiesConfig);
  }
}

function filterInput(ctd: ContentTypeDefinition, names: ContentTypeNames, plan: SchemaPlan): string {
  const catalog = buildFieldCatalog(ctd);
  const paths = new Map<string, string>();
  const lines: string[] = [];
  for (const field of catalog.fields.values()) {
    const name = filterFieldName(field.path);
    if (paths.has(name)) continue; // first path wins on a (theoretical) clash
    paths.set(name, field.path);
    lines.push(`  ${name}: ${conditionType(field)}`);
  }
  plan.filterPaths.set(ctd.name, paths);
  const properties = new Map([...paths].map(([name, path]): [string, string | null] => [name, catalog.fields.get(path)?.property ?? null]));
  plan.inputFields.set(names.filterInput, { owner: ctd.name, action: 'read', fields: properties });
  return `"""Typed form of Flotiq's filters for ${ctd.name}; conditions are ANDed."""\ninput ${names.filterInput} {\n${lines.join('\n')}\n}`;
}

function conditionType(field: CatalogField): string {
  if (!field.leaf) return 'PresenceCondition';
  if (field.kind === 'number') return 'NumberCondition';
  if (field.kind === 'boolean') return 'BooleanCondition';
  if (field.kind === 'stringArray' || field.kind === 'relation' || field.many) return 'ListCondition';
  return 'StringCondition';
}

function escapeDescription(text: string): string {
  return text.replace(/"""/g, '\\"""');
}
