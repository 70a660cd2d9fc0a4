import { decideImportedFile, type ImportedFileFacts } from '../../../src/import/importedFileDecision';

const facts = (over: Partial<ImportedFileFacts>): ImportedFileFacts => ({
  where: 'InternalContentTypeMedia/_media-1.png',
  declaredMimeType: 'image/png',
  detectedMimeType: 'image/png',
  size: 100,
  sha256: 'aa',
  ...over,
});

describe('decideImportedFile', () => {
  it.each([
    ['a new file of the declared kind', {}, { action: 'store' }],
    ['the same bytes already held', { existingSha256: 'aa' }, { action: 'skip' }],
    ['Flotiq’s second svg name', { declaredMimeType: 'image/svg', detectedMimeType: 'image/svg+xml' }, { action: 'store' }],
    ['Flotiq’s second icon name', { declaredMimeType: 'image/vnd.microsoft.icon', detectedMimeType: 'image/x-icon' }, { action: 'store' }],
  ])('%s: %j', (_name, over, expected) => {
    expect(decideImportedFile(facts(over))).toEqual(expected);
  });

  it.each([
    ['bytes of another kind', { detectedMimeType: 'image/jpeg' }, 'the bytes are image/jpeg, the object says image/png'],
    ['a kind Flotiq refuses', { declaredMimeType: 'text/html', detectedMimeType: 'text/html' }, 'mimeType "text/html" is not one Flotiq accepts'],
    ['no mimeType', { declaredMimeType: undefined }, 'mimeType "" is not one Flotiq accepts'],
    ['over 10 MB', { size: 10 * 1024 * 1024 + 1 }, 'the file is over 10485760 bytes'],
    ['different bytes already held', { existingSha256: 'bb' }, 'already holds different bytes'],
  ])('refuses %s', (_name, over, message) => {
    const decision = decideImportedFile(facts(over));
    expect(decision.action).toBe('refuse');
    expect(decision.action === 'refuse' && decision.problem).toContain(`InternalContentTypeMedia/_media-1.png: `);
    expect(decision.action === 'refuse' && decision.problem).toContain(message);
  });
});
