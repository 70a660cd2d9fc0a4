import {
  isIntrospectionType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  printType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import { buildAccountSchema } from './buildAccountSchema';

/**
 * The SDL of an account's GraphQL schema: the built (executable) schema printed with `graphql`'s
 * printer, one definition per block, as `printSchema` prints it — except that the named types come
 * in code-point order of their names (`printSchema` follows the type map's traversal order).
 *
 * Deterministic: the text depends only on the CTDs, not on the order they are given in, the host's
 * locale or how the schema's type map was filled. Fields keep the generated order (the CTD's
 * `order`, which is what clients see in introspection). The result has `\n` line ends and exactly
 * one final newline, so snapshots compare byte for byte.
 */
export function printAccountSdl(ctds: readonly ContentTypeDefinition[]): string {
  return printSchemaSorted(buildAccountSchema(ctds).schema);
}

/** `printSchema` with the named types sorted by name. */
export function printSchemaSorted(schema: GraphQLSchema): string {
  assertPrintableAsTypesOnly(schema);
  const types = Object.values(schema.getTypeMap())
    .filter((type) => !isSpecifiedScalarType(type) && !isIntrospectionType(type))
    .sort((a: GraphQLNamedType, b: GraphQLNamedType) => byCodePoint(a.name, b.name))
    .map(printType);
  return `${types.join('\n\n').replace(/\r\n?/g, '\n').trimEnd()}\n`;
}

/**
 * The generated schema is nothing but named types: `printSchema` would print no `schema { ... }`
 * block (the root types carry their usual names: the generator writes `type Query` / `type
 * Mutation`), no description and no custom directive. Anything else would be lost by printing the
 * types alone, so it is refused rather than silently left out of the snapshot.
 */
function assertPrintableAsTypesOnly(schema: GraphQLSchema): void {
  const roots: [string, string | undefined][] = [
    ['Query', schema.getQueryType()?.name],
    ['Mutation', schema.getMutationType()?.name],
    ['Subscription', schema.getSubscriptionType()?.name],
  ];
  for (const [expected, actual] of roots) {
    if (actual !== undefined && actual !== expected) {
      throw new Error(`printAccountSdl: root type ${actual} should be called ${expected}`);
    }
  }
  if (schema.description) throw new Error('printAccountSdl: schema descriptions are not printed');
  const custom = schema.getDirectives().filter((directive) => !isSpecifiedDirective(directive));
  if (custom.length) throw new Error(`printAccountSdl: custom directives are not printed (${custom.map((d) => d.name).join(', ')})`);
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
