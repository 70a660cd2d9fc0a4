import { call, contentType, ref, relation, text } from '../../rest/restKit';
import { startTestGateway, type TestGateway } from '../../support/testGateway';

/**
 * Deletes racing writes that add a reference to what is being deleted, over HTTP on the real
 * database. Both sides write, then check (the deleter claims the object's next version, then looks
 * for references; the referrer writes, then checks its targets), so at least one sees the other:
 * afterwards no live object references a deleted or missing object, and every refusal is a clear
 * 400 or 404, never a 500.
 */
describe('deletes racing new references', () => {
  let t: TestGateway;
  let key: string;
  let accountId: string;
  const api = (method: string, url: string, body?: unknown) => call(t.app, method, url, { key, body });

  beforeAll(async () => {
    t = await startTestGateway();
    ({ rw: key, accountId } = await t.createAccount('Reference races', 'enterprise'));
    expect((await api('POST', '/api/v1/internal/contenttype', contentType('author', 'Author', { name: text('Name') }))).status).toBe(200);
    expect(
      (await api('POST', '/api/v1/internal/contenttype', contentType('article', 'Article', { title: text('Title'), authors: relation('Authors', 'author') })))
        .status,
    ).toBe(200);
  });
  afterAll(async () => t.close());

  /** Every live article's references name live authors. */
  async function expectNoDanglingReferences(): Promise<void> {
    const articles = (await api('GET', '/api/v1/content/article?limit=1000')).body.data as { id: string; authors: { dataUrl: string }[] }[];
    const authors = new Set(((await api('GET', '/api/v1/content/author?limit=1000')).body.data as { id: string }[]).map((a) => a.id));
    const dangling = articles.flatMap((article) =>
      (article.authors ?? []).map((r) => r.dataUrl.split('/').pop()!).filter((id) => !authors.has(id)).map((id) => `${article.id} → ${id}`),
    );
    expect(dangling).toEqual([]);
  }

  /** A refusal must be a Flotiq-style 400 (field map or reasons) or a 404. */
  function expectClearOutcome(response: { status: number; body: any }, success: number): void {
    if (response.status === success) return;
    expect([400, 404]).toContain(response.status);
    if (response.status === 400) {
      const body = response.body as Record<string, unknown>;
      const fieldMap = Object.values(body).every((messages) => Array.isArray(messages) && messages.every((m) => typeof m === 'string'));
      expect(fieldMap).toBe(true);
    }
  }

  it('delete X vs create Y referencing X, many pairs at once: never both, never a dangling reference', async () => {
    const PAIRS = 40;
    const outcomes = { deleteWon: 0, createWon: 0, neither: 0, both: 0 };
    for (let batch = 0; batch < PAIRS; batch += 10) {
      const ids = Array.from({ length: 10 }, (_, i) => batch + i);
      for (const i of ids) expect((await api('POST', '/api/v1/content/author', { id: `a-${i}`, name: `Author ${i}` })).status).toBe(200);
      const results = await Promise.all(
        ids.map(async (i) => {
          const [deleted, created] = await Promise.all([
            api('DELETE', `/api/v1/content/author/a-${i}`),
            api('POST', '/api/v1/content/article', { id: `y-${i}`, title: `Article ${i}`, authors: [ref('author', `a-${i}`)] }),
          ]);
          return { deleted, created };
        }),
      );
      for (const { deleted, created } of results) {
        expectClearOutcome(deleted, 204);
        expectClearOutcome(created, 200);
        const d = deleted.status === 204;
        const c = created.status === 200;
        outcomes[d && c ? 'both' : d ? 'deleteWon' : c ? 'createWon' : 'neither']++;
      }
    }
    expect(outcomes.both).toBe(0);
    expect(outcomes.deleteWon + outcomes.createWon + outcomes.neither).toBe(PAIRS);
    await expectNoDanglingReferences();
  }, 120_000);

  it('delete X vs PATCH of an existing Y adding a reference to X: the refused PATCH is undone', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await api('POST', '/api/v1/content/author', { id: `p-${i}`, name: `Author ${i}` })).status).toBe(200);
      expect((await api('POST', '/api/v1/content/article', { id: `py-${i}`, title: 'before', authors: [] })).status).toBe(200);
    }
    const results = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const [deleted, patched] = await Promise.all([
          api('DELETE', `/api/v1/content/author/p-${i}`),
          api('PATCH', `/api/v1/content/article/py-${i}`, { title: 'after', authors: [ref('author', `p-${i}`)] }),
        ]);
        return { i, deleted, patched };
      }),
    );
    for (const { i, deleted, patched } of results) {
      expectClearOutcome(deleted, 204);
      expectClearOutcome(patched, 200);
      expect(deleted.status === 204 && patched.status === 200).toBe(false);
      const article = (await api('GET', `/api/v1/content/article/py-${i}`)).body;
      // A refused PATCH left nothing of itself behind.
      expect(article.title).toBe(patched.status === 200 ? 'after' : 'before');
    }
    await expectNoDanglingReferences();
  }, 120_000);

  it('purge of a type vs creates referencing its objects: the purge is refused while referenced, nothing dangles', async () => {
    expect((await api('POST', '/api/v1/internal/contenttype', contentType('tag', 'Tag', { name: text('Name') }))).status).toBe(200);
    expect(
      (await api('POST', '/api/v1/internal/contenttype', contentType('post', 'Post', { title: text('Title'), tags: relation('Tags', 'tag') }))).status,
    ).toBe(200);
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 3; i++) expect((await api('POST', '/api/v1/content/tag', { id: `t-${round}-${i}`, name: 'x' })).status).toBe(200);
      const [purged, ...created] = await Promise.all([
        api('POST', '/api/v1/internal/contenttype/tag/purge'),
        ...[0, 1, 2].map((i) => api('POST', '/api/v1/content/post', { id: `post-${round}-${i}`, title: 't', tags: [ref('tag', `t-${round}-${i}`)] })),
      ]);
      expectClearOutcome(purged, 204);
      for (const response of created) expectClearOutcome(response, 200);
      const tags = new Set(((await api('GET', '/api/v1/content/tag?limit=1000')).body.data as { id: string }[]).map((tag) => tag.id));
      const posts = (await api('GET', '/api/v1/content/post?limit=1000')).body.data as { id: string; tags: { dataUrl: string }[] }[];
      for (const post of posts) for (const r of post.tags) expect(tags.has(r.dataUrl.split('/').pop()!)).toBe(true);
      if (purged.status !== 204) expect(purged.body).toEqual({ errors: ['Content objects of this type are used in content objects of other types.'] });
      // Clear the posts for the next round (so that a purge can win).
      for (const post of posts) expect((await api('DELETE', `/api/v1/content/post/${post.id}`)).status).toBe(204);
    }
  }, 120_000);

  it('deleting a content type vs creating an object of it, a type relating to it and a key using it', async () => {
    const keys = await t.gateway.keyService(accountId);
    for (let round = 0; round < 10; round++) {
      const name = `temp${String.fromCharCode(97 + round)}`;
      expect((await api('POST', '/api/v1/internal/contenttype', contentType(name, 'Temp', { title: text('Title') }))).status).toBe(200);
      const [deleted, created, relating, keyMade] = await Promise.all([
        api('DELETE', `/api/v1/internal/contenttype/${name}`),
        api('POST', `/api/v1/content/${name}`, { id: 'only', title: 'x' }),
        api('POST', '/api/v1/internal/contenttype', contentType(`${name}ref`, 'Relating', { title: text('Title'), to: relation('To', name) })),
        keys
          .createUserKey({ name: `k-${round}`, rules: [{ contentTypeDefinitionName: name, canRead: true, canCreate: false, canUpdate: false, canDelete: false }] })
          .then(
            () => 'created',
            (error: { status?: number }) => `refused ${error.status}`,
          ),
      ]);
      expectClearOutcome(deleted, 204);
      expectClearOutcome(created, 200);
      expectClearOutcome(relating, 200);
      expect(['created', 'refused 400']).toContain(keyMade);
      const typeExists = (await api('GET', `/api/v1/internal/contenttype/${name}`)).status === 200;
      expect(typeExists).toBe(deleted.status !== 204);
      if (!typeExists) {
        // Nothing that needs the type survived its deletion.
        expect(created.status).not.toBe(200);
        expect(relating.status).not.toBe(200);
        expect(keyMade).not.toBe('created');
        const live = await t.database.connection.db!.collection(`objects.${accountId}.${name}`).countDocuments({ 'internal.deletedAt': '' });
        expect(live).toBe(0);
      }
      // Clean up what won, so that the type can go.
      if (relating.status === 200) await api('DELETE', `/api/v1/internal/contenttype/${name}ref`);
      if (keyMade === 'created') {
        for (const k of (await keys.list()).filter((view) => view.name === `k-${round}`)) await keys.remove(k.id);
      }
    }
  }, 120_000);
});
