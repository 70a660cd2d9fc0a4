import { Kind, type ValueNode } from 'graphql';

/**
 * Scalar behaviour for the SDL-declared scalars. Given as resolver maps (not GraphQLScalarType
 * objects) so that the description each SDL writes is kept.
 */

/** `JSON`: any JSON value, in both directions (literals are converted recursively). */
export const jsonScalar = {
  serialize: (value: unknown) => value,
  parseValue: (value: unknown) => value,
  parseLiteral: (node: ValueNode, variables?: Record<string, unknown> | null) => literalToJson(node, variables ?? undefined),
};

/** `DateTime`: a Flotiq date or date-time string; validated by the content type's pattern, not here. */
export const dateTimeScalar = {
  serialize: (value: unknown) => value,
  parseValue: (value: unknown) => {
    if (typeof value !== 'string') throw new TypeError('DateTime must be a string');
    return value;
  },
  parseLiteral: (node: ValueNode) => {
    if (node.kind !== Kind.STRING) throw new TypeError('DateTime must be a string');
    return node.value;
  },
};

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
