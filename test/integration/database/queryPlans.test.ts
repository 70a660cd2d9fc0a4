import type { Document } from 'mongodb';
import { builtFromCurrentRecipe } from '../../../src/database/embedded/buildFerretdb';
import { call, LIBRARY_TYPES, ref } from '../../rest/restKit';
import { startTestGateway, type TestGateway } from '../../support/testGateway';

/** A `find` the data layer sent, as it can be explained again. */
interface SentFind {
  collection: string;
  filter: Document;
  sort?: Document;
}

/**
 * The plans of the queries the data layer really sends while a client reads and writes: every
 * lookup that names an object is answered without a scan (FerretDB: `filterPushdown`), and on
 * MongoDB no query at all is a collection scan. The type copies are off so reads reach the database.
 */
describe('query plans', () => {
  let t: TestGateway;
  const sent: SentFind[] = [];

  beforeAll(async () => {
    t = await startTestGateway({ monitorCommands: true, env: { TYPE_VIEWS_MB: '0', RESPONSE_CACHE_MB: '0' } });
    t.database.connection.getClient().on('commandStarted', (event) => {
      if (event.commandName !== 'find') return;
      const collection = String(event.command.find);
      if (collection.startsWith('objects.') || collection === 'content_objects' || collection === 'unique_claims') {
        sent.push({ collection, filter: event.command.filter ?? {}, sort: event.command.sort });
      }
    });
    const keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    for (const ctd of LIBRARY_TYPES) await content.contentTypes.create(ctd);
    sent.length = 0;
    await call(t.app, 'POST', '/api/v1/content/author', { key: keys.rw, body: { id: 'a-1', name: 'Ann' } });
    await call(t.app, 'POST', '/api/v1/content/category', { key: keys.rw, body: { id: 'c-1', name: 'News', author: [ref('author', 'a-1')] } });
    await call(t.app, 'PATCH', '/api/v1/content/category/c-1', { key: keys.rw, body: { name: 'Renamed' } });
    await call(t.app, 'GET', '/api/v1/content/category/c-1?hydrate=1', { key: keys.ro });
    await call(t.app, 'GET', '/api/v1/content/category?limit=10&hydrate=1', { key: keys.ro });
    await call(t.app, 'GET', '/api/v1/content/category/missing', { key: keys.ro });
    await call(t.app, 'DELETE', '/api/v1/content/author/a-1', { key: keys.rw }); // refused: referenced
  });
  afterAll(async () => t.close());

  const explain = async (find: SentFind): Promise<Document> => {
    const cursor = t.database.connection.db!.collection(find.collection).find(find.filter);
    if (find.sort) cursor.sort(find.sort);
    return cursor.explain();
  };

  // The project's own FerretDB build (with the `_id` index patch of `buildFerretdb.ts`) searches SQLite's index.
  const projectFerretdb = process.env.CONTENTGATE_TEST_FERRETDB_BIN;
  const onProjectBuild = projectFerretdb !== undefined && builtFromCurrentRecipe(projectFerretdb);

  it('answers every lookup by id from the _id (FerretDB: pushed down, and from the _id index on the project build; MongoDB: the _id index)', async () => {
    const byId = sent.filter((find) => Object.keys(find.filter).length === 1 && typeof find.filter._id === 'string');
    expect(byId.length).toBeGreaterThanOrEqual(5);
    for (const find of byId) {
      const plan = await explain(find);
      if ('ferretdbVersion' in (plan.serverInfo ?? {})) {
        expect({ find, pushed: plan.filterPushdown }).toEqual({ find, pushed: true });
        const sqlite = JSON.stringify(plan.queryPlanner?.Plan);
        if (onProjectBuild) expect({ find, sqlite }).toEqual({ find, sqlite: expect.stringMatching(/SEARCH \S+ USING INDEX \S+__id_/) });
      } else {
        expect({ find, plan: JSON.stringify(plan.queryPlanner?.winningPlan) }).not.toEqual({ find, plan: expect.stringContaining('COLLSCAN') });
      }
    }
  });

  it('on MongoDB no query is a collection scan; on FerretDB the others read only their own type', async () => {
    for (const find of sent) {
      const plan = await explain(find);
      if ('ferretdbVersion' in (plan.serverInfo ?? {})) {
        expect(find.collection === 'unique_claims' || find.collection.startsWith(`objects.`)).toBe(true);
      } else {
        expect({ find, plan: JSON.stringify(plan.queryPlanner?.winningPlan) }).not.toEqual({ find, plan: expect.stringContaining('COLLSCAN') });
      }
    }
  });
});
