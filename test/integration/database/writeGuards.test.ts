import { AccountScope } from '../../../src/database/accountScope';
import type { Database } from '../../../src/database/database';
import { dropTestDatabase, openTestDatabase } from '../../support/testDatabase';

/** The data layer refuses writes that could leave the account or bypass the models' schemas. */
describe('write guards', () => {
  let database: Database;
  let scope: AccountScope;

  beforeAll(async () => {
    database = await openTestDatabase();
    scope = new AccountScope(database, 'acc_guard');
  });
  afterAll(async () => dropTestDatabase(database));

  it.each<[string, unknown]>([
    ['$rename into accountId', { $rename: { name: 'accountId' } }],
    ['$set of accountId', { $set: { accountId: 'acc_other' } }],
    ['$set of a nested accountId path', { $set: { 'accountId.x': 1 } }],
    ['a pipeline update', [{ $set: { accountId: 'acc_other' } }]],
    ['$setOnInsert', { $setOnInsert: { accountId: 'acc_other' } }],
    ['a path the model does not declare', { $set: { injected: true } }],
  ])('refuses %s', async (_name, update) => {
    await expect(scope.apiKeys.updateOne({ _id: 'k' }, update as never)).rejects.toThrow();
  });

  it('validates inserted documents against the model (a required field missing)', async () => {
    await expect(scope.apiKeys.insert([{ _id: 'k-1', kind: 'user' } as never])).rejects.toThrow(/required/);
    await expect(scope.objects('note').insert({ id: 'n', idKey: 'n' } as never)).rejects.toThrow(/required/);
  });

  it('ObjectCollection updates accept only $set of object fields', async () => {
    const objects = scope.objects('note');
    await expect(objects.updateById('n', { accountId: 'acc_other' })).rejects.toThrow(/accountId/);
    await expect(objects.updateById('n', { contentType: 'other' })).rejects.toThrow(/contentType/);
  });
});
