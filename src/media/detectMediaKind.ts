import { fromBuffer } from 'file-type';

/** Names file-type gives that Flotiq's list spells differently. */
const FLOTIQ_SPELLING: Readonly<Record<string, string>> = { 'audio/vnd.wave': 'audio/wav', 'audio/x-wav': 'audio/wav' };

/**
 * The mime type a file's bytes show, never its name or the client's header: binary signatures
 * through `file-type` (XML aside); text without a signature is JSON when it parses, SVG when its first element
 * is `<svg`, else plain text. Bytes that are neither a known signature nor UTF-8 text answer
 * `application/octet-stream`.
 */
export async function detectMimeType(bytes: Buffer): Promise<string> {
  const found = await fromBuffer(bytes);
  // An XML declaration says nothing of the document: SVG is recognised by its root element.
  if (found && found.mime !== 'application/xml') return FLOTIQ_SPELLING[found.mime] ?? found.mime;
  return textKind(bytes);
}

/** The kind of a file without a binary signature (pure). */
export function textKind(bytes: Buffer): string {
  if (bytes.length === 0 || bytes.includes(0)) return 'application/octet-stream';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) return 'application/octet-stream';
  const body = text.replace(/^\uFEFF/, '');
  if (isSvg(body)) return 'image/svg+xml';
  try {
    JSON.parse(body);
    return 'application/json';
  } catch {
    return 'text/plain';
  }
}

/** An XML document whose root element is `svg` (declarations, comments and a doctype may come first). */
function isSvg(text: string): boolean {
  const prologue = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<svg[\s>]/i;
  return prologue.test(text);
}
