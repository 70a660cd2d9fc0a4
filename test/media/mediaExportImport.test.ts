import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportAccount } from '../../src/import/exportAccount';
import { importExportFolder } from '../../src/import/importExportFolder';
import { sha256Of } from '../../src/media/mediaFiles';
import { call } from '../rest/restKit';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { image, SIGNATURES, upload } from './mediaKit';

/** Objects as the REST API answers them, without the server's `internal` and ordered by id. */
const comparable = (objects: Record<string, unknown>[]) =>
  objects.map(({ internal: _internal, ...rest }) => rest).sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe('export and import carry media files (over HTTP, real database)', () => {
  let t: TestGateway;
  let source: { accountId: string; rw: string; ro: string };
  const uploaded = new Map<string, { sha256: string; url: string; extension: string }>();
  let folder: string;
  const mediaDir = () => path.join(folder, 'InternalContentTypeMedia');
  const files = () => t.database.connection.db!.collection('media.files');
  const mediaOf = async (key: string) => (await call(t.app, 'GET', '/api/v1/content/_media?limit=100', { key })).body.data as Record<string, unknown>[];

  beforeAll(async () => {
    t = await startTestGateway();
    source = await t.createAccount('Media source', 'pro');
    const sent: [string, 'image' | 'file', Buffer][] = [
      ['photo.png', 'image', await image('png', 64, 48)],
      ['photo.jpg', 'image', await image('jpeg', 80, 60)],
      ['logo.svg', 'image', SIGNATURES.svg],
      ['doc.pdf', 'file', SIGNATURES.pdf],
      ['data.json', 'file', SIGNATURES.json],
    ];
    for (const [fileName, type, bytes] of sent) {
      const created = await upload(t.app, { key: source.rw, type, file: { bytes, fileName } });
      expect(created.status).toBe(200);
      uploaded.set(created.body.id, { sha256: sha256Of(bytes), url: created.body.url, extension: created.body.extension });
    }
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'contentgate-media-export-'));
  });
  afterAll(async () => {
    fs.rmSync(folder, { recursive: true, force: true });
    await t.close();
  });

  it("export writes each _media object's file beside its objects as {id}.{extension}, byte for byte", async () => {
    const summary = await exportAccount(t.gateway.content(source.accountId), folder);
    expect(summary.files).toBe(uploaded.size);
    for (const [id, file] of uploaded) {
      expect(sha256Of(fs.readFileSync(path.join(mediaDir(), `${id}.${file.extension}`)))).toBe(file.sha256);
    }
    expect(fs.readdirSync(mediaDir()).sort()).toEqual(
      ['ContentTypeDefinition.json', 'contentObjectMedia.json', ...[...uploaded].map(([id, file]) => `${id}.${file.extension}`)].sort(),
    );
  });

  it('import into a fresh account stores the files under the same ids and urls; objects equal', async () => {
    const target = await t.createAccount('Media target', 'pro');
    const summary = await importExportFolder(t.gateway.content(target.accountId), folder);
    expect(summary.files).toBe(uploaded.size);
    expect(comparable(await mediaOf(target.rw))).toEqual(comparable(await mediaOf(source.rw)));
    for (const [id, file] of uploaded) {
      const stored = await t.gateway.content(target.accountId).media.get(id, target.accountId);
      expect(stored && sha256Of(stored.bytes)).toBe(file.sha256);
    }

    // The copies are the target's own: with the source's objects (and files) deleted, the urls still load.
    for (const id of uploaded.keys()) {
      expect((await call(t.app, 'DELETE', `/api/v1/content/_media/${id}`, { key: source.rw })).status).toBe(204);
    }
    expect(await files().countDocuments({ 'metadata.accountId': source.accountId })).toBe(0);
    for (const file of uploaded.values()) {
      const response = await t.app.inject({ method: 'GET', url: file.url });
      expect(response.statusCode).toBe(200);
      expect(sha256Of(response.rawPayload)).toBe(file.sha256);
    }

    // Importing again stores nothing new.
    const before = await files().countDocuments({ 'metadata.accountId': target.accountId });
    expect((await importExportFolder(t.gateway.content(target.accountId), folder)).files).toBe(0);
    expect(await files().countDocuments({ 'metadata.accountId': target.accountId })).toBe(before);
    expect(before).toBe(uploaded.size);
    expect((await mediaOf(target.rw)).length).toBe(uploaded.size);
  });

  it('a second file under one id of one account is refused and the first stays whole', async () => {
    const account = await t.createAccount('Twice stored');
    const media = t.gateway.content(account.accountId).media;
    const first = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(600 * 1024)]); // three GridFS chunks
    await media.put('_media-once', account.accountId, 'application/pdf', first);
    await expect(media.put('_media-once', account.accountId, 'application/pdf', SIGNATURES.pdf)).rejects.toThrow();
    const stored = await media.get('_media-once', account.accountId);
    expect(stored && sha256Of(stored.bytes)).toBe(sha256Of(first));
  });

  describe('refused files: nothing is imported', () => {
    let broken: string;
    beforeEach(() => {
      broken = fs.mkdtempSync(path.join(os.tmpdir(), 'contentgate-media-broken-'));
      fs.cpSync(folder, broken, { recursive: true });
    });
    afterEach(() => fs.rmSync(broken, { recursive: true, force: true }));

    it('a file whose bytes disagree with its mimeType', async () => {
      const [pngId] = [...uploaded].find(([, file]) => file.extension === 'png')!;
      fs.writeFileSync(path.join(broken, 'InternalContentTypeMedia', `${pngId}.png`), await image('jpeg', 8, 8));
      const target = await t.createAccount('Broken import');
      await expect(importExportFolder(t.gateway.content(target.accountId), broken)).rejects.toThrow(
        `InternalContentTypeMedia/${pngId}.png: the bytes are image/jpeg, the object says image/png`,
      );
      expect(await mediaOf(target.rw)).toEqual([]);
      expect(await files().countDocuments({ 'metadata.accountId': target.accountId })).toBe(0);
    });

    it('a file that differs from the one the account already holds for the object', async () => {
      const target = await t.createAccount('Twice imported');
      await importExportFolder(t.gateway.content(target.accountId), folder);
      const [pdfId] = [...uploaded].find(([, file]) => file.extension === 'pdf')!;
      fs.writeFileSync(path.join(broken, 'InternalContentTypeMedia', `${pdfId}.pdf`), Buffer.from('%PDF-1.4\n% changed\n%%EOF\n'));
      await expect(importExportFolder(t.gateway.content(target.accountId), broken)).rejects.toThrow(/already holds different bytes/);
      const stored = await t.gateway.content(target.accountId).media.get(pdfId, target.accountId);
      expect(stored && sha256Of(stored.bytes)).toBe(uploaded.get(pdfId)!.sha256);
    });
  });
});
