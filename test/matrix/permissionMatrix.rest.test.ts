import { startTestGateway, type TestGateway } from '../support/testGateway';
import { matrixCases, reachesType } from './matrixCases';
import { runCase, type MatrixTransport, type Outcome } from './matrixDriver';
import { matrixAccount, type MatrixAccount } from './matrixSetup';
import { FIELD_WITHHELD, RELATION_NOT_HYDRATED, restTransport } from './restTransport';

/** A transport that remembers the last outcome of `perform` (with its refusal, which runCase drops). */
function recording(inner: MatrixTransport): MatrixTransport & { last?: Outcome } {
  const wrapper: MatrixTransport & { last?: Outcome } = {
    async perform(key, type, operation, target) {
      wrapper.last = await inner.perform(key, type, operation, target);
      return wrapper.last;
    },
    inspect: (type, id) => inner.inspect(type, id),
    seed: (type, data) => inner.seed(type, data),
  };
  return wrapper;
}

describe('permission matrix through REST', () => {
  let t: TestGateway;
  let account: MatrixAccount;
  let transport: ReturnType<typeof recording>;

  beforeAll(async () => {
    t = await startTestGateway();
    account = await matrixAccount(t, 'Matrix REST', (rw) => restTransport(t.app, rw));
    transport = recording(restTransport(t.app, account.rw, (secret) => account.keyOf(secret)));
  });
  afterAll(async () => t.close());

  const cases = matrixCases().map((c, index) => [`${c.key.label} | ${c.type} | ${c.operation} → ${c.allowed ? 'allowed' : 'denied'}`, c, index] as const);

  it.each(cases)('%s', async (_name, c, index) => {
    const result = await runCase(transport, account.secrets.get(c.key.label)!, c, index);
    expect(result.outcome).toEqual(result.expected);
    expect(result.after).toEqual(result.expectedAfter);
    if (!c.allowed) {
      // A refusal must come from the permission layer — 404 for a key without any right on the type
      // (it does not exist for that key), 403 for one with other rights — or be one of the
      // documented REST mappings; never, say, a 400 from a malformed request passing as "denied".
      const status = reachesType(c.key, c.type) ? '403' : '404';
      expect(transport.last?.refusal).toMatch(new RegExp(`^(${status} |${FIELD_WITHHELD}$|${RELATION_NOT_HYDRATED})`));
    }
  });
});
