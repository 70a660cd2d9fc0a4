import {
  GraphQLSchema,
  Kind,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  parse,
  specifiedDirectives,
  type DefinitionNode,
  type GraphQLObjectType,
} from 'graphql';
import { extendSchemaImpl } from 'graphql/utilities/extendSchema';
import type { Steps } from '../utils/slicedWork';

/**
 * The schema of generated SDL chunks, built as `buildASTSchema(…, { assumeValidSDL: true })` builds
 * it, in steps: each chunk is parsed on its own, and every type's fields are resolved one type at a
 * time before the schema is assembled (graphql-js resolves them all at once inside the
 * `GraphQLSchema` constructor, the largest single block of a build). `extendSchemaImpl` is the
 * function `buildASTSchema` itself calls, used here to get the types before the schema.
 */
export function* schemaFromChunkSteps(chunks: readonly string[]): Steps<GraphQLSchema> {
  const definitions: DefinitionNode[] = [];
  for (const chunk of chunks) {
    definitions.push(...parse(chunk, { noLocation: true }).definitions);
    yield;
  }
  const config = extendSchemaImpl(
    { description: undefined, types: [], directives: [], extensions: Object.create(null), extensionASTNodes: [], assumeValid: false },
    { kind: Kind.DOCUMENT, definitions },
    { assumeValidSDL: true },
  );
  yield;
  for (const type of config.types) {
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) type.getFields();
    yield;
  }
  const root = (name: string) => config.types.find((type) => type.name === name) as GraphQLObjectType | undefined;
  const directives = [...config.directives, ...specifiedDirectives.filter((standard) => config.directives.every((own) => own.name !== standard.name))];
  return new GraphQLSchema({ ...config, query: root('Query'), mutation: root('Mutation'), directives });
}
