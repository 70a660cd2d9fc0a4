import { normalisePermissions } from '../../src/access/normalisePermissions';
import { fixtureContentType } from '../support/fixtures';
import { keyRule } from '../support/keyRules';
import { readUntil } from '../support/eventually';
import { startTestGateway, type TestGateway } from '../support/testGateway';

describe('per-key GraphQL views', () => {
  let t: TestGateway;
  let accountId: string;

  beforeAll(async () => {
    t = await startTestGateway({ env: { GRAPHQL_VIEWS: '2' } });
    ({ accountId } = await t.createAccount('Views'));
    await t.gateway.content(accountId).contentTypes.create(fixtureContentType('category'));
  });
  afterAll(async () => t.close());

  const readCategories = () => normalisePermissions('user', [keyRule('category', { canRead: true })]);

  it('keys with equal rights share one view; other rights get another', async () => {
    const first = await t.gateway.graphql.forKey(accountId, readCategories());
    const second = await t.gateway.graphql.forKey(accountId, readCategories());
    expect(second).toBe(first);
    const other = await t.gateway.graphql.forKey(accountId, normalisePermissions('user', [keyRule('category', { canRead: true, canCreate: true })]));
    expect(other).not.toBe(first);
    expect(other.schema.getMutationType()?.getFields().createCategory).toBeDefined();
    expect(first.schema.getMutationType()).toBeUndefined();
  });

  it('keeps at most GRAPHQL_VIEWS views (least recently used go first)', async () => {
    const kept = await t.gateway.graphql.forKey(accountId, readCategories());
    await t.gateway.graphql.forKey(accountId, normalisePermissions('ro'));
    await t.gateway.graphql.forKey(accountId, normalisePermissions('rw'));
    expect(await t.gateway.graphql.forKey(accountId, readCategories())).not.toBe(kept);
  });

  it('a changed content type gives every key a new view that shows it', async () => {
    const before = await t.gateway.graphql.forKey(accountId, normalisePermissions('ro'));
    await t.gateway.content(accountId).contentTypes.create(fixtureContentType('article'));
    const hasArticles = await readUntil(async () => (await t.gateway.graphql.forKey(accountId, normalisePermissions('ro'))).schema.getQueryType()?.getFields().articleList !== undefined, true);
    expect(hasArticles).toBe(true);
    expect(await t.gateway.graphql.forKey(accountId, normalisePermissions('ro'))).not.toBe(before);
    expect(before.schema.getQueryType()?.getFields().articleList).toBeUndefined();
  });
});
