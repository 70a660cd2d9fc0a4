import type { PropertyConfig } from '../../content-types/contentTypeDefinition';

/** How one CTD property appears in GraphQL. */
export type PropertyShape =
  | { kind: 'scalar'; output: string; input: string }
  | { kind: 'relation'; target: string | undefined }
  | { kind: 'objectList' };

/**
 * Decides the GraphQL shape of a property from its inputType: text-like → String, number → Float,
 * checkbox → Boolean, dateTime → DateTime, select(multiple)/simpleList → [String], geo → Geo,
 * block/custom → JSON, datasource → a list of the target type (or of DataSource references when
 * the relation allows any type), object → a list of a nested type.
 */
export function propertyShape(config: PropertyConfig | undefined, existingTypes: ReadonlySet<string>): PropertyShape {
  switch (config?.inputType) {
    case 'number':
      return { kind: 'scalar', output: 'Float', input: 'Float' };
    case 'checkbox':
      return { kind: 'scalar', output: 'Boolean', input: 'Boolean' };
    case 'dateTime':
      return { kind: 'scalar', output: 'DateTime', input: 'DateTime' };
    case 'select':
      return config.multiple
        ? { kind: 'scalar', output: '[String]', input: '[String!]' }
        : { kind: 'scalar', output: 'String', input: 'String' };
    case 'simpleList':
      return { kind: 'scalar', output: '[String]', input: '[String!]' };
    case 'geo':
      return { kind: 'scalar', output: 'Geo', input: 'GeoInput' };
    case 'block':
    case 'custom':
      return { kind: 'scalar', output: 'JSON', input: 'JSON' };
    case 'datasource': {
      const target = config.validation?.relationContenttype;
      return { kind: 'relation', target: target && existingTypes.has(target) ? target : undefined };
    }
    case 'object':
      return { kind: 'objectList' };
    default:
      return { kind: 'scalar', output: 'String', input: 'String' };
  }
}
