import type { FastifyInstance } from 'fastify';
import { graphql } from '../support/testGateway';
import { createData, type MatrixTransport, type Outcome } from './matrixDriver';
import { readableVisible, SEED, VISIBLE, type MatrixKey, type MatrixType, type Operation } from './matrixCases';

const capital = (type: MatrixType) => type.charAt(0).toUpperCase() + type.slice(1);

/**
 * The `extensions.code`s that count as a permission refusal in GraphQL, each with the HTTP status
 * it comes with: `GRAPHQL_VALIDATION_FAILED` (400) when the key's schema view has no such field or
 * type, `FORBIDDEN` (200) when the operation check or the shield refuses. Any other error (a 500,
 * `INTERNAL_SERVER_ERROR`, `BAD_USER_INPUT` from a malformed document) fails the matrix instead of
 * passing as "denied". Every refusal of the operation must carry one of these codes.
 */
export const GRAPHQL_DENIAL_CODES: Readonly<Record<string, Denial>> = {
  GRAPHQL_VALIDATION_FAILED: { status: 400 },
  // A variable holding a field the key's input type does not have, refused as for any unknown field.
  BAD_USER_INPUT: { status: 400, message: /^Variable "\$\w+" got invalid value .*; Field "\w+" is not defined by type "\w+"\.$/ },
  FORBIDDEN: { status: 200 },
};

/** How one kind of refusal arrives: its HTTP status, and for codes that also mean other things, its message. */
export interface Denial {
  status: number;
  message?: RegExp;
}

/** The selection of an object's derived values (null where the key may not see them). */
const DERIVED = 'internal { objectTitle }';

/**
 * The permission matrix through GraphQL. `keyOf` names the matrix key behind a secret: `list`
 * selects only the fields that key may read (so its derived values can be checked on an allowed
 * read), `get` selects them all (so a field the key may not read is refused).
 */
export function graphqlTransport(
  app: FastifyInstance,
  rwKey: string,
  keyOf: (secret: string) => MatrixKey | undefined = () => undefined,
  denialCodes: Readonly<Record<string, Denial>> = GRAPHQL_DENIAL_CODES,
): MatrixTransport {
  const seedId = (type: MatrixType) => SEED[type].id;
  type Document = { query: string; variables?: Record<string, unknown>; field: string };
  const createDocument = (type: MatrixType, target: string, withBody: boolean): Document => ({
    query: `mutation($d: ${capital(type)}Input!) { create${capital(type)}(data: $d) { id } }`,
    variables: { d: createData(type, target, withBody) },
    field: `create${capital(type)}`,
  });
  const documents: Record<Operation, (key: MatrixKey, type: MatrixType, target: string) => Document> = {
    get: (_key, type) => ({ query: `{ ${type}(id: "${seedId(type)}") { ${VISIBLE[type].join(' ')} ${DERIVED} } }`, field: type }),
    list: (key, type) => ({ query: `{ ${type}List(ids: ["${seedId(type)}"]) { ${readableVisible(key, type).join(' ')} ${DERIVED} } }`, field: `${type}List` }),
    count: (_key, type) => ({ query: `{ ${type}Count(ids: ["${seedId(type)}"]) }`, field: `${type}Count` }),
    create: (_key, type, target) => createDocument(type, target, false),
    createWithBody: (_key, type, target) => createDocument(type, target, true),
    update: (_key, type, target) => ({
      query: `mutation { update${capital(type)}(id: "${target}", data: {${type === 'article' ? 'title: "Changed"' : `name: "Changed ${target}"`}}) { id } }`,
      field: `update${capital(type)}`,
    }),
    updateBody: (_key, type, target) => ({ query: `mutation { update${capital(type)}(id: "${target}", data: {body: "Changed body"}) { id } }`, field: `update${capital(type)}` }),
    delete: (_key, type, target) => ({ query: `mutation { delete${capital(type)}(id: "${target}") { id deleted } }`, field: `delete${capital(type)}` }),
    readBody: (_key, type) => ({ query: `{ ${type}(id: "${seedId(type)}") { id body ${DERIVED} } }`, field: type }),
    filterOnBody: (_key, type) => ({ query: `{ ${type}List(where: {body: {type: equals, filter: "${SEED.article.body}"}}) { id ${DERIVED} } }`, field: `${type}List` }),
    filterOnSlug: (_key, type) => ({ query: `{ ${type}List(where: {slug: {type: equals, filter: "${SEED.article.slug}"}}) { id ${DERIVED} } }`, field: `${type}List` }),
    hydrateCategory: (_key, type) => ({ query: `{ ${type}(id: "${seedId(type)}") { id ${DERIVED} category { id ${DERIVED} } } }`, field: type }),
  };

  return {
    async perform(secret, type, operation, target): Promise<Outcome> {
      const key = keyOf(secret);
      if (!key) throw new Error('graphqlTransport: perform needs keyOf to know the matrix key of a secret');
      const { query, variables, field } = documents[operation](key, type, target);
      const { status, body } = await graphql(app, secret, query, variables);
      if (!body.errors?.length) {
        if (status !== 200) throw new Error(`${operation}: status ${status} without errors`);
        return { allowed: true, data: JSON.parse(JSON.stringify(body.data?.[field])) };
      }
      const codes = body.errors.map((error) => String(error.extensions?.code));
      const isDenial = (error: { message: string; extensions?: Record<string, unknown> }) => {
        const denial = denialCodes[String(error.extensions?.code)];
        return denial !== undefined && denial.status === status && (denial.message === undefined || denial.message.test(error.message));
      };
      if (!body.errors.every(isDenial) || body.data?.[field] != null) {
        throw new Error(`${operation}: not a permission refusal: status ${status} ${JSON.stringify(body)}`);
      }
      return { allowed: false, refusal: codes.join(', ') };
    },
    async inspect(type, id) {
      const fields = type === 'article' ? 'id title slug body rating internal { latestVersion }' : 'id name internal { latestVersion }';
      const { body } = await graphql(app, rwKey, `{ ${type}(id: "${id}") { ${fields} } }`);
      const found = body.data?.[type] as Record<string, unknown> | null | undefined;
      return found ? JSON.parse(JSON.stringify(found)) : undefined;
    },
    async seed(type, data) {
      const { body } = await graphql(app, rwKey, `mutation($d: ${capital(type)}Input!) { create${capital(type)}(data: $d) { id } }`, { d: data });
      if (body.errors) throw new Error(`seed failed: ${JSON.stringify(body.errors)}`);
    },
  };
}
