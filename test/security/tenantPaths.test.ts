import type { Model } from 'mongoose';
import type { Database } from '../../src/database/database';
import { dropTestDatabase, openTestDatabase } from '../support/testDatabase';

/** Models keyed by something other than an account (the account itself, and the change feed's marks). */
const NOT_PER_ACCOUNT = ['accounts', 'changeMarks'];

/**
 * THREATS A-3: mongoose drops filter paths a schema does not declare when `strictQuery` is true, so
 * a tenant condition on an undeclared path would match every tenant. Content types are not models
 * here (objects of every type share one model, their fields under `data`), so the check is on each
 * model: the tenant path is declared, and an undeclared filter path throws on the real database.
 */
describe('tenant paths in every model (THREATS A-3)', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => dropTestDatabase(database));

  const models = () => Object.entries(database.models) as [string, Model<unknown>][];

  it('every model filters strictly: an undeclared path throws instead of being dropped', async () => {
    expect(models().length).toBeGreaterThanOrEqual(7);
    for (const [name, model] of models()) {
      expect({ name, strictQuery: model.schema.get('strictQuery') }).toEqual({ name, strictQuery: 'throw' });
      await expect(model.find({ tenantTypo: 'acc_x' } as never).exec()).rejects.toThrow(/not in schema|strictQuery/);
    }
  });

  it('every per-account model declares accountId as a required string', () => {
    for (const [name, model] of models().filter(([n]) => !NOT_PER_ACCOUNT.includes(n))) {
      const path = model.schema.path('accountId');
      expect({ name, type: path?.instance, required: Boolean(path?.isRequired) }).toEqual({ name, type: 'String', required: true });
    }
  });
});
