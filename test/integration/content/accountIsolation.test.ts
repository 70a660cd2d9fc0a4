import type { AccountContent } from '../../../src/accounts/accountContent';
import type { Database } from '../../../src/database/database';
import { accountWithFixtureTypes, failure } from '../../support/accounts';
import { dropTestDatabase, openTestDatabase } from '../../support/testDatabase';

describe('account isolation', () => {
  let database: Database;
  let alice: AccountContent;
  let bob: AccountContent;

  beforeAll(async () => {
    database = await openTestDatabase();
    alice = await accountWithFixtureTypes(database, 'Alice');
    bob = await accountWithFixtureTypes(database, 'Bob');
    await alice.objects.create('category', { id: 'category-shared', name: 'Alice only' });
  });
  afterAll(async () => dropTestDatabase(database));

  it('reads: another account gets 404 for the same id', async () => {
    await expect(alice.objects.get('category', 'category-shared')).resolves.toMatchObject({ name: 'Alice only' });
    expect(await failure(bob.objects.get('category', 'category-shared'))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
      body: { code: 404, message: 'Not found' },
    });
  });

  it('lists and counts: another account sees nothing', async () => {
    expect((await bob.objects.list('category', {})).total).toBe(0);
    expect((await alice.objects.list('category', {})).total).toBe(1);
    expect(await bob.objects.countLive('category')).toBe(0);
  });

  it('filters cannot reach into another account', async () => {
    const page = await bob.objects.list('category', { filters: JSON.stringify({ name: { type: 'equals', filter: 'Alice only' } }) });
    expect(page.items).toEqual([]);
  });

  it('writes: update and delete of another account object are 404 and change nothing', async () => {
    expect((await failure(bob.objects.patch('category', 'category-shared', { name: 'hacked' }))).status).toBe(404);
    expect((await failure(bob.objects.replace('category', 'category-shared', { name: 'hacked' }))).status).toBe(404);
    expect((await failure(bob.objects.delete('category', 'category-shared'))).status).toBe(404);
    await expect(alice.objects.get('category', 'category-shared')).resolves.toMatchObject({ name: 'Alice only' });
  });

  it('the same id can exist in both accounts independently', async () => {
    await bob.objects.create('category', { id: 'category-shared', name: 'Bob own' });
    await expect(bob.objects.get('category', 'category-shared')).resolves.toMatchObject({ name: 'Bob own' });
    await expect(alice.objects.get('category', 'category-shared')).resolves.toMatchObject({ name: 'Alice only' });
    await bob.objects.delete('category', 'category-shared');
  });

  it('unique values are per account', async () => {
    await expect(bob.objects.create('category', { name: 'Alice only' })).resolves.toMatchObject({ name: 'Alice only' });
  });

  it('relation lookups: a reference to another account object does not exist', async () => {
    const result = await failure(
      bob.objects.create('everything', {
        title: 'cross-tenant',
        categories: [{ dataUrl: '/api/v1/content/category/category-shared', type: 'internal' }],
      }),
    );
    expect(result).toMatchObject({ status: 400, body: { categories: ['This value does not exist in database'] } });
  });

  it('content types: another account does not see them', async () => {
    await alice.contentTypes.create({
      name: 'secret',
      label: 'Secret',
      schemaDefinition: {
        type: 'object',
        allOf: [
          { $ref: '#/components/schemas/AbstractContentTypeSchemaDefinition' },
          { type: 'object', properties: { code: { type: 'string' } } },
        ],
        required: [],
        additionalProperties: false,
      },
      metaDefinition: { propertiesConfig: { code: { label: 'Code', inputType: 'text', unique: false } }, order: ['code'] },
    });
    expect(await bob.contentTypes.find('secret')).toBeUndefined();
    expect((await failure(bob.objects.list('secret', {}))).status).toBe(404);
    expect((await bob.contentTypes.all()).map((t) => t.name)).not.toContain('secret');
  });
});
