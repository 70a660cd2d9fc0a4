import { GraphQLObjectType } from 'graphql';
import { buildAccountSchema } from '../../src/graphql/buildAccountSchema';
import { buildShieldRules } from '../../src/graphql/shieldRules';
import { SYSTEM_CONTENT_TYPES } from '../../src/content-types/systemTypes';
import type { ContentTypeDefinition } from '../../src/content-types/contentTypeDefinition';
import { fixtureContentType } from '../support/fixtures';

function asDefinitions(inputs: unknown[]): ContentTypeDefinition[] {
  return inputs.map((input, index) => ({
    ...(input as ContentTypeDefinition),
    id: `ctd-${index}`,
    internal: false,
    createdAt: '',
    updatedAt: '',
    deletedAt: null,
    version: 1,
  }));
}

describe('graphql-shield coverage', () => {
  const { unguardedSchema, plan } = buildAccountSchema(
    asDefinitions([...SYSTEM_CONTENT_TYPES, fixtureContentType('category'), fixtureContentType('everything')]),
  );
  const rules = buildShieldRules(plan) as Record<string, Record<string, unknown>>;

  // The middleware wraps declared resolvers only: a rule on a field without one would never run.
  it('every field that carries a rule has a declared resolver', () => {
    const coordinates = Object.entries(rules).flatMap(([type, fields]) => Object.keys(fields).map((field) => [type, field] as const));
    expect(coordinates.length).toBeGreaterThan(20);
    for (const [typeName, fieldName] of coordinates) {
      const type = unguardedSchema.getType(typeName);
      expect(type).toBeInstanceOf(GraphQLObjectType);
      expect({ coordinate: `${typeName}.${fieldName}`, declared: typeof (type as GraphQLObjectType).getFields()[fieldName]?.resolve }).toEqual({
        coordinate: `${typeName}.${fieldName}`,
        declared: 'function',
      });
    }
  });

  it('every declared resolver carries a rule (nothing relies on the fallback by accident)', () => {
    for (const type of Object.values(unguardedSchema.getTypeMap())) {
      if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.resolve) expect(`${type.name}.${field.name} ${rules[type.name]?.[field.name] ? 'ruled' : 'unruled'}`).toBe(`${type.name}.${field.name} ruled`);
      }
    }
  });

  it('root fields, mutations and relations all have rules', () => {
    expect(Object.keys(rules.Query)).toEqual(expect.arrayContaining(['everything', 'everythingList', 'everythingCount', '_mediaList']));
    expect(Object.keys(rules.Mutation)).toEqual(expect.arrayContaining(['createEverything', 'updateEverything', 'deleteEverything']));
    expect(Object.keys(rules.everything)).toEqual(['categories', 'cover']);
    expect(Object.keys(rules.Everything_sections)).toEqual(['image']);
  });
});
