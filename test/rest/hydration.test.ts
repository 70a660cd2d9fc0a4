import path from 'node:path';
import { importExportFolder } from '../../src/import/importExportFolder';
import { recordObjectReads, type ObjectRead } from '../support/objectReads';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES, ref } from './restKit';

const RECIPE_FOLDER = path.resolve(__dirname, '..', 'fixtures', 'flotiq', 'recipe');
const SOUP_IMAGE = '_media-49c2c524-cfbe-40cf-a6e2-29ebc7634b7a';
const EGG_STEP_IMAGE = '_media-74a2f308-f1d4-4b9b-a6d8-f29233d7d666';

describe('REST hydration (hydrate=0|1|2) on the recipe export', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  let reads: ObjectRead[] = [];

  beforeAll(async () => {
    // The database path: no copies of types and no cached answers (they would answer from memory).
    t = await startTestGateway({ monitorCommands: true, env: { TYPE_VIEWS_MB: '0', RESPONSE_CACHE_MB: '0' } });
    reads = recordObjectReads(t.database);
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    await importExportFolder(content, RECIPE_FOLDER);
    await content.objects.create('_tag', { id: 'tag-soup', name: 'soup' });
    await content.objects.create('_tag', { id: 'tag-egg', name: 'egg' });
    await content.objects.patch('_media', SOUP_IMAGE, { tags: [ref('_tag', 'tag-soup')] });
    await content.objects.patch('_media', EGG_STEP_IMAGE, { tags: [ref('_tag', 'tag-egg')] });
  });
  afterAll(async () => t.close());

  const get = async (url: string, key = keys.ro) => {
    const response = await call(t.app, 'GET', url, { key });
    expect(response.status).toBe(200);
    return response.body;
  };

  it('hydrate=0 (and absent) keeps references', async () => {
    for (const query of ['', '?hydrate=0']) {
      const recipe = await get(`/api/v1/content/recipe/recipe-1${query}`);
      expect(recipe.image).toEqual([ref('_media', SOUP_IMAGE)]);
    }
  });

  it('hydrate=1 expands top-level relations and those inside object lists, one level only', async () => {
    const soup = await get('/api/v1/content/recipe/recipe-1?hydrate=1');
    expect(soup.image).toHaveLength(1);
    expect(soup.image[0]).toMatchObject({ id: SOUP_IMAGE, extension: 'jpg', internal: { contentType: '_media' } });
    expect(soup.image[0].tags).toEqual([ref('_tag', 'tag-soup')]);

    const eggs = await get('/api/v1/content/recipe/recipe-2?hydrate=1');
    expect(eggs.steps[0].image[0]).toMatchObject({ id: EGG_STEP_IMAGE, internal: { contentType: '_media' } });
    expect(eggs.steps[0].image[0].tags).toEqual([ref('_tag', 'tag-egg')]);
    expect(eggs.steps[1].image[0].id).toBe('_media-74a72e0f-7545-4194-b01f-0c989e871a95');
    expect(Object.keys(eggs.steps[2])).toEqual(['step']); // a step without an image is left as it is
  });

  it('hydrate=2 expands one level deeper, inside object lists too', async () => {
    const soup = await get('/api/v1/content/recipe/recipe-1?hydrate=2');
    expect(soup.image[0].tags).toEqual([expect.objectContaining({ id: 'tag-soup', name: 'soup', internal: expect.objectContaining({ contentType: '_tag' }) })]);
    const eggs = await get('/api/v1/content/recipe/recipe-2?hydrate=2');
    expect(eggs.steps[0].image[0].tags[0]).toMatchObject({ id: 'tag-egg', name: 'egg' });
  });

  it('hydrates lists with one query for the page and reads by id for the related objects', async () => {
    await get('/api/v1/content/recipe?hydrate=2'); // warm: key and CTDs
    reads.length = 0;
    const list = await get('/api/v1/content/recipe?hydrate=2&order_by=id');
    expect(list.data.map((r: { id: string }) => r.id)).toEqual(['recipe-1', 'recipe-2', 'recipe-3']);
    expect(list.data[0].image[0].tags[0].name).toBe('soup');
    expect(list.data[1].steps[0].image[0].tags[0].name).toBe('egg');
    // The page is the only query; images and their tags are read by id (`_id` reads or one `$in`).
    expect(reads.filter((read) => read.kind === 'query')).toEqual([{ type: 'recipe', kind: 'query' }]);
    const byId = reads.filter((read) => read.kind !== 'query');
    expect(new Set(byId.map((read) => read.type))).toEqual(new Set(['_media', '_tag']));
  });

  it('refuses hydrate=3 and other values', async () => {
    for (const value of ['3', '-1', '1.5', 'true']) {
      const response = await call(t.app, 'GET', `/api/v1/content/recipe/recipe-1?hydrate=${value}`, { key: keys.ro });
      expect(response).toMatchObject({ status: 400, body: { hydrate: ['Hydrate must be 0, 1 or 2'] } });
    }
  });

  it('leaves relations into types the key cannot read as references', async () => {
    const { secret } = await (await t.gateway.keyService(keys.accountId)).createUserKey({
      name: 'Recipes only',
      rules: [{ contentTypeDefinitionName: 'recipe', canRead: true, canCreate: false, canUpdate: false, canDelete: false }],
    });
    const eggs = await get('/api/v1/content/recipe/recipe-2?hydrate=2', secret);
    expect(eggs.image).toEqual([ref('_media', '_media-621bb9cd-84d2-45ab-8fc4-9e1a8936b870')]);
    expect(eggs.steps[0].image).toEqual([ref('_media', EGG_STEP_IMAGE)]);
  });
});

