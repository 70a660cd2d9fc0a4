import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { PROJECT_ROOT } from '../../src/config/config';
import { buildAccountSchema } from '../../src/graphql/buildAccountSchema';
import { fixtureAccounts, snapshotPath } from '../../src/graphql/fixtureSchemas';
import { printAccountSdl } from '../../src/graphql/printAccountSdl';
import { lineDiff } from '../support/lineDiff';

/**
 * `schema/<fixture>.graphql` holds the SDL of each fixture account (and `src/generated/graphql.ts`
 * is generated from `schema/everything.graphql`). A change to the GraphQL generator or a fixture CTD
 * makes these tests fail until the snapshots are printed again with `npm run schema:print`.
 */

const HINT = 'run npm run schema:print (then npm run codegen) and commit the result';
const accounts = fixtureAccounts();

describe('fixture accounts', () => {
  it('are blog, recipe and everything, each with the system types', () => {
    const names = Object.fromEntries(accounts.map((account) => [account.name, account.ctds.map((ctd) => ctd.name)]));
    expect(names).toEqual({
      blog: ['_media', '_tag', 'blogpost'],
      recipe: ['_media', '_tag', 'recipe'],
      everything: ['_media', '_tag', 'category', 'everything'],
    });
    for (const account of accounts) {
      for (const ctd of account.ctds) expect(ctd.internal).toBe(ctd.name.startsWith('_'));
    }
  });

  it('are the same objects on every call (fixed ids and timestamps)', () => {
    expect(fixtureAccounts()).toEqual(accounts);
  });
});

describe.each(accounts.map((account) => [account.name, account] as const))('schema/%s.graphql', (name, account) => {
  const fresh = printAccountSdl(account.ctds);

  it('is the SDL the generator prints now', () => {
    const file = snapshotPath(name);
    const relative = path.relative(PROJECT_ROOT, file);
    if (!fs.existsSync(file)) throw new Error(`${relative} is missing: ${HINT}`);
    const committed = fs.readFileSync(file, 'utf8');
    if (committed !== fresh) {
      throw new Error(
        `${relative} is stale: ${HINT}.\n` +
          `--- ${relative} (committed)\n+++ printAccountSdl(${name}) (generated now)\n${lineDiff(committed, fresh) || '(only line ends differ)'}`,
      );
    }
  });

  it('is printed deterministically, whatever the order of the CTDs', () => {
    expect(printAccountSdl([...account.ctds].reverse())).toBe(fresh);
    expect(printAccountSdl(account.ctds)).toBe(fresh);
  });

  it('describes exactly the built schema (printSchema up to the order of definitions)', () => {
    const { schema } = buildAccountSchema(account.ctds);
    expect(printSchema(lexicographicSortSchema(buildSchema(fresh)))).toBe(printSchema(lexicographicSortSchema(schema)));
  });

  it('exposes no key-management, account or other internal names', () => {
    expect(internalNames(fresh)).toEqual([]);
  });
});

it('the internal-name check finds what it is meant to find', () => {
  const sdl = `
    type ApiKey { id: String! }
    type Account { name: String }
    type Query { keys(accountId: String): [ApiKey] keywords: [String] hashedSecret: String item(permission: String): String }
    enum Kind { keyRule, keyword }
  `;
  expect(internalNames(sdl)).toEqual(['Account', 'ApiKey', 'Kind.keyRule', 'Query.hashedSecret', 'Query.item(permission)', 'Query.keys', 'Query.keys(accountId)']);
});

/**
 * Names of the things a content schema must never expose: API keys and their secrets, accounts,
 * permissions/principals. Looks at type names, field names, argument names and enum values
 * (descriptions may mention keys harmlessly). `keywords` and other words merely containing "key"
 * are fine; `key`, `keys`, `apiKey`, `keyHash`-like names are not.
 */
function internalNames(sdl: string): string[] {
  const forbidden = /^keys?$|api_?key|key_?(hash|secret|rule|kind)|account|secret|principal|permission|encrypt/i;
  const schema = buildSchema(sdl);
  const found: string[] = [];
  const check = (name: string, label: string) => {
    if (forbidden.test(name)) found.push(label);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    check(type.name, type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(field.name, `${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) check(arg.name, `${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) check(value.name, `${type.name}.${value.name}`);
  }
  return found.sort();
}
