import fs from 'node:fs';
import { buildSchema, printSchema } from 'graphql';
import { buildInternalSchema, INTERNAL_SDL_PATH } from '../../src/internal/internalSchema';
import { fixtureAccounts } from '../../src/graphql/fixtureSchemas';
import { printAccountSdl } from '../../src/graphql/printAccountSdl';
import type { Gateway } from '../../src/runtime/gateway';

describe('the internal schema', () => {
  // The resolvers are not called: a gateway is only needed to build them.
  const schema = buildInternalSchema({} as Gateway);

  it('is exactly schema/internal.graphql (the snapshot the resolvers and codegen follow)', () => {
    expect(printSchema(schema)).toBe(printSchema(buildSchema(fs.readFileSync(INTERNAL_SDL_PATH, 'utf8'))));
    expect(printSchema(schema)).toMatchSnapshot();
  });

  it('has the keys namespace with every operation', () => {
    const keyMutations = schema.getType('KeyMutations');
    expect(Object.keys((keyMutations as unknown as { getFields(): object }).getFields())).toEqual(['create', 'update', 'regenerate', 'remove', 'reveal']);
  });

  it('shares no type with any public fixture schema', () => {
    const internalTypes = Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__'));
    for (const { ctds } of fixtureAccounts()) {
      const publicSdl = printAccountSdl(ctds);
      for (const name of internalTypes.filter((n) => !['String', 'Boolean', 'Int', 'ID', 'JSON', 'Query', 'Mutation', 'Float'].includes(n))) {
        expect(publicSdl).not.toMatch(new RegExp(`\\b(type|input|enum) ${name}\\b`));
      }
    }
  });
});
