import type { ContentTypeDefinitionInput, JsonSchemaNode, PropertyConfig } from '../content-types/contentTypeDefinition';
import { cloneJson } from '../utils/deepClone';

/**
 * The first-pass version of a CTD for import (flotiq-cli's approach): relations accept any type
 * and may be empty, and relation-bearing properties are not required, so objects can be created
 * before the objects they point at.
 */
export function relaxDefinition(ctd: ContentTypeDefinitionInput): ContentTypeDefinitionInput {
  const relaxed = cloneJson(ctd);
  const bearing = relationBearingProperties(relaxed);
  relaxed.schemaDefinition.required = (relaxed.schemaDefinition.required ?? []).filter((name) => !bearing.has(name));
  const properties = relaxed.schemaDefinition.allOf[1].properties;
  for (const name of bearing) relaxSchema(properties[name]);
  relaxConfigs(relaxed.metaDefinition.propertiesConfig);
  return relaxed;
}

/** Top-level properties that are relations or object lists holding relations. */
export function relationBearingProperties(ctd: ContentTypeDefinitionInput): Set<string> {
  const names = new Set<string>();
  for (const [name, config] of Object.entries(ctd.metaDefinition.propertiesConfig)) {
    if (holdsRelation(config)) names.add(name);
  }
  return names;
}

function holdsRelation(config: PropertyConfig): boolean {
  if (config.inputType === 'datasource') return true;
  return Object.values(config.items?.propertiesConfig ?? {}).some(holdsRelation);
}

function relaxSchema(node: JsonSchemaNode | undefined): void {
  if (!node) return;
  if (typeof node.minItems === 'number') node.minItems = 0;
  if (node.items) relaxSchema(node.items);
  for (const inner of Object.values(node.properties ?? {})) relaxSchema(inner);
  if (Array.isArray(node.items?.required)) node.items.required = [];
}

function relaxConfigs(configs: Record<string, PropertyConfig>): void {
  for (const config of Object.values(configs)) {
    if (config.inputType === 'datasource') config.validation = { ...config.validation, relationContenttype: '' };
    if (config.items) relaxConfigs(config.items.propertiesConfig);
  }
}
