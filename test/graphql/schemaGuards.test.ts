import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildSchema, execute, GraphQLObjectType, isInputObjectType, isIntrospectionType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { applyMiddlewareToDeclaredResolvers } from 'graphql-middleware';
import { normalisePermissions } from '../../src/access/normalisePermissions';
import { parseScope } from '../../src/access/scopes';
import type { ContentTypeDefinition } from '../../src/content-types/contentTypeDefinition';
import { SYSTEM_CONTENT_TYPES } from '../../src/content-types/systemTypes';
import { buildAccountSchema } from '../../src/graphql/buildAccountSchema';
import { checkOperationPermissions } from '../../src/graphql/guards/checkOperationPermissions';
import { keySchemaView } from '../../src/graphql/guards/keySchemaView';
import { requirementOf } from '../../src/graphql/guards/schemaGuards';
import { SHARED_TYPE_DEFS } from '../../src/graphql/sdl/sharedTypeDefs';
import { buildShield, buildShieldRules } from '../../src/graphql/guards/shieldRules';
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

/** Every field and input field of the schema's own types, with what it requires. */
function guardedElements(schema: GraphQLSchema) {
  return Object.values(schema.getTypeMap())
    .filter((type) => !isIntrospectionType(type) && (isObjectType(type) || isInputObjectType(type)))
    .flatMap((type) =>
      Object.values((type as GraphQLObjectType).getFields()).map((field) => ({
        coordinate: `${type.name}.${field.name}`,
        requirement: requirementOf(schema, type, field),
      })),
    );
}

describe('guards read from @requiresScopes', () => {
  const ctds = asDefinitions([...SYSTEM_CONTENT_TYPES, fixtureContentType('category'), fixtureContentType('everything')]);
  const typeNames = new Set(ctds.map((ctd) => ctd.name));
  const { schema: unguardedSchema, typeDefs } = buildAccountSchema(ctds, { shield: false });
  const rules = buildShieldRules(unguardedSchema) as Record<string, Record<string, unknown>>;

  it('the generated SDL passes graphql-js SDL validation (the build itself skips it)', () => {
    expect(() => buildSchema(typeDefs)).not.toThrow();
  });

  it("every field and input field of the generated schema states a requirement (its own or its type's)", () => {
    const elements = guardedElements(unguardedSchema);
    expect(elements.length).toBeGreaterThan(200);
    expect(elements.filter((element) => element.requirement === undefined).map((element) => element.coordinate)).toEqual([]);
  });

  it('every scope in the schema follows the grammar and names a content type of the account', () => {
    const scopes = guardedElements(unguardedSchema).flatMap((element) => element.requirement!.flat());
    expect(scopes.length).toBeGreaterThan(200);
    for (const scope of new Set(scopes)) expect({ scope, type: typeNames.has(parseScope(scope)?.type ?? '') }).toEqual({ scope, type: true });
  });

  it('every field with a declared resolver carries a rule, and every rule sits on one', () => {
    const resolved = Object.values(unguardedSchema.getTypeMap())
      .filter((type): type is GraphQLObjectType => isObjectType(type) && !isIntrospectionType(type))
      .flatMap((type) => Object.values(type.getFields()).filter((field) => field.resolve).map((field) => `${type.name}.${field.name}`));
    const ruled = Object.entries(rules).flatMap(([type, fields]) => Object.keys(fields).map((field) => `${type}.${field}`));
    expect(resolved.length).toBeGreaterThan(20);
    expect(ruled.sort()).toEqual(resolved.sort());
    expect(ruled).toEqual(expect.arrayContaining(['Query.everythingList', 'Query.everythingCount', 'Mutation.deleteEverything', 'everything.categories', 'Everything_sections.image']));
  });

  describe('a field whose directive is missing is denied (deny by default)', () => {
    const typeDefs = `${SHARED_TYPE_DEFS}
      type Query {
        open: Boolean @requiresScopes(scopes: [[]])
        unstated: Boolean
        filtered(where: Where): Boolean @requiresScopes(scopes: [[]])
      }
      input Where { open: String @requiresScopes(scopes: [[]]) unstated: String }`;
    const resolvers = { Query: { open: () => true, unstated: () => true, filtered: () => true } };
    const schema = makeExecutableSchema({ typeDefs, resolvers });
    const shielded = applyMiddlewareToDeclaredResolvers(schema, buildShield(schema));
    const rw = normalisePermissions('rw');

    it('by the schema view', () => {
      const view = keySchemaView(schema, rw);
      expect(Object.keys(view.getQueryType()!.getFields())).toEqual(['open', 'filtered']);
      expect(Object.keys((view.getType('Where') as unknown as GraphQLObjectType).getFields())).toEqual(['open']);
    });

    it('by the operation check', () => {
      expect(checkOperationPermissions(schema, parse('{ open filtered(where: {open: "x"}) }'), rw)).toBeUndefined();
      expect(checkOperationPermissions(schema, parse('{ open unstated }'), rw)?.extensions.code).toBe('FORBIDDEN');
      expect(checkOperationPermissions(schema, parse('query($w: Where) { filtered(where: $w) }'), rw, null, { w: { unstated: 'x' } })?.extensions.code).toBe(
        'FORBIDDEN',
      );
    });

    it('by the shield', async () => {
      const run = (query: string) => execute({ schema: shielded, document: parse(query), contextValue: { permissions: rw } });
      expect(await run('{ open filtered(where: {open: "x"}) }')).toEqual({ data: { open: true, filtered: true } });
      const refused = await run('{ unstated }');
      expect(refused.data).toEqual({ unstated: null });
      expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect((await run('{ filtered(where: {unstated: "x"}) }')).errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });
});
