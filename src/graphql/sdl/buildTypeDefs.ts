import { fieldScope, typeScope } from '../../access/scopes';
import { readSources } from '../../content-objects/readSources';
import {
  propertiesOf,
  type ContentTypeDefinition,
  type JsonSchemaNode,
  type PropertyConfig,
} from '../../content-types/contentTypeDefinition';
import { buildFieldCatalog, fieldRead, type CatalogField } from '../../query/fieldCatalog';
import {
  contentTypeNames,
  fieldName,
  filterFieldName,
  nestedInputName,
  nestedTypeName,
  type ContentTypeNames,
} from './names';
import { runAtOnce, type Steps } from '../../utils/slicedWork';
import { propertyShape } from './propertyTypes';
import { REACHABLE, requiresScopes } from './scopeDirective';
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

/**
 * What the resolvers need to know about the generated elements. What each field requires is not
 * here: the SDL says it with `@requiresScopes`, and every guard reads it from the built schema.
 */
export interface SchemaPlan {
  contentTypes: Map<string, { ctd: ContentTypeDefinition; names: ContentTypeNames }>;
  relationFields: RelationField[];
  /** GraphQL field → CTD property, per generated output type (renamed fields get resolvers). */
  propertyOfField: Map<string, { owner: string; fields: Map<string, string> }>;
  /** Filter-input field → catalog path, per content type. */
  filterPaths: Map<string, Map<string, string>>;
}

/** An account's SDL in chunks (the shared types, one per CTD, then the root types), and its plan. */
export interface TypeDefChunks {
  chunks: string[];
  plan: SchemaPlan;
}

/**
 * Turns an account's CTDs into SDL and a plan of what the resolvers must cover. Every field and
 * input field states what it requires with `@requiresScopes` (shared types carry an empty
 * requirement): root queries and counts read on the type, mutations their action, property fields
 * the field right on the property and on what its value reveals, relations also read on their target, `id` any right that returns the type,
 * filter fields read on what they filter. Pure: the same CTDs always give the same SDL (types in
 * name order, fields in `order`).
 */
export function buildTypeDefs(ctds: readonly ContentTypeDefinition[]): { typeDefs: string; plan: SchemaPlan } {
  const { chunks, plan } = runAtOnce(typeDefSteps(ctds));
  return { typeDefs: chunks.join('\n\n'), plan };
}

