import type { AccountContent } from '../../../src/accounts/accountContent';
import type { Database } from '../../../src/database/database';
import { accountWithFixtureTypes, failure } from '../../support/accounts';
import { dropTestDatabase, openTestDatabase } from '../../support/testDatabase';

const ref = (type: string, id: string) => ({ dataUrl: `/api/v1/content/${type}/${id}`, type: 'internal' });

describe('content objects on the real database', () => {
  let database: Database;
  let content: AccountContent;

  beforeAll(async () => {
    database = await openTestDatabase();
    content = await accountWithFixtureTypes(database);
    await content.objects.create('category', { id: 'category-news', name: 'News' });
    await content.objects.create('_media', {
      id: '_media-cover',
      fileName: 'cover.jpg',
      mimeType: 'image/jpeg',
      size: 10,
      url: '/image/0x0/_media-cover.jpg',
      source: 'disk',
      extension: 'jpg',
      type: 'image',
    });
  });
  afterAll(async () => dropTestDatabase(database));

  const storedCount = () => database.models.contentObjects.countDocuments({ accountId: content.scope.accountId }).exec();

  it('creates with a generated Flotiq id and the internal block', async () => {
    const created = await content.objects.create('everything', { title: 'Generated' });
    expect(created.id).toMatch(/^everything-[a-zA-Z0-9]{12}$/);
    expect(created.internal).toEqual({
      contentType: 'everything',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
      updatedAt: created.internal.createdAt,
      deletedAt: '',
      objectTitle: 'Generated',
      latestVersion: 1,
      status: 'public',
      workflowState: 'saved',
    });
    await expect(content.objects.get('everything', created.id)).resolves.toEqual(created);
  });

  it('ignores internal on input and keeps client ids, looked up case-insensitively', async () => {
    const created = await content.objects.create('everything', {
      id: 'Everything-Custom-1',
      title: 'Custom',
      internal: { createdAt: '1999-01-01T00:00:00+00:00' },
    });
    expect(created.id).toBe('Everything-Custom-1');
    expect(created.internal.createdAt).not.toBe('1999-01-01T00:00:00+00:00');
    await expect(content.objects.get('everything', 'everything-custom-1')).resolves.toMatchObject({ title: 'Custom' });
  });

  it('stores every input type and reads it back unchanged, including an editor.js table', async () => {
    const body = {
      id: 'everything-full',
      title: 'Full',
      summary: 'A summary',
      notes: '# Markdown',
      body: '<p>HTML</p>',
      contactEmail: 'someone@example.com',
      size: 'M',
      colour: 'green',
      flavours: ['sweet', 'salty'],
      publishedOn: '2024-12-22T12:00',
      extra: 'custom value',
      price: 12.5,
      inStock: true,
      categories: [ref('category', 'category-news')],
      cover: [ref('_media', '_media-cover')],
      sections: [{ heading: 'One', weight: 1, image: [ref('_media', '_media-cover')] }, { heading: 'Two' }],
      location: { lat: 52.4, lon: 16.9 },
      keywords: ['a', 'b'],
      content: {
        time: 1700000000000,
        blocks: [
          { id: 'p1', type: 'paragraph', data: { text: 'Hello' } },
          { id: 't1', type: 'table', data: { withHeadings: true, content: [['h1', 'h2'], ['c1', 'c2']] } },
          { id: 'd1', type: 'delimiter', data: {} },
        ],
        version: '2.22.0',
      },
    };
    const created = await content.objects.create('everything', body);
    const { internal, ...rest } = await content.objects.get('everything', 'everything-full');
    expect(rest).toEqual(body);
    expect(internal.latestVersion).toBe(1);
    expect(created.id).toBe('everything-full');
  });

  it.each([
    ['a missing required field', { summary: 'no title' }, { title: ['The property title is required'] }],
    ['a wrong type', { title: 'x', price: 'cheap' }, { price: ['String value found, but a number is required'] }],
    ['an unknown field', { title: 'x', nope: 1 }, { nope: [expect.stringContaining('not defined')] }],
    ['a value outside the options', { title: 'x', colour: 'purple' }, { colour: ['The value does not match possible options'] }],
    ['an invalid id', { id: 'bad/id', title: 'x' }, { id: [expect.stringContaining('Does not match the regex pattern')] }],
    ['a NUL character', { title: 'nul\u0000byte' }, { title: ['NUL characters are not allowed'] }],
    ['a __proto__ key', JSON.parse('{"title":"x","location":{"lat":1,"lon":2,"__proto__":{"polluted":true}}}'), {
      'location.__proto__': [expect.stringContaining('not allowed')],
    }],
    ['a dangling relation', { title: 'x', categories: [ref('category', 'category-missing')] }, {
      categories: ['This value does not exist in database'],
    }],
  ])('refuses %s with Flotiq error map and writes nothing', async (_case, body, expected) => {
    const before = await storedCount();
    const result = await failure(content.objects.create('everything', body));
    expect(result.status).toBe(400);
    expect(result.body).toEqual(expected);
    expect(await storedCount()).toBe(before);
  });

  it('refuses a duplicate id and a duplicate unique value', async () => {
    await content.objects.create('everything', { id: 'everything-dup', title: 'Unique title' });
    expect((await failure(content.objects.create('everything', { id: 'EVERYTHING-DUP', title: 'Other' }))).body).toEqual({
      id: ['This value is already used'],
    });
    expect((await failure(content.objects.create('everything', { title: 'Unique title' }))).body).toEqual({
      title: ['This value is already used'],
    });
  });

  it('frees a unique value when the holder changes it or is deleted', async () => {
    const holder = await content.objects.create('everything', { title: 'Freed later' });
    await content.objects.patch('everything', holder.id, { title: 'Changed' });
    await expect(content.objects.create('everything', { title: 'Freed later' })).resolves.toMatchObject({ title: 'Freed later' });
    const second = await content.objects.create('everything', { title: 'Deleted holder' });
    await content.objects.delete('everything', second.id);
    await expect(content.objects.create('everything', { title: 'Deleted holder' })).resolves.toBeDefined();
  });

  it('refuses an object over 1 MB with 413', async () => {
    const result = await failure(content.objects.create('everything', { id: 'everything-big', title: 'big', body: 'x'.repeat(1024 * 1024) }));
    expect(result.status).toBe(413);
    expect(result.body).toEqual({
      code: 413,
      message: expect.stringMatching(/^Content Object size limit exceeded by an object with ID: everything-big\. Requested size 1 MB, limit: 1 MB\)$/),
    });
  });

  it('PUT replaces, PATCH merges, both bump latestVersion', async () => {
    await content.objects.create('everything', { id: 'everything-edit', title: 'Edit me', summary: 'keep?' });
    const replaced = await content.objects.replace('everything', 'everything-edit', { title: 'Replaced' });
    expect(replaced).not.toHaveProperty('summary');
    expect(replaced.internal.latestVersion).toBe(2);
    const patched = await content.objects.patch('everything', 'everything-edit', { price: 3 });
    expect(patched).toMatchObject({ title: 'Replaced', price: 3 });
    expect(patched.internal.latestVersion).toBe(3);
    expect((await failure(content.objects.replace('everything', 'everything-edit', { id: 'other', title: 'x' }))).body).toEqual({
      id: ['The id in the body must equal the id in the path'],
    });
    expect((await failure(content.objects.patch('everything', 'everything-edit', { price: 'no' }))).body).toEqual({
      price: ['String value found, but a number is required'],
    });
    await expect(content.objects.get('everything', 'everything-edit')).resolves.toMatchObject({ price: 3 });
  });

  it('soft-deletes, refuses deleting a referenced object, and lists removed ids', async () => {
    const since = '2000-01-01T00:00:00+00:00';
    await content.objects.create('category', { id: 'category-used', name: 'Used' });
    await content.objects.create('everything', { id: 'everything-user', title: 'User', categories: [ref('category', 'category-used')] });
    expect(await failure(content.objects.delete('category', 'category-used'))).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      body: { errors: ['This content object is used in another content object.'] },
    });
    await content.objects.delete('everything', 'everything-user');
    await content.objects.delete('category', 'category-used');
    expect((await failure(content.objects.get('category', 'category-used'))).status).toBe(404);
    expect(await content.objects.removedSince('category', since)).toContain('category-used');
    const raw = await database.models.contentObjects.findOne({ accountId: content.scope.accountId, idKey: 'category-used' }).lean().exec();
    expect(raw?.internal.deletedAt).not.toBe('');
  });

  it('refuses a relation to the wrong type and too many items for a single relation', async () => {
    expect((await failure(content.objects.create('everything', { title: 'w', categories: [ref('_media', '_media-cover')] }))).status).toBe(400);
    const many = await failure(
      content.objects.create('everything', { title: 'm', cover: [ref('_media', '_media-cover'), ref('_media', '_media-cover')] }),
    );
    expect(many.status).toBe(400);
    expect(Object.keys(many.body as object)).toEqual(['cover']);
  });

  it('refuses unknown content types with 404', async () => {
    expect((await failure(content.objects.create('nope', { title: 'x' }))).status).toBe(404);
    expect((await failure(content.objects.list('nope', {}))).status).toBe(404);
  });
});
