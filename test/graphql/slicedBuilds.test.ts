import { buildASTSchema, isIntrospectionType, isObjectType, parse, printSchema, validateSchema, type GraphQLObjectType } from 'graphql';
import { normalisePermissions } from '../../src/access/normalisePermissions';
import type { ContentTypeDefinition, ContentTypeDefinitionInput } from '../../src/content-types/contentTypeDefinition';
import { SYSTEM_CONTENT_TYPES } from '../../src/content-types/systemTypes';
import { validateContentTypeDefinition } from '../../src/content-types/validateContentTypeDefinition';
import { AccountGraphQLRegistry } from '../../src/graphql/accountGraphQLRegistry';
import { buildAccountSchema, buildAccountSchemaInSlices } from '../../src/graphql/buildAccountSchema';
import { buildResolvers } from '../../src/graphql/buildResolvers';
import { fixtureAccounts } from '../../src/graphql/fixtureSchemas';
import { printedSchema, printSchemaSorted } from '../../src/graphql/printAccountSdl';
import type { ChangeFeed } from '../../src/runtime/changeFeed';
import type { ContentTypeSnapshots } from '../../src/runtime/contentTypeSnapshots';
import { largeDefinition } from '../support/largeDefinitions';

function stored(input: ContentTypeDefinitionInput): ContentTypeDefinition {
  return { ...input, id: input.name, internal: input.name.startsWith('_'), createdAt: '', updatedAt: '', deletedAt: null, version: 1 };
}

function largeAccount(types: number, properties: number): ContentTypeDefinition[] {
  const definitions = Array.from({ length: types }, (_, i) => {
    const result = validateContentTypeDefinition(largeDefinition(`large${String.fromCharCode(97 + i)}`, { properties, depth: 2 }), {
      relationTargetExists: () => true,
      isCreate: true,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return stored(result.value);
  });
  return [...SYSTEM_CONTENT_TYPES.map(stored), ...definitions];
}

const accounts = [...fixtureAccounts().map((account) => ({ name: account.name, ctds: account.ctds })), { name: 'large', ctds: largeAccount(4, 60) }];

describe('account schemas built in steps', () => {
  it.each(accounts)('the $name schema is the one buildASTSchema builds from the same SDL, valid, with every resolver set', ({ ctds }) => {
    const built = buildAccountSchema(ctds, { shield: false });
    const reference = buildASTSchema(parse(built.typeDefs), { assumeValidSDL: true });
    expect(printSchema(built.schema)).toBe(printSchema(reference));
    expect(validateSchema(built.schema)).toEqual([]);
    const resolvers = buildResolvers(built.plan) as Record<string, Record<string, unknown>>;
    const expected = Object.entries(resolvers)
      .filter(([typeName]) => isObjectType(built.schema.getType(typeName)))
      .flatMap(([typeName, members]) => Object.keys(members).map((field) => `${typeName}.${field}`));
    const withResolver = Object.values(built.schema.getTypeMap())
      .filter((type) => isObjectType(type) && !isIntrospectionType(type))
      .flatMap((type) => Object.values((type as GraphQLObjectType).getFields()).filter((field) => field.resolve).map((field) => `${type.name}.${field.name}`));
    expect(withResolver.sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(0);
  });

  it('the sliced build prints the same SDL as the build at once', async () => {
    const ctds = largeAccount(3, 40);
    const sliced = await buildAccountSchemaInSlices(ctds, {}, 0);
    expect(printSchemaSorted(sliced.schema)).toBe(printSchemaSorted(buildAccountSchema(ctds).schema));
  });

  it('the registry gives the event loop back while it builds an account schema and a key view', async () => {
    const ctds = largeAccount(12, 40);
    const snapshots = { get: async () => new Map(ctds.map((ctd) => [ctd.name, ctd])) } as unknown as ContentTypeSnapshots;
    const feed = { subscribe: () => () => undefined } as unknown as ChangeFeed;
    const registry = new AccountGraphQLRegistry(snapshots, feed, { introspection: false, maxViews: 4, sliceMs: 0 });
    let turns = 0;
    let building = true;
    const probe = () => {
      if (!building) return;
      turns++;
      setImmediate(probe);
    };
    setImmediate(probe);
    try {
      const view = await registry.forKey('sliced', normalisePermissions('rw'));
      expect(view.schema.getQueryType()?.getFields().largea).toBeDefined();
    } finally {
      building = false;
      await registry.stop();
    }
    // At least one turn per CTD for its SDL and one for its parse; a build at once gives a handful.
    expect(turns).toBeGreaterThanOrEqual(2 * 12);
  });

  it('the SDL endpoint prints a view once and serves the same text again', async () => {
    const schema = buildAccountSchema(largeAccount(2, 30)).schema;
    const first = printedSchema(schema);
    expect(printedSchema(schema)).toBe(first);
    expect(await first).toBe(printSchemaSorted(schema));
  });
});
