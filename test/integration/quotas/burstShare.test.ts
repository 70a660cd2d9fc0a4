import { randomBytes } from 'node:crypto';
import { call } from '../../rest/restKit';
import { fixtureContentType } from '../../support/fixtures';
import { startTestGateway, type TestGateway } from '../../support/testGateway';

const BURST = 30;
const ENV = { PLANS_JSON: JSON.stringify({ burst30: { callsPer30Days: null, burstPerSecond: BURST, maxUserKeys: 5 } }) };
const LIST = '/api/v1/content/category';

/** Waits for the start of the next whole second (the burst window). */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1005 - (Date.now() % 1000)));

/**
 * Two gateways on one database: an account's burst is shared only by the instances serving it, so
 * an account that one instance serves alone gets the whole burst there, and half once both serve it.
 */
describe('the burst shared by the instances serving an account', () => {
  const databaseName = `cgtest_${randomBytes(6).toString('hex')}`;
  let one: TestGateway;
  let two: TestGateway;

  beforeAll(async () => {
    one = await startTestGateway({ databaseName, env: ENV });
    two = await startTestGateway({ databaseName, env: ENV });
  });
  afterAll(async () => {
    await two?.close();
    await one?.database.drop();
    await one?.close();
  });

  const account = async (name: string) => {
    const created = await one.createAccount(name, 'burst30');
    await one.gateway.content(created.accountId).contentTypes.create(fixtureContentType('category'));
    return created;
  };
  /** `BURST` concurrent calls to `t` in one second (mostly); the calls admitted and the whole seconds they spanned. */
  const burst = async (t: TestGateway, key: string) => {
    await nextSecond();
    const started = Date.now();
    const statuses = await Promise.all(Array.from({ length: BURST }, () => call(t.app, 'GET', LIST, { key }).then((answer) => answer.status)));
    expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
    return { admitted: statuses.filter((status) => status === 200).length, seconds: Math.floor(Date.now() / 1000) - Math.floor(started / 1000) + 1 };
  };
  const tickBoth = async () => {
    await two.app.quotaRuntime!.tick();
    await one.app.quotaRuntime!.tick();
  };

  it('one instance serving an account alone admits the whole burst, though another instance is live', async () => {
    const alone = await account('Served by one');
    const other = await account('Served by two');
    expect((await call(two.app, 'GET', LIST, { key: other.ro })).status).toBe(200); // two is live, serving another account
    expect((await call(one.app, 'GET', LIST, { key: alone.ro })).status).toBe(200);
    await tickBoth();
    expect((await burst(one, alone.ro)).admitted).toBe(BURST);
  });

  it('two instances serving it share it: each admits half per second', async () => {
    const shared = await account('Served by both');
    expect((await call(one.app, 'GET', LIST, { key: shared.ro })).status).toBe(200);
    expect((await call(two.app, 'GET', LIST, { key: shared.ro })).status).toBe(200);
    await tickBoth();
    await tickBoth();
    const { admitted, seconds } = await burst(one, shared.ro);
    expect(admitted).toBeGreaterThanOrEqual(BURST / 2);
    expect(admitted).toBeLessThanOrEqual((BURST / 2) * seconds);
  });
});
