import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** Any JSON value, in both directions (literals are converted recursively). */
export const jsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value (editor.js block values, custom fields).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node, variables) => literalToJson(node, variables ?? undefined),
});

/** A Flotiq date or date-time string; validated by the content type's pattern, not here. */
export const dateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date or date-time string as Flotiq stores it (YYYY-MM-DD or YYYY-MM-DDTHH:mm).',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string') throw new TypeError('DateTime must be a string');
    return value;
  },
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) throw new TypeError('DateTime must be a string');
    return node.value;
  },
});

function literalToJson(node: ValueNode, variables: Record<string, unknown> | undefined): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((value) => literalToJson(value, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalToJson(field.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[node.name.value];
    default:
      return undefined;
  }
}
