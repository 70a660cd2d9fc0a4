import type { IResolvers } from '@graphql-tools/utils';
import { isObjectType, isScalarType, type GraphQLFieldResolver, type GraphQLScalarType, type GraphQLSchema } from 'graphql';
import type { Steps } from '../utils/slicedWork';

/** The parts of a scalar a resolver map may give (what the SDL cannot say). */
const SCALAR_BEHAVIOUR = ['serialize', 'parseValue', 'parseLiteral'] as const;

/**
 * Sets the generated resolvers on the schema's fields and scalars, in place, one type per step.
 *
 * What `addResolversToSchema({ updateResolversInPlace: true })` does for object fields and scalars,
 * without its three whole-schema passes (serialising and re-parsing every default value and healing
 * the type map): those are for replaced enum or scalar types and default values, and the generated
 * schema has neither, so they were two thirds of this step's time. A resolver for a type or field
 * the schema lacks is a generator bug and throws, as graphql-tools does.
 */
export function* attachResolverSteps(schema: GraphQLSchema, resolvers: IResolvers): Steps<void> {
  for (const [typeName, members] of Object.entries(resolvers as Record<string, Record<string, unknown>>)) {
    const type = schema.getType(typeName);
    if (isScalarType(type)) {
      for (const part of SCALAR_BEHAVIOUR) if (typeof members[part] === 'function') (type as Writable<GraphQLScalarType>)[part] = members[part] as never;
    } else if (isObjectType(type)) {
      const fields = type.getFields();
      for (const [fieldName, resolve] of Object.entries(members)) {
        const field = fields[fieldName];
        if (!field || typeof resolve !== 'function') throw new Error(`resolver ${typeName}.${fieldName} has no field in the schema`);
        field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
      }
    } else if (Object.keys(members).length) {
      throw new Error(`resolvers for ${typeName}, which is not an object or scalar type of the schema`);
    }
    yield;
  }
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
