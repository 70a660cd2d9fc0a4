import { addResolversToSchema } from '@graphql-tools/schema';
import DataLoader from 'dataloader';
import { execute, isEnumType, isInputObjectType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { buildAccountSchema } from '../../src/graphql/buildAccountSchema';
import { fixtureAccounts } from '../../src/graphql/fixtureSchemas';
import type {
  Category,
  Everything,
  EverythingInput,
  Everything_Sections,
  FilterOperator,
  Geo,
  MutationCreateEverythingArgs,
  QueryEverythingArgs,
} from '../../src/generated/graphql';
import { FILTER_OPERATORS, type FilterOperator as QueryFilterOperator } from '../../src/query/filterOperators';

/**
 * The types generated from schema/everything.graphql (src/generated/graphql.ts) checked against the
 * schema the generator builds now. Type-checking (`npm run typecheck`, part of `npm test`) ties the
 * objects below to the generated types; the assertions tie them to the live schema. A field renamed
 * in the generator therefore fails here at run time until the snapshot and the types are
 * regenerated, and then fails type-checking until this file follows.
 */

const everythingAccount = fixtureAccounts().find((account) => account.name === 'everything');
if (!everythingAccount) throw new Error('the everything fixture account is missing');
const built = buildAccountSchema(everythingAccount.ctds);

/** Every field of a generated output type, as a literal the compiler checks for completeness. */
type FieldSet<T> = Record<Exclude<keyof T, '__typename'>, true>;

const EVERYTHING_FIELDS: FieldSet<Everything> = {
  id: true,
  internal: true,
  title: true,
  summary: true,
  notes: true,
  body: true,
  contactEmail: true,
  size: true,
  colour: true,
  flavours: true,
  publishedOn: true,
  extra: true,
  price: true,
  inStock: true,
  categories: true,
  cover: true,
  sections: true,
  location: true,
  keywords: true,
  content: true,
};
const CATEGORY_FIELDS: FieldSet<Category> = { id: true, internal: true, name: true };
const SECTION_FIELDS: FieldSet<Everything_Sections> = { heading: true, weight: true, image: true };
const EVERYTHING_INPUT_FIELDS: Record<keyof EverythingInput, true> = {
  id: true,
  title: true,
  summary: true,
  notes: true,
  body: true,
  contactEmail: true,
  size: true,
  colour: true,
  flavours: true,
  publishedOn: true,
  extra: true,
  price: true,
  inStock: true,
  categories: true,
  cover: true,
  sections: true,
  location: true,
  keywords: true,
  content: true,
};

/** `true` only when A and B are the same union. */
type SameUnion<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The generated enum type is exactly the query layer's operator type (a compile-time check). */
const OPERATOR_TYPES_AGREE: SameUnion<FilterOperator, QueryFilterOperator> = true;

function fieldsOf(schema: GraphQLSchema, typeName: string): string[] {
  const type = schema.getType(typeName);
  if (!isObjectType(type) && !isInputObjectType(type)) throw new Error(`${typeName} is not an object or input type`);
  return Object.keys(type.getFields()).sort();
}

describe('generated types match the schema built now', () => {
  it.each([
    ['everything', EVERYTHING_FIELDS],
    ['category', CATEGORY_FIELDS],
    ['Everything_sections', SECTION_FIELDS],
    ['EverythingInput', EVERYTHING_INPUT_FIELDS],
  ] as const)('%s has exactly the fields of its generated type', (typeName, fields) => {
    expect(fieldsOf(built.schema, typeName)).toEqual(Object.keys(fields).sort());
  });

  it('FilterOperator is the schema enum and the operators the query layer knows', () => {
    const type = built.schema.getType('FilterOperator');
    if (!isEnumType(type)) throw new Error('FilterOperator is not an enum');
    expect(OPERATOR_TYPES_AGREE).toBe(true);
    expect(type.getValues().map((value) => value.name)).toEqual([...FILTER_OPERATORS]);
  });
});

describe('a query on the built schema returns what the generated types describe', () => {
  // Stored objects in Flotiq's REST form: relations are dataUrl references.
  const stored = new Map<string, Record<string, unknown>>([
    ['category/cat-1', { id: 'cat-1', internal: { contentType: 'category' }, name: 'Soups' }],
    ['category/cat-2', { id: 'cat-2', internal: { contentType: 'category' }, name: 'Stews' }],
    [
      'everything/e-1',
      {
        id: 'e-1',
        internal: { contentType: 'everything' },
        title: 'Minestrone',
        price: 12.5,
        inStock: true,
        flavours: ['herb', 'tomato'],
        publishedOn: '2024-05-01T10:30',
        extra: { any: ['json', 1] },
        location: { lat: 52.23, lon: 21.01 },
        categories: [
          { dataUrl: '/api/v1/content/category/cat-2', type: 'internal' },
          { dataUrl: '/api/v1/content/category/cat-1', type: 'internal' },
        ],
        sections: [{ heading: 'Broth', weight: 2 }],
        content: { blocks: [{ type: 'paragraph', data: { text: 'Simmer.' } }] },
      },
    ],
  ]);
  let created: MutationCreateEverythingArgs | undefined;

  // The real schema (real relation resolvers and scalars); only the root fields, which need the
  // database, read the map above. Relation loads go through a stand-in for the request's loaders.
  const schema = addResolversToSchema({
    schema: buildAccountSchema(everythingAccount.ctds, { shield: false }).schema,
    updateResolversInPlace: false,
    resolvers: {
      Query: {
        everything: (_: unknown, args: QueryEverythingArgs) => stored.get(`everything/${args.id}`) ?? null,
      },
      Mutation: {
        createEverything: (_: unknown, args: MutationCreateEverythingArgs) => {
          created = args;
          return { id: args.data.id ?? 'new', internal: { contentType: 'everything' } };
        },
      },
    },
  });
  const contextValue = {
    loaders: {
      forType: (type: string) =>
        new DataLoader<string, Record<string, unknown> | null>(async (ids) => ids.map((id) => stored.get(`${type}/${id}`) ?? null)),
    },
  };

  type CategoryView = Required<Pick<Category, '__typename'>> & Pick<Category, 'id' | 'name'>;
  type EverythingView = Required<Pick<Everything, '__typename'>> &
    Pick<Everything, 'id' | 'title' | 'price' | 'inStock' | 'flavours' | 'publishedOn' | 'extra' | 'content'> & {
      location: Pick<Geo, 'lat' | 'lon'> | null;
      categories: CategoryView[] | null;
      sections: Pick<Everything_Sections, 'heading' | 'weight' | 'image'>[] | null;
    };

  it('reads an object with its relations', async () => {
    const variables: QueryEverythingArgs = { id: 'e-1' };
    const result = await execute({
      schema,
      contextValue,
      variableValues: variables,
      document: parse(`
        query One($id: String!) {
          everything(id: $id) {
            __typename id title price inStock flavours publishedOn extra content
            location { lat lon }
            categories { __typename id name }
            sections { heading weight image { id } }
          }
        }
      `),
    });
    const expected: { everything: EverythingView } = {
      everything: {
        __typename: 'everything',
        id: 'e-1',
        title: 'Minestrone',
        price: 12.5,
        inStock: true,
        flavours: ['herb', 'tomato'],
        publishedOn: '2024-05-01T10:30',
        extra: { any: ['json', 1] },
        content: { blocks: [{ type: 'paragraph', data: { text: 'Simmer.' } }] },
        location: { lat: 52.23, lon: 21.01 },
        categories: [
          { __typename: 'category', id: 'cat-2', name: 'Stews' },
          { __typename: 'category', id: 'cat-1', name: 'Soups' },
        ],
        sections: [{ heading: 'Broth', weight: 2, image: null }],
      },
    };
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual(expected);
  });

  it('accepts a create input typed with the generated input types', async () => {
    const variables: MutationCreateEverythingArgs = {
      data: {
        id: 'e-2',
        title: 'Goulash',
        price: 9,
        inStock: false,
        flavours: ['paprika'],
        publishedOn: '2024-06-01',
        extra: { spicy: true },
        location: { lat: 47.5, lon: 19.04 },
        categories: [{ dataUrl: '/api/v1/content/category/cat-2', type: 'internal' }],
        sections: [{ heading: 'Base', weight: 1, image: [] }],
        keywords: ['hungarian'],
      },
    };
    created = undefined;
    const result = await execute({
      schema,
      contextValue,
      variableValues: variables,
      document: parse(`mutation Create($data: EverythingInput!) { createEverything(data: $data) { id } }`),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ createEverything: { id: 'e-2' } });
    expect(JSON.parse(JSON.stringify(created))).toEqual(variables);
  });
});
