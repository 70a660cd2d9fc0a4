import type { AccountContent } from '../../../src/accounts/accountContent';
import type { Database } from '../../../src/database/database';
import { accountWithFixtureTypes, failure } from '../../support/accounts';
import { fixtureContentType } from '../../support/fixtures';
import { dropTestDatabase, openTestDatabase } from '../../support/testDatabase';

type Definition = ReturnType<typeof fixtureContentType> & {
  schemaDefinition: { allOf: [unknown, { properties: Record<string, unknown> }]; required: string[] };
  metaDefinition: { propertiesConfig: Record<string, Record<string, unknown>>; order: string[] };
};

const clone = (value: unknown) => JSON.parse(JSON.stringify(value)) as Definition;

describe('the CTD service on the real database', () => {
  let database: Database;
  let content: AccountContent;

  beforeAll(async () => {
    database = await openTestDatabase();
    content = await accountWithFixtureTypes(database);
  });
  afterAll(async () => dropTestDatabase(database));

  it('every account has the system types _media and _tag', async () => {
    const names = (await content.contentTypes.all()).map((ctd) => ctd.name);
    expect(names).toEqual(expect.arrayContaining(['_media', '_tag']));
    expect((await content.contentTypes.get('_media')).internal).toBe(true);
  });

  it('refuses a duplicate name and an invalid definition with Flotiq messages, storing nothing', async () => {
    expect((await failure(content.contentTypes.create(fixtureContentType('category')))).body).toEqual({ name: ['This value is already used'] });
    const invalid = { ...fixtureContentType('category'), name: 'widget', label: '' };
    expect((await failure(content.contentTypes.create(invalid))).body).toEqual({ label: ['Must be at least 1 characters long'] });
    expect(await content.contentTypes.find('widget')).toBeUndefined();
  });

  it('PUT: a removed property is stripped from objects, a changed type converted, a new one absent', async () => {
    const definition = clone({ ...fixtureContentType('category'), name: 'gadget', label: 'Gadget' });
    definition.schemaDefinition.allOf[1].properties.code = { type: 'string' };
    definition.schemaDefinition.allOf[1].properties.count = { type: 'string' };
    definition.metaDefinition.propertiesConfig.code = { label: 'Code', inputType: 'text', unique: false };
    definition.metaDefinition.propertiesConfig.count = { label: 'Count', inputType: 'text', unique: false };
    definition.metaDefinition.order.push('code', 'count');
    await content.contentTypes.create(definition);
    await content.objects.create('gadget', { id: 'g-1', name: 'First', code: 'C-1', count: '7' });

    const next = clone(definition);
    delete next.schemaDefinition.allOf[1].properties.code;
    delete next.metaDefinition.propertiesConfig.code;
    next.metaDefinition.order = next.metaDefinition.order.filter((name) => name !== 'code');
    next.schemaDefinition.allOf[1].properties.count = { type: 'number' };
    next.metaDefinition.propertiesConfig.count = { label: 'Count', inputType: 'number', unique: false };
    next.schemaDefinition.allOf[1].properties.added = { type: 'string' };
    next.metaDefinition.propertiesConfig.added = { label: 'Added', inputType: 'text', unique: false };
    next.metaDefinition.order.push('added');
    const updated = await content.contentTypes.update('gadget', next);
    expect(updated.version).toBe(2);

    const { internal: _internal, ...object } = await content.objects.get('gadget', 'g-1');
    expect(object).toEqual({ id: 'g-1', name: 'First', count: 0 });
  });

  it('PUT: when existing objects cannot conform, 400 and nothing changes', async () => {
    const before = await content.contentTypes.get('gadget');
    const next = clone(before); // a client sends back what it read (server fields are ignored)
    next.schemaDefinition.required = ['name', 'added'];
    const result = await failure(content.contentTypes.update('gadget', next));
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ added: ['The property added is required'], ctd: [expect.stringContaining('Existing objects do not conform')] });
    expect((await content.contentTypes.get('gadget')).version).toBe(before.version);
    await expect(content.objects.get('gadget', 'g-1')).resolves.toMatchObject({ count: 0 });
  });

  it('DELETE is refused while objects or relations use the type, with Flotiq messages', async () => {
    expect((await failure(content.contentTypes.delete('gadget'))).body).toEqual({ errors: ["Content Type has objects, you can't remove it!"] });
    expect((await failure(content.contentTypes.delete('category'))).body).toEqual({
      errors: ['Content type is used in a relation of content type: everything'],
    });
    expect((await failure(content.contentTypes.delete('_tag'))).body).toMatchObject({ errors: expect.arrayContaining(['System content types cannot be removed']) });
  });

  it('purge removes the objects (and the type with deleteSchema)', async () => {
    await content.contentTypes.purge('gadget', false);
    expect(await content.objects.countLive('gadget')).toBe(0);
    await content.contentTypes.purge('gadget', true);
    expect(await content.contentTypes.find('gadget')).toBeUndefined();
  });
});