/** `buildTypeDefs` in steps: it yields after each CTD, and its chunks joined are that SDL. */
export function* typeDefSteps(ctds: readonly ContentTypeDefinition[]): Steps<TypeDefChunks> {
  const sorted = [...ctds].sort((a, b) => a.name.localeCompare(b.name));
  const existing = new Set(sorted.map((ctd) => ctd.name));
  const plan: SchemaPlan = {
    contentTypes: new Map(),
    relationFields: [],
    propertyOfField: new Map(),
    filterPaths: new Map(),
  };
  const chunks: string[] = [SHARED_TYPE_DEFS];
  const queryFields: string[] = [];
  const mutationFields: string[] = [];

  for (const ctd of sorted) {
    const names = contentTypeNames(ctd.name);
    plan.contentTypes.set(ctd.name, { ctd, names });
    const properties = orderedProperties(ctd.metaDefinition.order, propertiesOf(ctd), ctd.metaDefinition.propertiesConfig);
    const blocks: string[] = [];
    const writer = new ObjectWriter(plan, existing, ctd, blocks);
    writer.outputType(names.type, `Content type: ${ctd.label} (${ctd.name})`, properties);
    writer.inputType(names.createInput, properties, `Data of a new ${ctd.name}.`, 'create');
    writer.inputType(names.patchInput, properties, `Fields of a ${ctd.name} to change; absent fields stay as they are.`, 'update');
    blocks.push(filterInput(ctd, names, plan));
    chunks.push(blocks.join('\n\n'));

    const reads = requiresScopes([[typeScope(ctd.name, 'read')]]);
    const listArgs = `page: Int, limit: Int, order_by: String, order_direction: String, filter: String, where: ${names.filterInput}, ids: [String!]`;
    queryFields.push(
      `  """One ${ctd.name} by id."""\n  ${names.getField}(id: String!): ${names.type}${reads}`,
      `  """A page of ${ctd.name} objects (limit ≤ 1000; filter is Flotiq's JSON filters string, where its typed form)."""\n  ${names.listField}(${listArgs}): [${names.type}!]!${reads}`,
      `  """How many ${ctd.name} objects match the filter."""\n  ${names.countField}(filter: String, where: ${names.filterInput}, ids: [String!]): Int!${reads}`,
    );
    mutationFields.push(
      `  ${names.createMutation}(data: ${names.createInput}!): ${names.type}!${requiresScopes([[typeScope(ctd.name, 'create')]])}`,
      `  ${names.updateMutation}(id: String!, data: ${names.patchInput}!): ${names.type}!${requiresScopes([[typeScope(ctd.name, 'update')]])}`,
      `  ${names.deleteMutation}(id: String!): DeleteResult!${requiresScopes([[typeScope(ctd.name, 'delete')]])}`,
    );
    yield;
  }
  const roots = [`type Query {\n${queryFields.join('\n') || `  _empty: Boolean${REACHABLE}`}\n}`];
  if (mutationFields.length) roots.push(`type Mutation {\n${mutationFields.join('\n')}\n}`);
  chunks.push(roots.join('\n\n'));
  return { chunks, plan };
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
  private readonly owner: string;
  /** Nested input types already written (create and patch inputs share them). */
  private readonly writtenInputs = new Set<string>();

  constructor(
    private readonly plan: SchemaPlan,
    private readonly existing: ReadonlySet<string>,
    private readonly ctd: ContentTypeDefinition,
    private readonly blocks: string[],
  ) {
    this.owner = ctd.name;
  }

  /**
   * An output type. `topProperty` is set for nested object-list types: their fields are part of
   * that top-level property and need its read right (field rights exist for top-level properties).
   * A field needs read on every property its value reveals (`readSources`: a slug, its source).
   */
  outputType(typeName: string, description: string, properties: NamedProperty[], topProperty?: string): void {
    const lines: string[] = [];
    const fields = new Map<string, string>();
    const type = this.owner;
    if (topProperty === undefined) {
      const returned = (['read', 'create', 'update'] as const).map((action) => [typeScope(type, action)]);
      lines.push(`  id: String!${requiresScopes(returned)}`, `  internal: ObjectInternal${requiresScopes([[typeScope(type, 'read')]])}`);
    }
    for (const property of properties) {
      const name = fieldName(property.name);
      fields.set(name, property.name);
      const reads = readSources(this.ctd, topProperty ?? property.name).map((source) => fieldScope(type, source, 'read'));
      const shape = propertyShape(property.config, this.existing);
      if (shape.kind === 'scalar') lines.push(`  ${name}: ${shape.output}${requiresScopes([reads])}`);
      if (shape.kind === 'relation') {
        const needs = shape.target ? [...reads, typeScope(shape.target, 'read')] : reads;
        lines.push(`  ${name}: [${shape.target ?? 'DataSource'}]${requiresScopes([needs])}`);
        this.plan.relationFields.push({ typeName, fieldName: name, property: property.name, target: shape.target, owner: this.owner });
      }
      if (shape.kind === 'objectList') {
        const nested = nestedTypeName(typeName, property.name);
        lines.push(`  ${name}: [${nested}]${requiresScopes([reads])}`);
        this.outputType(nested, `${property.config?.label ?? property.name} (an item of ${typeName}.${name})`, this.nested(property), topProperty ?? property.name);
      }
    }
    if (lines.length === 0) lines.push(`  _empty: Boolean${requiresScopes([[fieldScope(type, topProperty ?? '', 'read')]])}`);
    this.plan.propertyOfField.set(typeName, { owner: this.owner, fields });
    this.blocks.push(`"""${escapeDescription(description)}"""\ntype ${typeName} {\n${lines.join('\n')}\n}`);
  }

  /**
   * An input type for `action`. Top-level fields need the field right for the action; nested
   * object-list inputs (shared by create and patch) carry, as a type, "create or update that
   * top-level property", and their fields nothing more.
   */
  inputType(inputName: string, properties: NamedProperty[], description: string, action: 'create' | 'update', nesting?: { parentType: string; topProperty: string }): void {
    const lines: string[] = [];
    const type = this.owner;
    const needs = (property: string) => (nesting ? '' : requiresScopes([[fieldScope(type, property, action)]]));
    if (!nesting) lines.push(`  id: String${requiresScopes([[typeScope(type, action)]])}`);
    for (const property of properties) {
      const name = fieldName(property.name);
      const shape = propertyShape(property.config, this.existing);
      if (shape.kind === 'scalar') lines.push(`  ${name}: ${shape.input}${needs(property.name)}`);
      if (shape.kind === 'relation') lines.push(`  ${name}: [DataSourceInput!]${needs(property.name)}`);
      if (shape.kind === 'objectList') {
        const owner = nesting?.parentType ?? this.owner;
        const nestedInput = nestedInputName(owner, property.name);
        lines.push(`  ${name}: [${nestedInput}!]${needs(property.name)}`);
        if (!this.writtenInputs.has(nestedInput)) {
          this.writtenInputs.add(nestedInput);
          const topProperty = nesting?.topProperty ?? property.name;
          this.inputType(nestedInput, this.nested(property), `An item of ${owner}.${name}.`, action, { parentType: nestedTypeName(owner, property.name), topProperty });
        }
      }
    }
    if (lines.length === 0) lines.push('  _empty: Boolean');
    const typeDirective = nesting
      ? requiresScopes([[fieldScope(type, nesting.topProperty, 'create')], [fieldScope(type, nesting.topProperty, 'update')]])
      : '';
    this.blocks.push(`"""${escapeDescription(description)}"""\ninput ${inputName}${typeDirective} {\n${lines.join('\n')}\n}`);
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
    lines.push(`  ${name}: ${conditionType(field)}${requiresScopes([filterScopes(ctd.name, field)])}`);
  }
  plan.filterPaths.set(ctd.name, paths);
  return `"""Typed form of Flotiq's filters for ${ctd.name}; conditions are ANDed."""\ninput ${names.filterInput} {\n${lines.join('\n')}\n}`;
}

/** Filtering on a path needs read on the type and on every property it reveals (`fieldRead`). */
function filterScopes(type: string, field: CatalogField): string[] {
  const properties = fieldRead(field)?.properties ?? [];
  return [typeScope(type, 'read'), ...properties.map((property) => fieldScope(type, property, 'read'))];
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
