import { textKind } from '../../../src/media/detectMediaKind';
import { absoluteMediaUrl, mediaUrl, parseFileSegment, parseSeoSegments, parseSize } from '../../../src/media/imageUrls';
import { extensionOf, isAllowedMimeType, nameAgreesWithKind, storedExtension } from '../../../src/media/mediaKinds';
import { isOrphan } from '../../../src/media/orphanSweep';
import { Semaphore } from '../../../src/media/semaphore';
import { fileProblems, saveProblem, typeProblem } from '../../../src/media/uploadProblems';

const MB = 1024 * 1024;

describe('media decisions', () => {
  it.each([
    ['photo.jpg', 'image/jpeg', true],
    ['PHOTO.JPEG', 'image/jpeg', true],
    ['photo.png', 'image/jpeg', false],
    ['notes.pdf', 'text/plain', false],
    ['upload', 'image/png', true],
    ['archive.tar.gz', 'image/png', true],
    ['.png', 'image/png', true],
    ['clip.webm', 'video/webm', true],
    ['clip.webm', 'audio/webm', true],
  ])('a file named %s holding %s agrees: %s', (name, mime, agrees) => {
    expect(nameAgreesWithKind(name, mime)).toBe(agrees);
  });

  it.each([
    ['photo.JPEG', 'image/jpeg', 'jpeg'],
    ['upload', 'image/png', 'png'],
    ['x.gz', 'application/pdf', 'pdf'],
  ])('%s holding %s is stored with extension %s', (name, mime, extension) => {
    expect(storedExtension(name, mime)).toBe(extension);
  });

  it.each([
    ['a.b.c', 'c'],
    ['noext', undefined],
    ['trailing.', undefined],
    ['.hidden', undefined],
  ])('extension of %s is %s', (name, extension) => expect(extensionOf(name)).toBe(extension));

  it.each([
    ['image/svg+xml', true],
    ['audio/wav', true],
    ['text/html', false],
    ['application/x-msdownload', false],
    ['constructor', false],
  ])('mime type %s allowed: %s', (mime, allowed) => expect(isAllowedMimeType(mime)).toBe(allowed));

  it.each([
    [{ fileName: 'a.png', size: 10, mimeType: 'image/png' }, []],
    [{ fileName: 'a.png', size: 10 * MB, mimeType: 'image/png' }, []],
    [{ fileName: 'a.png', size: 10 * MB + 1, mimeType: 'image/png' }, ['The file is too large (10 MB). Allowed maximum size is 10 MB.']],
    [{ fileName: 'a.pdf', size: 26.17 * MB, mimeType: 'application/pdf' }, ['The file is too large (26.17 MB). Allowed maximum size is 10 MB.']],
    [{ fileName: 'a.png', size: 0, mimeType: 'image/png' }, ['An empty file cannot be saved.']],
    [{ fileName: 'a.png', size: 5, mimeType: 'image/jpeg' }, ['The file name "a.png" does not match its content ("image/jpeg").']],
    [{ fileName: 'a.png', size: 5, mimeType: 'image/png', dimensions: { width: 10000, height: 5000 } }, []],
    [
      { fileName: 'a.png', size: 5, mimeType: 'image/png', dimensions: { width: 10000, height: 5001 } },
      ['The image is too large (10000x5001 pixels). Allowed maximum is 50000000 pixels.'],
    ],
  ])('file problems of %j', (facts, problems) => expect(fileProblems(facts)).toEqual(problems));

  it('names the wrong kind first, then the size (Flotiq order)', () => {
    const problems = fileProblems({ fileName: 'x.html', size: 11 * MB, mimeType: 'text/html' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^The mime type of the file is invalid \("text\/html"\)\. Allowed mime types are "image\/gif", /);
    expect(problems[1]).toMatch(/^The file is too large/);
  });

  it.each([
    [undefined, 'This value should not be blank.'],
    ['', 'This value should not be blank.'],
    ['image', undefined],
    ['file', undefined],
    ['IMAGE', 'The value you selected is not a valid choice.'],
  ])('type %s: %s', (type, problem) => expect(typeProblem(type)).toBe(problem));

  it.each([
    [undefined, undefined],
    ['0', undefined],
    ['1', undefined],
    ['true', 'The value you selected is not a valid choice.'],
  ])('save %s: %s', (save, problem) => expect(saveProblem(save)).toBe(problem));

  it.each([
    ['0x0', { width: 0, height: 0 }],
    ['400x0', { width: 400, height: 0 }],
    ['5000x5000', { width: 5000, height: 5000 }],
    ['5001x1', 'tooLarge'],
    ['1x99999', 'tooLarge'],
    ['-1x0', undefined],
    ['1x', undefined],
    ['1X1', undefined],
  ])('size %s parses to %j', (segment, size) => expect(parseSize(segment)).toEqual(size));

  it.each([
    ['_media-abc_D-1.jpg', '_media-abc_D-1'],
    ['_media-abc', undefined],
    ['_media-abc.', undefined],
    ['other-abc.jpg', undefined],
    ['_media-a/b.jpg', undefined],
  ])('file segment %s names id %s', (segment, id) => expect(parseFileSegment(segment)).toBe(id));

  it('reads the SEO form and builds the original url', () => {
    expect(parseSeoSegments('_media-x1', 'any name.webp')).toBe('_media-x1');
    expect(parseSeoSegments('_media-x1', 'noext')).toBeUndefined();
    expect(parseSeoSegments('post-1', 'a.jpg')).toBeUndefined();
    expect(mediaUrl('_media-x1', 'png')).toBe('/image/0x0/_media-x1.png');
  });

  it.each([
    ['plain words', 'text/plain'],
    ['{"a":1}', 'application/json'],
    ['  [1, 2]\n', 'application/json'],
    ['<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml'],
    ['\uFEFF<?xml version="1.0"?><!-- c --><!DOCTYPE svg><svg>', 'image/svg+xml'],
    ['<html><svg></svg></html>', 'text/plain'],
    ['bin\u0000ary', 'application/octet-stream'],
    ['', 'application/octet-stream'],
  ])('text %j is %s', (text, kind) => expect(textKind(Buffer.from(text))).toBe(kind));

  it('rejects invalid UTF-8 as text', () => expect(textKind(Buffer.from([0x61, 0xff, 0xfe, 0x62]))).toBe('application/octet-stream'));

  it('runs at most `limit` tasks at once, all of them eventually', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const task = async (n: number) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return n;
    };
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => semaphore.run(() => task(n))));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    await expect(semaphore.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await semaphore.run(async () => 'after a failure')).toBe('after a failure');
  });

  it.each([
    ['/image/0x0/_media-1.png', 'https://cms.example.com', 'https://cms.example.com/image/0x0/_media-1.png'],
    ['/image/0x0/_media-1.png', 'https://cms.example.com/base//', 'https://cms.example.com/base/image/0x0/_media-1.png'],
    ['/image/0x0/_media-1.png', undefined, '/image/0x0/_media-1.png'],
    ['https://images.unsplash.com/x.jpg', 'https://cms.example.com', 'https://images.unsplash.com/x.jpg'],
    ['//cdn.example.com/x.jpg', 'https://cms.example.com', '//cdn.example.com/x.jpg'],
    [null, 'https://cms.example.com', null],
  ])('GraphQL answers the url %s under PUBLIC_URL %s as %s', (url, publicUrl, expected) => {
    expect(absoluteMediaUrl(url, publicUrl)).toBe(expected);
  });

  const now = new Date('2026-01-01T12:00:00Z');
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  it.each([
    ['old, no object', true, { accountId: 'a', idKey: '_media-1', uploadDate: ago(11) }, false],
    ['old, with its object', false, { accountId: 'a', idKey: '_media-1', uploadDate: ago(11) }, true],
    ['within the grace period, no object', false, { accountId: 'a', idKey: '_media-1', uploadDate: ago(9) }, false],
    ['no account in its metadata', false, { accountId: undefined as unknown as string, idKey: '_media-1', uploadDate: ago(60) }, false],
  ])('a stored file %s is an orphan: %s', (_name, orphan, file, objectExists) => {
    expect(isOrphan(file, now, 10 * 60_000, objectExists)).toBe(orphan);
  });
});
