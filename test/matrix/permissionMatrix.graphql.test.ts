import type { GuardLayers } from '../../src/graphql/guards/guardLayers';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { GRAPHQL_DENIAL_CODES, graphqlTransport, type Denial } from './graphqlTransport';
import { matrixCases, matrixKeys, type MatrixKey } from './matrixCases';
import { runCase, type MatrixTransport } from './matrixDriver';
import { matrixAccount, type MatrixAccount } from './matrixSetup';

const cases = matrixCases().map((c, index) => [`${c.key.label} | ${c.type} | ${c.operation} → ${c.allowed ? 'allowed' : 'denied'}`, c, index] as const);

describe('permission matrix through GraphQL', () => {
  let t: TestGateway;
  let account: MatrixAccount;
  let transport: MatrixTransport;

  beforeAll(async () => {
    t = await startTestGateway();
    account = await matrixAccount(t, 'Matrix', (rw) => graphqlTransport(t.app, rw));
    transport = graphqlTransport(t.app, account.rw, (secret) => account.keyOf(secret));
  });
  afterAll(async () => t.close());

  it('covers every key kind, each single right flipped, multi-rule keys and field narrowings', () => {
    const keys = matrixKeys();
    expect(keys.map((key: MatrixKey) => key.label)).toEqual(
      expect.arrayContaining(['application rw', 'application ro', 'article: all off', 'article: only canDelete; category: all but canDelete', 'article: all on, body read off']),
    );
    expect(keys.filter((key) => Object.keys(key.rules ?? {}).length > 1).length).toBeGreaterThanOrEqual(10);
    const narrowed = (field: string) => keys.some((key) => Object.values(key.rules ?? {}).some((rule) => rule.denied?.[field]?.includes('read')));
    expect(['body', 'title', 'slug', 'name'].every(narrowed)).toBe(true);
    expect(cases.length).toBeGreaterThan(300);
    const allowed = cases.filter(([, c]) => c.allowed);
    const denied = cases.filter(([, c]) => !c.allowed);
    expect(allowed.length).toBeGreaterThan(100);
    expect(denied.length).toBeGreaterThan(100);
    // Most denials come from a rule that exists but lacks the right, not from a type without rule.
    const withoutRule = denied.filter(([, c]) => c.key.kind === 'user' && !c.key.rules?.[c.type]);
    expect(withoutRule.length / denied.length).toBeLessThan(0.3);
    // Hydration is allowed for user keys, into readable categories with and without their title.
    const hydrations = allowed.filter(([, c]) => c.operation === 'hydrateCategory' && c.key.kind === 'user');
    expect(hydrations.length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases)('%s', async (_name, c, index) => {
    const result = await runCase(transport, account.secrets.get(c.key.label)!, c, index);
    expect(result.outcome).toEqual(result.expected);
    expect(result.after).toEqual(result.expectedAfter);
  });
});

/**
 * Each permission layer alone (the others switched off) must give every case its expected outcome:
 * a layer that stopped acting — a shield rule map of `{}`, an operation check that allows all, a
 * view that prunes nothing — fails here although the others would still hide it. Each layer refuses
 * with its own code only: the view by validation, the operation check and the shield by FORBIDDEN.
 */
describe.each<[string, GuardLayers, Record<string, Denial>]>([
  ['the schema view alone', { views: true, operationCheck: false, shield: false }, { GRAPHQL_VALIDATION_FAILED: GRAPHQL_DENIAL_CODES.GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT: GRAPHQL_DENIAL_CODES.BAD_USER_INPUT }],
  ['the operation check alone', { views: false, operationCheck: true, shield: false }, { FORBIDDEN: GRAPHQL_DENIAL_CODES.FORBIDDEN }],
  ['graphql-shield alone', { views: false, operationCheck: false, shield: true }, { FORBIDDEN: GRAPHQL_DENIAL_CODES.FORBIDDEN }],
])('permission matrix through GraphQL with %s', (_layer, layers, denialCodes) => {
  let t: TestGateway;
  let account: MatrixAccount;
  let transport: MatrixTransport;

  beforeAll(async () => {
    t = await startTestGateway({ graphqlGuards: layers });
    account = await matrixAccount(t, 'Matrix', (rw) => graphqlTransport(t.app, rw));
    transport = graphqlTransport(t.app, account.rw, (secret) => account.keyOf(secret), denialCodes);
  });
  afterAll(async () => t.close());

  it.each(cases)('%s', async (_name, c, index) => {
    const result = await runCase(transport, account.secrets.get(c.key.label)!, c, index);
    expect(result.outcome).toEqual(result.expected);
    expect(result.after).toEqual(result.expectedAfter);
  });
});
