import { isDeepStrictEqual } from 'node:util';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { graphqlTransport } from './graphqlTransport';
import { matrixCases, type MatrixCase } from './matrixCases';
import { prepareTarget, type MatrixTransport, type Outcome } from './matrixDriver';
import { matrixAccount, type MatrixAccount } from './matrixSetup';
import { restTransport } from './restTransport';

/**
 * REST and GraphQL must take the same decision on every matrix case. Both run on one gateway, each
 * on its own seeded account (same ids, so the same targets), and the two outcomes are compared —
 * the decision always, the returned data too when both allowed. The expected outcome itself is
 * checked per transport by the two permissionMatrix tests; this one only looks for disagreement.
 */
describe('REST and GraphQL agree on every permission-matrix case', () => {
  let t: TestGateway;
  let graphqlSide: { account: MatrixAccount; transport: MatrixTransport };
  let restSide: { account: MatrixAccount; transport: MatrixTransport };

  beforeAll(async () => {
    t = await startTestGateway();
    const graphqlAccount = await matrixAccount(t, 'Parity GraphQL', (rw) => graphqlTransport(t.app, rw));
    const restAccount = await matrixAccount(t, 'Parity REST', (rw) => restTransport(t.app, rw));
    graphqlSide = { account: graphqlAccount, transport: graphqlTransport(t.app, graphqlAccount.rw, (secret) => graphqlAccount.keyOf(secret)) };
    restSide = { account: restAccount, transport: restTransport(t.app, restAccount.rw, (secret) => restAccount.keyOf(secret)) };
  });
  afterAll(async () => t.close());

  /** Seeds the case's target (as runCase does) and performs the operation on one side. */
  async function perform(side: { account: MatrixAccount; transport: MatrixTransport }, c: MatrixCase, index: number): Promise<Outcome> {
    const target = await prepareTarget(side.transport, c, index);
    return side.transport.perform(side.account.secrets.get(c.key.label)!, c.type, c.operation, target);
  }

  const describeOutcome = (outcome: Outcome) =>
    outcome.allowed ? `allowed, data ${JSON.stringify(outcome.data)}` : `denied (${outcome.refusal ?? 'no reason given'})`;

  const cases = matrixCases().map((c, index) => [`${c.key.label} | ${c.type} | ${c.operation}`, c, index] as const);

  it.each(cases)('%s', async (_name, c, index) => {
    const [graphqlOutcome, restOutcome] = await Promise.all([perform(graphqlSide, c, index), perform(restSide, c, index)]);
    const report =
      `key "${c.key.label}", type ${c.type}, operation ${c.operation} (matrix expects ${c.allowed ? 'allowed' : 'denied'}):\n` +
      `  GraphQL: ${describeOutcome(graphqlOutcome)}\n` +
      `  REST:    ${describeOutcome(restOutcome)}`;
    if (graphqlOutcome.allowed !== restOutcome.allowed) throw new Error(`REST and GraphQL take different decisions — ${report}`);
    if (graphqlOutcome.allowed && !isDeepStrictEqual(graphqlOutcome.data, restOutcome.data)) {
      throw new Error(`REST and GraphQL both allow but return different data — ${report}`);
    }
  });
});
