import { isAllowedMimeType, MEDIA_MAX_BYTES } from '../media/mediaKinds';

/** What the importer learned about one file of an export folder before storing anything. */
export interface ImportedFileFacts {
  /** The file's name in the folder, for messages (`InternalContentTypeMedia/_media-….jpg`). */
  where: string;
  /** The `mimeType` the `_media` object declares. */
  declaredMimeType: unknown;
  /** The kind the bytes show (`detectMimeType`). */
  detectedMimeType: string;
  size: number;
  sha256: string;
  /** The SHA-256 of the file the account already holds for the object, when it holds one. */
  existingSha256?: string;
}

/** Whether to store an imported file, skip it (already stored), or refuse the import. */
export type ImportedFileDecision = { action: 'store' } | { action: 'skip' } | { action: 'refuse'; problem: string };

/** Mime types Flotiq lists twice under two names. */
const SAME_KIND: Readonly<Record<string, string>> = { 'image/svg': 'image/svg+xml', 'image/vnd.microsoft.icon': 'image/x-icon' };
const canonical = (mimeType: string) => SAME_KIND[mimeType] ?? mimeType;

/**
 * Decides one file of an export folder (pure): refused when its bytes show another kind than the
 * object's `mimeType` says, when that kind is not one Flotiq accepts, or when it is over 10 MB, as an
 * upload would be; skipped when the account already holds the same bytes (an import run twice);
 * refused when it holds different bytes (a file never changes under an id: image URLs and their
 * ETags name it); else stored.
 */
export function decideImportedFile(facts: ImportedFileFacts): ImportedFileDecision {
  const declared = typeof facts.declaredMimeType === 'string' ? facts.declaredMimeType : '';
  const refuse = (problem: string): ImportedFileDecision => ({ action: 'refuse', problem: `${facts.where}: ${problem}` });
  if (!isAllowedMimeType(declared)) return refuse(`the object's mimeType "${declared}" is not one Flotiq accepts`);
  if (canonical(declared) !== canonical(facts.detectedMimeType)) {
    return refuse(`the bytes are ${facts.detectedMimeType}, the object says ${declared}`);
  }
  if (facts.size > MEDIA_MAX_BYTES) return refuse(`the file is over ${MEDIA_MAX_BYTES} bytes (${facts.size})`);
  if (facts.existingSha256 === undefined) return { action: 'store' };
  if (facts.existingSha256 === facts.sha256) return { action: 'skip' };
  return refuse('the account already holds different bytes for this object (delete the object first to replace its file)');
}
