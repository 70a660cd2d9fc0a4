import { makeExecutableSchema } from '@graphql-tools/schema';
import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { PROJECT_ROOT } from '../config/config';
import { jsonScalar } from '../graphql/sdl/scalars';
import type { Gateway } from '../runtime/gateway';
import { internalResolvers } from './internalResolvers';

/** The hand-written SDL of the internal API. */
export const INTERNAL_SDL_PATH = path.join(PROJECT_ROOT, 'schema', 'internal.graphql');

/** The internal schema: built separately from every public schema and never served publicly. */
export function buildInternalSchema(gateway: Gateway): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: fs.readFileSync(INTERNAL_SDL_PATH, 'utf8'),
    resolvers: { ...internalResolvers(gateway), JSON: jsonScalar },
  });
}
