import { startTestGateway, type TestGateway } from '../support/testGateway';
import { graphqlTransport } from './graphqlTransport';
import { matrixCases, matrixKeys, type MatrixKey } from './matrixCases';
import { runCase, type MatrixTransport } from './matrixDriver';
import { matrixAccount, type MatrixAccount } from './matrixSetup';

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

  const cases = matrixCases().map((c, index) => [`${c.key.label} | ${c.type} | ${c.operation} → ${c.allowed ? 'allowed' : 'denied'}`, c, index] as const);

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
