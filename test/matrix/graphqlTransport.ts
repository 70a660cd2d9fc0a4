import type { FastifyInstance } from 'fastify';
import { graphql } from '../support/testGateway';
import { createData, type MatrixTransport, type Outcome } from './matrixDriver';
import { SEED, type MatrixType, type Operation } from './matrixCases';

const capital = (type: MatrixType) => type.charAt(0).toUpperCase() + type.slice(1);

/** The permission matrix through GraphQL. */
export function graphqlTransport(app: FastifyInstance, rwKey: string): MatrixTransport {
  const seedId = (type: MatrixType) => (SEED[type] as { id: string }).id;
  const visible = (type: MatrixType) => (type === 'article' ? 'id title rating' : 'id name');
  const documents: Record<Operation, (type: MatrixType, target: string) => { query: string; variables?: Record<string, unknown>; field: string }> = {
    get: (type) => ({ query: `{ ${type}(id: "${seedId(type)}") { ${visible(type)} } }`, field: type }),
    list: (type) => ({ query: `{ ${type}List(ids: ["${seedId(type)}"]) { ${visible(type)} } }`, field: `${type}List` }),
    count: (type) => ({ query: `{ ${type}Count(ids: ["${seedId(type)}"]) }`, field: `${type}Count` }),
    create: (type, target) => ({
      query: `mutation($d: ${capital(type)}Input!) { create${capital(type)}(data: $d) { id } }`,
      variables: { d: createData(type, target, false) },
      field: `create${capital(type)}`,
    }),
    createWithBody: (type, target) => ({
      query: `mutation($d: ${capital(type)}Input!) { create${capital(type)}(data: $d) { id } }`,
      variables: { d: createData(type, target, true) },
      field: `create${capital(type)}`,
    }),
    update: (type, target) => ({
      query: `mutation { update${capital(type)}(id: "${target}", data: {${type === 'article' ? 'title: "Changed"' : `name: "Changed ${target}"`}}) { id } }`,
      field: `update${capital(type)}`,
    }),
    updateBody: (type, target) => ({ query: `mutation { update${capital(type)}(id: "${target}", data: {body: "Changed body"}) { id } }`, field: `update${capital(type)}` }),
    delete: (type, target) => ({ query: `mutation { delete${capital(type)}(id: "${target}") { id deleted } }`, field: `delete${capital(type)}` }),
    readBody: (type) => ({ query: `{ ${type}(id: "${seedId(type)}") { id body } }`, field: type }),
    filterOnBody: (type) => ({ query: `{ ${type}List(where: {body: {type: equals, filter: "Seed body"}}) { id } }`, field: `${type}List` }),
    hydrateCategory: (type) => ({ query: `{ ${type}(id: "${seedId(type)}") { id category { id name } } }`, field: type }),
  };

  return {
    async perform(key, type, operation, target): Promise<Outcome> {
      const { query, variables, field } = documents[operation](type, target);
      const { body } = await graphql(app, key, query, variables);
      if (body.errors?.length) return { allowed: false, refusal: String(body.errors[0].extensions?.code) };
      return { allowed: true, data: body.data?.[field] };
    },
    async inspect(type, id) {
      const fields = type === 'article' ? 'id title body rating internal { latestVersion }' : 'id name internal { latestVersion }';
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
