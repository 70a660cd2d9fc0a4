import { fixtureContentType } from '../support/fixtures';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { graphqlTransport } from './graphqlTransport';
import { matrixCases, matrixKeys, rulesOf, SEED, type MatrixKey } from './matrixCases';
import { runCase, type MatrixTransport } from './matrixDriver';

describe('permission matrix through GraphQL', () => {
  let t: TestGateway;
  let transport: MatrixTransport;
  const secrets = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestGateway();
    const account = await t.createAccount('Matrix', 'enterprise');
    const content = t.gateway.content(account.accountId);
    await content.contentTypes.create(fixtureContentType('category'));
    await content.contentTypes.create(fixtureContentType('article'));
    transport = graphqlTransport(t.app, account.rw);
    await transport.seed('category', { ...SEED.category });
    await transport.seed('article', JSON.parse(JSON.stringify(SEED.article)));
    const keys = await t.gateway.keyService(account.accountId);
    for (const key of matrixKeys()) {
      if (key.kind === 'rw') secrets.set(key.label, account.rw);
      else if (key.kind === 'ro') secrets.set(key.label, account.ro);
      else secrets.set(key.label, (await keys.createUserKey({ name: key.label, rules: rulesOf(key) })).secret);
    }
  });
  afterAll(async () => t.close());

  const cases = matrixCases().map((c, index) => [`${c.key.label} | ${c.type} | ${c.operation} → ${c.allowed ? 'allowed' : 'denied'}`, c, index] as const);

  it('covers every key kind, each single right flipped and field narrowings', () => {
    const labels = matrixKeys().map((key: MatrixKey) => key.label);
    expect(labels).toEqual(expect.arrayContaining(['application rw', 'application ro', 'article: all off', 'article: only canDelete', 'category: all but canRead', 'article: all on, body read off']));
    expect(cases.length).toBeGreaterThan(250);
    expect(cases.filter(([, c]) => c.allowed).length).toBeGreaterThan(60);
    expect(cases.filter(([, c]) => !c.allowed).length).toBeGreaterThan(60);
  });

  it.each(cases)('%s', async (_name, c, index) => {
    const result = await runCase(transport, secrets.get(c.key.label)!, c, index);
    expect(result.outcome).toEqual(result.expected);
    expect(result.after).toEqual(result.expectedAfter);
  });
});
