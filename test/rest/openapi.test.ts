import { startTestGateway, type TestGateway } from '../support/testGateway';
import { call, contentType, LIBRARY_TYPES, text } from './restKit';

/**
 * `GET /api/v1/open-api-schema.json` (spec §5.3): an OpenAPI 3.0 document of the key's account,
 * limited to the operations the key may call (spec §4.3) and the fields it may see.
 *
 * Decision tested here: search is offered only to keys that can read some type (for any other key
 * it could only ever answer an empty page), although Flotiq's sample for a create-only key lists it.
 */

type Doc = Record<string, any>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation as `METHOD path`. */
function operations(doc: Doc): string[] {
  return Object.entries(doc.paths as Record<string, Doc>).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

function operationIds(doc: Doc): string[] {
  return Object.values(doc.paths as Record<string, Doc>).flatMap((item) => METHODS.filter((m) => item[m]).map((m) => item[m].operationId));
}

/** The structural problems of a document (empty when it is well-formed OpenAPI 3.0 as far as checked). */
function structuralProblems(doc: Doc): string[] {
  const problems: string[] = [];
  if (!/^3\.0\.\d+$/.test(doc.openapi)) problems.push(`openapi is ${doc.openapi}`);
  if (typeof doc.info?.title !== 'string' || typeof doc.info?.version !== 'string') problems.push('info needs title and version');
  const resolve = (ref: string) => {
    if (!ref.startsWith('#/')) return undefined;
    return ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Doc)[part] : undefined), doc);
  };
  const walk = (node: unknown, where: string) => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${where}/${i}`));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref') {
        if (typeof value !== 'string' || resolve(value) === undefined) problems.push(`${where}: $ref ${String(value)} does not resolve`);
        if (Object.keys(node).length !== 1) problems.push(`${where}: $ref with siblings`);
      }
      if (key === 'type' && where.includes('schema') && typeof value !== 'string' && !where.endsWith('/properties')) {
        problems.push(`${where}: type must be one string in OpenAPI 3.0`);
      }
      walk(value, `${where}/${key}`);
    }
  };
  walk(doc, '#');

  const ids = operationIds(doc);
  const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (duplicates.length) problems.push(`duplicate operationIds: ${duplicates.join(', ')}`);
  for (const [path, item] of Object.entries(doc.paths as Record<string, Doc>)) {
    const ops = METHODS.filter((method) => item[method]);
    if (ops.length === 0) problems.push(`${path}: no operations`);
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
    for (const method of ops) {
      const op = item[method];
      const where = `${method.toUpperCase()} ${path}`;
      if (typeof op.operationId !== 'string') problems.push(`${where}: no operationId`);
      if (!op.responses || Object.keys(op.responses).length === 0) problems.push(`${where}: no responses`);
      for (const [status, response] of Object.entries(op.responses ?? {}) as [string, Doc][]) {
        if (!/^[1-5]\d\d$|^default$/.test(status)) problems.push(`${where}: response key ${status}`);
        if (!response.$ref && typeof response.description !== 'string') problems.push(`${where} ${status}: no description`);
      }
      const params: Doc[] = op.parameters ?? [];
      for (const param of params) {
        if (!param.name || !['query', 'path', 'header', 'cookie'].includes(param.in) || !param.schema) problems.push(`${where}: bad parameter`);
        if (param.in === 'path' && (param.required !== true || !templated.includes(param.name))) problems.push(`${where}: path parameter ${param.name}`);
      }
      for (const name of templated) {
        if (!params.some((param) => param.in === 'path' && param.name === name)) problems.push(`${where}: {${name}} is not declared`);
      }
      if (op.requestBody && !op.requestBody.content) problems.push(`${where}: requestBody without content`);
    }
  }
  return problems;
}

describe('GET /api/v1/open-api-schema.json', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  let reader: string;
  let creator: string;
  let editor: string;
  let nobody: string;

  const fetchDoc = async (key: string, query = '', headers: Record<string, string> = {}) => {
    const response = await call(t.app, 'GET', `/api/v1/open-api-schema.json${query}`, { key, headers });
    expect(response.status).toBe(200);
    return response.body as Doc;
  };

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    for (const ctd of LIBRARY_TYPES) await content.contentTypes.create(ctd);
    const keyService = await t.gateway.keyService(keys.accountId);
    const rule = (type: string, rights: Partial<Record<'canRead' | 'canCreate' | 'canUpdate' | 'canDelete', boolean>>, fields?: unknown) => ({
      contentTypeDefinitionName: type,
      canRead: false,
      canCreate: false,
      canUpdate: false,
      canDelete: false,
      ...rights,
      ...(fields ? { fields } : {}),
    });
    ({ secret: reader } = await keyService.createUserKey({
      name: 'Category reader',
      rules: [rule('category', { canRead: true }, { secret: { read: false } })],
    }));
    ({ secret: creator } = await keyService.createUserKey({ name: 'Article creator', rules: [rule('article', { canCreate: true })] }));
    ({ secret: editor } = await keyService.createUserKey({
      name: 'Category editor',
      rules: [rule('category', { canRead: true, canCreate: true, canUpdate: true, canDelete: true }, { secret: { read: false, create: false } })],
    }));
    ({ secret: nobody } = await keyService.createUserKey({ name: 'No rules', rules: [] }));
  });
  afterAll(async () => t.close());

  it('is a well-formed OpenAPI 3.0 document for every kind of key', async () => {
    for (const key of [keys.rw, keys.ro, reader, creator, editor, nobody]) {
      const doc = await fetchDoc(key);
      expect(structuralProblems(doc)).toEqual([]);
      expect(doc.components.securitySchemes.HeaderApiKeyAuth).toEqual({ type: 'apiKey', in: 'header', name: 'X-AUTH-TOKEN' });
      expect(doc.security).toEqual([{ HeaderApiKeyAuth: [] }]);
    }
  });

  it('gives the read-write key every operation, CTD writes included', async () => {
    const doc = await fetchDoc(keys.rw);
    const ops = operations(doc);
    expect(ops).toEqual(
      expect.arrayContaining([
        'GET /api/v1/internal/contenttype',
        'POST /api/v1/internal/contenttype',
        'GET /api/v1/internal/contenttype/{name}',
        'PUT /api/v1/internal/contenttype/{name}',
        'DELETE /api/v1/internal/contenttype/{name}',
        'POST /api/v1/internal/contenttype/{name}/purge',
        'GET /api/v1/content/article',
        'POST /api/v1/content/article',
        'GET /api/v1/content/article/{id}',
        'PUT /api/v1/content/article/{id}',
        'PATCH /api/v1/content/article/{id}',
        'DELETE /api/v1/content/article/{id}',
        'POST /api/v1/content/article/batch',
        'PATCH /api/v1/content/article/batch',
        'POST /api/v1/content/article/batch-delete',
        'GET /api/v1/content/article/removed',
        'GET /api/v1/content/_media',
        'GET /api/v1/search',
        'POST /api/graphql',
        'GET /api/graphql/schema',
      ]),
    );
    const article = doc.paths['/api/v1/content/article'];
    expect(article.get).toMatchObject({ operationId: 'listArticle', tags: ['Content: Article'] });
    expect(article.post.operationId).toBe('createArticle');
    expect(doc.paths['/api/v1/content/article/batch'].post.operationId).toBe('batchCreateArticle');
    expect(doc.paths['/api/v1/content/_media'].get.operationId).toBe('listMedia');
    expect(doc.tags.map((tag: { name: string }) => tag.name)).toEqual(expect.arrayContaining(['Content: Article', 'Content: Category', 'Search']));
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['article', 'articleWithoutInternal', 'articleWithoutRequired', 'articleList', 'DataSource']),
    );
    // Built from the CTD: relations are DataSource references, required fields are kept.
    expect(doc.components.schemas.article.allOf[1].properties.categories).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/DataSource' },
      minItems: 0,
    });
    expect(doc.components.schemas.articleWithoutInternal.required).toEqual(['title']);
    expect(doc.components.schemas.articleWithoutRequired.required).toBeUndefined();
    expect(doc.components.schemas.categoryWithoutInternal.properties).toHaveProperty('secret');
  });

  it('gives the read-only key no writes', async () => {
    const ops = operations(await fetchDoc(keys.ro));
    expect(ops).toContain('GET /api/v1/content/article');
    expect(ops).toContain('GET /api/v1/search');
    expect(ops.filter((op) => !op.startsWith('GET '))).toEqual(['POST /api/graphql']);
    expect(ops.some((op) => op.endsWith('/removed'))).toBe(false);
  });

  it('gives a create-only key its create operations, the definitions it reaches and GraphQL — not search', async () => {
    const doc = await fetchDoc(creator);
    expect(operations(doc).sort()).toEqual(
      [
        'GET /api/v1/internal/contenttype',
        'GET /api/v1/internal/contenttype/{name}',
        'POST /api/v1/content/article',
        'POST /api/v1/content/article/batch',
        'POST /api/graphql',
        'GET /api/graphql/schema',
      ].sort(),
    );
    // It cannot read articles: the response schema has only the envelope; the body lists what it may write.
    expect(doc.components.schemas.article.allOf[1].properties).toEqual({});
    expect(Object.keys(doc.components.schemas.articleWithoutInternal.properties).sort()).toEqual(['categories', 'id', 'sections', 'title']);
    expect(doc.components.schemas).not.toHaveProperty('category');
  });

  it('leaves out the fields a user-defined key cannot read', async () => {
    const doc = await fetchDoc(reader);
    expect(operations(doc).sort()).toEqual(
      [
        'GET /api/v1/internal/contenttype',
        'GET /api/v1/internal/contenttype/{name}',
        'GET /api/v1/content/category',
        'GET /api/v1/content/category/{id}',
        'GET /api/v1/search',
        'POST /api/graphql',
        'GET /api/graphql/schema',
      ].sort(),
    );
    expect(Object.keys(doc.components.schemas.category.allOf[1].properties).sort()).toEqual(['author', 'name']);
    for (const name of ['category', 'categoryWithoutInternal', 'categoryWithoutRequired', 'categoryList']) {
      expect(JSON.stringify(doc.components.schemas[name])).not.toMatch(/secret/);
    }
    expect(doc.paths['/api/v1/search'].get.parameters.find((p: Doc) => p.name === 'content_type[]').schema.items.enum).toEqual(['category']);
    expect(doc.components.schemas).not.toHaveProperty('article');
  });

  it('cuts write bodies to the fields the key may write', async () => {
    const doc = await fetchDoc(editor);
    expect(operations(doc)).toEqual(expect.arrayContaining(['PUT /api/v1/content/category/{id}', 'GET /api/v1/content/category/removed']));
    expect(doc.components.schemas.category.allOf[1].properties).not.toHaveProperty('secret');
    // secret: update allowed, create denied → writable (by update), though never readable.
    expect(doc.components.schemas.categoryWithoutRequired.properties).toHaveProperty('secret');
  });

  it('gives a key without rules only GraphQL', async () => {
    expect(operations(await fetchDoc(nobody)).sort()).toEqual(['GET /api/graphql/schema', 'POST /api/graphql']);
  });

  it('names this server, from the request host (never X-Forwarded-Host) or PUBLIC_URL', async () => {
    const doc = await fetchDoc(keys.ro, '', { host: 'api.example.test:8080', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });
    expect(doc.servers).toEqual([{ url: 'http://api.example.test:8080' }]);
    expect((await fetchDoc(keys.ro, '', { host: 'bad host/"x' })).servers).toEqual([{ url: '/' }]);
    const config = t.gateway.config as { publicUrl?: string };
    const saved = config.publicUrl;
    config.publicUrl = 'https://cms.example.com/'; // PUBLIC_URL
    try {
      expect((await fetchDoc(keys.ro)).servers).toEqual([{ url: 'https://cms.example.com' }]);
    } finally {
      config.publicUrl = saved;
    }
  });

  it('lists POST /api/media to keys with create on _media and the image URLs to keys that read it', async () => {
    // Another account: the first one's plan has no room for more user keys.
    const media = await t.createAccount('Media account');
    const keyService = await t.gateway.keyService(media.accountId);
    const rule = (type: string, rights: Record<string, boolean>) => ({
      contentTypeDefinitionName: type, canRead: false, canCreate: false, canUpdate: false, canDelete: false, ...rights,
    });
    const { secret: uploader } = await keyService.createUserKey({ name: 'Uploader', rules: [rule('_media', { canCreate: true })] });
    const { secret: mediaReader } = await keyService.createUserKey({ name: 'Media reader', rules: [rule('_media', { canRead: true })] });
    const { secret: tagReader } = await keyService.createUserKey({ name: 'Tag reader', rules: [rule('_tag', { canRead: true, canCreate: true })] });
    const IMAGE_OPS = [
      'GET /image/{size}/{file}',
      'GET /image/{size}/{id}/{name}',
      'GET /image/{size}/{id}/{name}/transform/trim/{trim}',
      'GET /image/{size}/{id}/{name}/variant/{variant}',
    ];
    const MEDIA_OPS = ['POST /api/media', ...IMAGE_OPS];
    const mediaOps = async (key: string, query = '') => operations(await fetchDoc(key, query)).filter((op) => MEDIA_OPS.includes(op)).sort();

    expect(await mediaOps(keys.rw)).toEqual([...MEDIA_OPS].sort());
    expect(await mediaOps(uploader)).toEqual(['POST /api/media']);
    expect(await mediaOps(mediaReader)).toEqual(IMAGE_OPS);
    expect(await mediaOps(media.ro)).toEqual(IMAGE_OPS);
    for (const key of [reader, creator, nobody, tagReader]) expect(await mediaOps(key)).toEqual([]);
    expect(await mediaOps(keys.rw, '?user_only=1')).toEqual([]);

    expect(structuralProblems(await fetchDoc(mediaReader))).toEqual([]);
    const doc = await fetchDoc(uploader);
    expect(structuralProblems(doc)).toEqual([]);
    const upload = doc.paths['/api/media'].post;
    expect(upload).toMatchObject({ operationId: 'uploadMedia', tags: ['Media'] });
    expect(upload.requestBody.content['multipart/form-data'].schema).toMatchObject({
      required: ['file', 'type'],
      properties: { file: { type: 'string', format: 'binary' }, type: { enum: ['image', 'file'] }, save: { enum: [0, 1] } },
    });
    expect(upload.responses[200].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/_media' });

    // Image URLs need no key unless MEDIA_REQUIRE_KEY.
    expect((await fetchDoc(mediaReader)).paths['/image/{size}/{file}'].get.security).toEqual([]);
    const config = t.gateway.config as { mediaRequireKey: boolean };
    config.mediaRequireKey = true;
    try {
      expect((await fetchDoc(mediaReader)).paths['/image/{size}/{file}'].get).not.toHaveProperty('security');
    } finally {
      config.mediaRequireKey = false;
    }
  });

  it('supports user_only=1 and refuses versions other than 3', async () => {
    const ops = operations(await fetchDoc(keys.rw, '?user_only=1'));
    expect(ops.some((op) => op.includes('/content/_'))).toBe(false);
    expect(ops).toContain('GET /api/v1/content/article');
    expect(operations(await fetchDoc(keys.rw, '?version=3'))).toEqual(operations(await fetchDoc(keys.rw)));
    const refused = await call(t.app, 'GET', '/api/v1/open-api-schema.json?version=3.1', { key: keys.rw });
    expect(refused).toMatchObject({ status: 400, body: { version: [expect.any(String)] } });
  });

  it('keeps operation ids unique when type names collide in Flotiq style', async () => {
    const other = await t.createAccount('Collisions');
    const content = t.gateway.content(other.accountId);
    for (const name of ['blog_post', 'blog__post', 'media', 'content_type', 'content_types']) {
      await content.contentTypes.create(contentType(name, name, { title: text('Title') }));
    }
    const doc = await fetchDoc(other.rw);
    expect(structuralProblems(doc)).toEqual([]);
    expect(doc.paths['/api/v1/content/blog_post'].get.operationId).toBe('listBlogPost');
    expect(doc.paths['/api/v1/content/blog__post'].get.operationId).toBe('listBlog__Post');
    expect(doc.paths['/api/v1/content/media'].get.operationId).toBe('listMedia');
    expect(doc.paths['/api/v1/content/_media'].get.operationId).toBe('list_Media');
    expect(doc.paths['/api/v1/content/content_type'].post.operationId).toBe('createContent_Type');
    expect(doc.paths['/api/v1/internal/contenttype'].post.operationId).toBe('createContentType');
  });

  it('needs a key (401)', async () => {
    expect(await call(t.app, 'GET', '/api/v1/open-api-schema.json')).toMatchObject({ status: 401, body: { code: 401 } });
  });
});