describe('REST hydration with a field-restricted key', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  let reader: string;

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    for (const ctd of LIBRARY_TYPES) await content.contentTypes.create(ctd);
    await content.objects.create('author', { id: 'ann', name: 'Ann' });
    await content.objects.create('category', { id: 'news', name: 'News', secret: 's3cret', author: [ref('author', 'ann')] });
    await content.objects.create('article', {
      id: 'art-1',
      title: 'Hello',
      categories: [ref('category', 'news')],
      sections: [{ heading: 'One', category: [ref('category', 'news')] }, { heading: 'Two' }],
    });
    ({ secret: reader } = await (await t.gateway.keyService(keys.accountId)).createUserKey({
      name: 'Reader',
      rules: [
        { contentTypeDefinitionName: 'article', canRead: true, canCreate: false, canUpdate: false, canDelete: false },
        { contentTypeDefinitionName: 'category', canRead: true, canCreate: false, canUpdate: false, canDelete: false, fields: { secret: { read: false } } },
      ],
    }));
  });
  afterAll(async () => t.close());

  it('the RW key sees the whole chain at hydrate=2', async () => {
    const { body } = await call(t.app, 'GET', '/api/v1/content/article/art-1?hydrate=2', { key: keys.rw });
    expect(body.categories[0]).toMatchObject({ id: 'news', secret: 's3cret', author: [expect.objectContaining({ id: 'ann', name: 'Ann' })] });
    expect(body.sections[0].category[0]).toMatchObject({ id: 'news', author: [expect.objectContaining({ name: 'Ann' })] });
  });

  it('hydrated objects lose unreadable fields; relations into unreadable types stay references', async () => {
    for (const url of ['/api/v1/content/article/art-1?hydrate=2', '/api/v1/content/article?hydrate=2']) {
      const { status, body } = await call(t.app, 'GET', url, { key: reader });
      expect(status).toBe(200);
      const article = body.data ? body.data[0] : body;
      expect(article.categories[0]).toMatchObject({ id: 'news', name: 'News', author: [ref('author', 'ann')] });
      expect(article.categories[0]).not.toHaveProperty('secret');
      expect(article.sections[0].category[0]).not.toHaveProperty('secret');
      expect(article.sections[1]).toEqual({ heading: 'Two' });
      expect(JSON.stringify(body)).not.toContain('s3cret');
    }
  });
});
