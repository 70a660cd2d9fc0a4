import { startTestGateway, type TestGateway } from '../support/testGateway';
import { call, contentType, ref, relation, text } from './restKit';

/**
 * `GET /api/v1/search` (spec §5.1): a literal, case-insensitive substring over the text fields the
 * key can read, in the types it can read, in Flotiq's search envelope.
 */

const tags = (label: string) =>
  [{ type: 'array', items: { type: 'string' } }, { label, inputType: 'simpleList', unique: false }] as [Record<string, unknown>, Record<string, unknown>];
const number = (label: string) =>
  [{ type: 'number' }, { label, inputType: 'number', unique: false }] as [Record<string, unknown>, Record<string, unknown>];
const textarea = (label: string) => text(label, { inputType: 'textarea' });

const TYPES = [
  contentType('note', 'Note', { text: text('Text') }),
  contentType('article', 'Article', {
    title: text('Title'),
    body: textarea('Body'),
    tags: tags('Tags'),
    secret: text('Secret'),
    rating: number('Rating'),
    related: relation('Related', 'note'),
  }),
  contentType('vault', 'Vault', { name: text('Name') }),
];

interface Hit {
  item: { id: string; internal: { contentType: string }; [field: string]: unknown };
  score: number;
}

describe('GET /api/v1/search', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  let reader: string;
  let creator: string;

  const search = async (params: string, key = keys.rw) => call(t.app, 'GET', `/api/v1/search?${params}`, { key });
  const ids = (body: { data: Hit[] }) => body.data.map((hit) => hit.item.id);
  const sorted = (body: { data: Hit[] }) => ids(body).sort();

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    for (const ctd of TYPES) await content.contentTypes.create(ctd);
    await content.objects.create('note', { id: 'n-1', text: 'Tomato notes' });
    await content.objects.create('note', { id: 'n-2', text: 'Gone tomato' });
    await content.objects.create('article', {
      id: 'a-1',
      title: 'Tomato soup',
      body: 'Hot and red, with tomato',
      tags: ['Vegan', 'Quick'],
      secret: 'needle',
      rating: 5,
      related: [ref('note', 'n-1')],
    });
    await content.objects.create('article', { id: 'a-2', title: 'Literal .* star', body: 'plain', secret: 'none' });
    await content.objects.create('article', { id: 'a-3', title: 'Pasta', body: 'with TOMATO paste', tags: ['aaaaaaaaaaaaaaaaaaaaaaaaaaaa!'] });
    await content.objects.create('vault', { id: 'v-1', name: 'tomato vault' });
    await content.objects.delete('note', 'n-2');
    // Distinct update times, so the default order (internal.updatedAt, newest first) is known.
    const times: Record<string, string> = {
      'n-1': '2024-01-01T10:00:00+00:00',
      'a-1': '2024-01-03T10:00:00+00:00',
      'a-2': '2024-01-02T10:00:00+00:00',
      'a-3': '2024-01-05T10:00:00+00:00',
      'v-1': '2024-01-04T10:00:00+00:00',
    };
    for (const [id, updatedAt] of Object.entries(times)) {
      const type = { n: 'note', a: 'article', v: 'vault' }[id[0] as 'n' | 'a' | 'v'];
      await content.scope.objects(type).updateById(id, { 'internal.updatedAt': updatedAt });
    }

    const keyService = await t.gateway.keyService(keys.accountId);
    ({ secret: reader } = await keyService.createUserKey({
      name: 'Article reader',
      rules: [
        { contentTypeDefinitionName: 'article', canRead: true, canCreate: false, canUpdate: false, canDelete: false, fields: { secret: { read: false } } },
      ],
    }));
    ({ secret: creator } = await keyService.createUserKey({
      name: 'Article creator',
      rules: [{ contentTypeDefinitionName: 'article', canRead: false, canCreate: true, canUpdate: false, canDelete: false }],
    }));
  });
  afterAll(async () => t.close());

  it('answers in the search envelope with trimmed-to-type objects and scores', async () => {
    const response = await search('q=tomato');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(['total_count', 'count', 'total_pages', 'current_page', 'summary', 'data']);
    expect(response.body).toMatchObject({ total_count: 4, count: 4, total_pages: 1, current_page: 1, summary: { aggregations: {} } });
    // Newest first: a-3 (05), v-1 (04), a-1 (03), n-1 (01); the deleted n-2 never matches.
    expect(ids(response.body)).toEqual(['a-3', 'v-1', 'a-1', 'n-1']);
    const a1 = response.body.data.find((hit: Hit) => hit.item.id === 'a-1');
    expect(a1.item).toMatchObject({ id: 'a-1', internal: { contentType: 'article', deletedAt: '' }, title: 'Tomato soup', rating: 5 });
    expect(a1.score).toBe(2); // title and body
    expect(response.body.data.find((hit: Hit) => hit.item.id === 'a-3').score).toBe(1);
  });

  it('matches case-insensitively in every text-like field, list items included', async () => {
    expect(ids((await search('q=VEGAN')).body)).toEqual(['a-1']);
    expect(ids((await search('q=paste')).body)).toEqual(['a-3']);
    expect((await search('q=nothing-like-this')).body).toEqual({
      total_count: 0,
      count: 0,
      total_pages: 0,
      current_page: 1,
      summary: { aggregations: {} },
      data: [],
    });
    // Numbers and relations are not text.
    expect((await search('q=5')).body.total_count).toBe(0);
    expect((await search('q=n-1')).body.total_count).toBe(0);
  });

  it('q=* returns every live object the key can read, with score 1', async () => {
    const response = await search('q=*&limit=100');
    expect(sorted(response.body)).toEqual(['a-1', 'a-2', 'a-3', 'n-1', 'v-1']);
    expect(response.body.data.every((hit: Hit) => hit.score === 1)).toBe(true);
    expect(sorted((await search('q=%20*%20')).body)).toEqual(['a-1', 'a-2', 'a-3', 'n-1', 'v-1']);
  });

  it('restricts to the types named in content_type (repeated or comma-separated)', async () => {
    expect(ids((await search('q=tomato&content_type=note')).body)).toEqual(['n-1']);
    expect(ids((await search('q=tomato&content_type=note&content_type=vault')).body)).toEqual(['v-1', 'n-1']);
    expect(ids((await search('q=tomato&content_type=note,article')).body)).toEqual(['a-3', 'a-1', 'n-1']);
    expect((await search('q=tomato&content_type=nosuch')).body.total_count).toBe(0);
    expect((await search('q=tomato&content_type=')).body.total_count).toBe(4);
  });

  // The form @flotiq/flotiq-api-sdk sends (`content_type[]` is among the list parameters that
  // src/rest/transport/queryParams.ts lets through).
  it('accepts content_type[] (the SDK form)', async () => {
    const response = await search('q=tomato&content_type[]=note&content_type[]=vault');
    expect(response.status).toBe(200);
    expect(ids(response.body)).toEqual(['v-1', 'n-1']);
  });

  it('pages through the results and reports the counters', async () => {
    const first = await search('q=*&limit=2&order_by=id');
    expect(first.body).toMatchObject({ total_count: 5, count: 2, total_pages: 3, current_page: 1 });
    expect(ids(first.body)).toEqual(['a-1', 'a-2']);
    const third = await search('q=*&limit=2&page=3&order_by=id');
    expect(third.body).toMatchObject({ total_count: 5, count: 1, total_pages: 3, current_page: 3 });
    expect(ids(third.body)).toEqual(['v-1']);
    expect((await search('q=*&limit=2&page=4')).body).toMatchObject({ count: 0, data: [] });
    expect((await search('q=*')).body.count).toBe(5); // default limit 20
  });

  it('orders by internal.updatedAt, internal.createdAt, internal.contentType or id', async () => {
    expect(ids((await search('q=*')).body)).toEqual(['a-3', 'v-1', 'a-1', 'a-2', 'n-1']);
    expect(ids((await search('q=*&order_direction=asc')).body)).toEqual(['n-1', 'a-2', 'a-1', 'v-1', 'a-3']);
    expect(ids((await search('q=*&order_by=internal.updatedAt&order_direction=desc')).body)).toEqual(['a-3', 'v-1', 'a-1', 'a-2', 'n-1']);
    expect(ids((await search('q=*&order_by=id&order_direction=desc')).body)).toEqual(['v-1', 'n-1', 'a-3', 'a-2', 'a-1']);
    const byType = (await search('q=*&order_by=internal.contentType')).body.data.map((hit: Hit) => hit.item.internal.contentType);
    expect(byType).toEqual(['article', 'article', 'article', 'note', 'vault']);
    expect((await search('q=*&order_by=internal.createdAt.keyword')).status).toBe(200);
  });

  it('refuses bad parameters with 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['', 'q'],
      ['q=', 'q'],
      ['q=a&q=b', 'q'],
      [`q=${'x'.repeat(257)}`, 'q'],
      ['q=*&limit=1001', 'limit'],
      ['q=*&limit=0', 'limit'],
      ['q=*&page=0', 'page'],
      ['q=*&limit=1000&page=11', 'page'],
      ['q=*&limit=100&page=101', 'page'],
      ['q=*&order_by=title', 'order_by'],
      ['q=*&order_by=secret', 'order_by'],
      ['q=*&order_direction=up', 'order_direction'],
      ['q=*&hydrate=3', 'hydrate'],
      ['q=*&q[$ne]=x', 'q'],
    ];
    for (const [params, field] of cases) {
      const response = await search(params);
      expect({ params, status: response.status, fields: Object.keys(response.body) }).toEqual({ params, status: 400, fields: [field] });
    }
    expect((await search('q=*&limit=1000&page=10')).status).toBe(200); // exactly 10,000
    expect((await search(`q=${'x'.repeat(256)}`)).status).toBe(200);
  });

  it('treats q as literal text: regular-expression syntax matches only itself', async () => {
    expect(ids((await search(`q=${encodeURIComponent('.*')}`)).body)).toEqual(['a-2']);
    expect(ids((await search(`q=${encodeURIComponent('l .* s')}`)).body)).toEqual(['a-2']);
    for (const q of ['(a+)+$', '^Tomato', 'Tomato.soup', '[a-z]+', '\\', '(', 'a{2,}', '$where']) {
      const response = await search(`q=${encodeURIComponent(q)}`);
      expect({ q, status: response.status, total: response.body.total_count }).toEqual({ q, status: 200, total: 0 });
    }
    // A catastrophic-backtracking pattern against a long run of `a`s comes back at once as text.
    const started = Date.now();
    expect((await search(`q=${encodeURIComponent('(a+)+!')}`)).body.total_count).toBe(0);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('expands relations with hydrate', async () => {
    const hit = (await search('q=soup&hydrate=1')).body.data[0];
    expect(hit.item.related).toEqual([expect.objectContaining({ id: 'n-1', text: 'Tomato notes' })]);
  });

  describe('with a user-defined key', () => {
    it('never matches on a field the key cannot read, and never returns it', async () => {
      expect((await search('q=needle')).body.total_count).toBe(1); // the RW key does find it
      const denied = await search('q=needle', reader);
      expect(denied.status).toBe(200);
      expect(denied.body.total_count).toBe(0);

      const all = await search('q=*&limit=100', reader);
      expect(sorted(all.body)).toEqual(['a-1', 'a-2', 'a-3']);
      for (const hit of all.body.data as Hit[]) expect(hit.item).not.toHaveProperty('secret');
      expect(all.text).not.toMatch(/needle/);
      const a1 = all.body.data.find((hit: Hit) => hit.item.id === 'a-1');
      expect(Object.keys(a1.item).sort()).toEqual(['body', 'id', 'internal', 'rating', 'related', 'tags', 'title']);
    });

    it('never returns types the key cannot read, even when named', async () => {
      expect(ids((await search('q=tomato', reader)).body)).toEqual(['a-3', 'a-1']);
      for (const named of ['vault', 'note', 'vault,note', 'nosuch']) {
        const response = await search(`q=tomato&content_type=${named}`, reader);
        expect({ named, status: response.status, body: response.body }).toEqual({
          named,
          status: 200,
          body: { total_count: 0, count: 0, total_pages: 0, current_page: 1, summary: { aggregations: {} }, data: [] },
        });
      }
      expect(ids((await search('q=tomato&content_type=vault,article', reader)).body)).toEqual(['a-3', 'a-1']);
    });

    it('leaves relations into unreadable types as references', async () => {
      const hit = (await search('q=soup&hydrate=1', reader)).body.data[0];
      expect(hit.item.related).toEqual([ref('note', 'n-1')]);
    });

    it('finds nothing for a key that can read no type', async () => {
      const response = await search('q=*', creator);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ total_count: 0, data: [] });
    });

    it('a read-only application key searches everything', async () => {
      expect(sorted((await search('q=tomato', keys.ro)).body)).toEqual(['a-1', 'a-3', 'n-1', 'v-1']);
    });
  });

  it('needs a key (401)', async () => {
    expect(await call(t.app, 'GET', '/api/v1/search?q=*')).toMatchObject({ status: 401, body: { code: 401, message: 'Unauthorized' } });
    expect(await search('q=*', 'cg_rw_not-a-key')).toMatchObject({ status: 401, body: { code: 401, message: 'Unauthorized' } });
  });
});
