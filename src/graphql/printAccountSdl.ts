import { getDocumentNodeFromSchema } from '@graphql-tools/utils';
import { Kind, print, type DefinitionNode, type GraphQLSchema } from 'graphql';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import { runAtOnce, runInSlices, type Steps } from '../utils/slicedWork';
import { buildAccountSchema } from './buildAccountSchema';

/**
 * The SDL of an account's GraphQL schema with every `@requiresScopes` guard on the field it
 * guards, one definition per block: directive definitions first, then the named types in
 * code-point order of their names.
 *
 * Deterministic: the text depends only on the CTDs, not on the order they are given in, the host's
 * locale or how the schema's type map was filled. Fields keep the generated order (the CTD's
 * `order`, which is what clients see in introspection). The result has `\n` line ends and exactly
 * one final newline, so snapshots compare byte for byte.
 */
export function printAccountSdl(ctds: readonly ContentTypeDefinition[]): string {
  return printSchemaSorted(buildAccountSchema(ctds).schema);
}

/** The schema with its applied directives, directive definitions first, then types sorted by name. */
export function printSchemaSorted(schema: GraphQLSchema): string {
  return runAtOnce(printSchemaSortedSteps(schema));
}

const printed = new WeakMap<GraphQLSchema, Promise<string>>();

/** `printSchemaSorted` printed in slices, once per schema (the SDL endpoint serves it from here). */
export function printedSchema(schema: GraphQLSchema): Promise<string> {
  let text = printed.get(schema);
  if (!text) {
    text = runInSlices(printSchemaSortedSteps(schema));
    printed.set(schema, text);
  }
  return text;
}

/** `printSchemaSorted` one definition per step. */
function* printSchemaSortedSteps(schema: GraphQLSchema): Steps<string> {
  const definitions = getDocumentNodeFromSchema(schema).definitions.filter((definition) => definition.kind !== Kind.SCHEMA_DEFINITION);
  yield;
  const sorted = [...definitions].sort((a, b) => rank(a) - rank(b) || byCodePoint(nameOf(a), nameOf(b)));
  const texts: string[] = [];
  for (const definition of sorted) {
    texts.push(print(definition));
    yield;
  }
  return `${texts.join('\n\n').replace(/\r\n?/g, '\n').trimEnd()}\n`;
}

function rank(definition: DefinitionNode): number {
  return definition.kind === Kind.DIRECTIVE_DEFINITION ? 0 : 1;
}

function nameOf(definition: DefinitionNode): string {
  return 'name' in definition && definition.name ? definition.name.value : '';
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
