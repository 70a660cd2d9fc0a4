import { isAllowedMimeType, MEDIA_KINDS, MEDIA_MAX_BYTES, nameAgreesWithKind } from './mediaKinds';

/** What the upload route learned about one uploaded file before storing anything. */
export interface UploadFacts {
  fileName: string;
  /** Total bytes sent, even past the limit. */
  size: number;
  /** The kind the bytes show (`detectMimeType`). */
  mimeType: string;
  /** An image's dimensions, when its header could be read. */
  dimensions?: { width: number; height: number };
}

/** Largest image accepted, in pixels (decompression bombs are refused before anyone decodes them). */
export const MAX_IMAGE_PIXELS = 50_000_000;

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 100) / 100} MB`;

/**
 * Flotiq's 400 messages for a file that may not be stored (spec §5.2), in its order: wrong kind,
 * then too large; a name whose extension disagrees with the bytes is refused too. Empty when the
 * file is acceptable.
 */
export function fileProblems(facts: UploadFacts): string[] {
  const problems: string[] = [];
  if (!isAllowedMimeType(facts.mimeType)) {
    problems.push(
      `The mime type of the file is invalid ("${facts.mimeType}"). Allowed mime types are "${Object.keys(MEDIA_KINDS).join('", "')}".`,
    );
  } else if (!nameAgreesWithKind(facts.fileName, facts.mimeType)) {
    problems.push(`The file name "${facts.fileName}" does not match its content ("${facts.mimeType}").`);
  }
  if (facts.size > MEDIA_MAX_BYTES) problems.push(tooLargeMessage(facts.size));
  if (facts.dimensions && facts.dimensions.width * facts.dimensions.height > MAX_IMAGE_PIXELS) {
    const { width, height } = facts.dimensions;
    problems.push(`The image is too large (${width}x${height} pixels). Allowed maximum is ${MAX_IMAGE_PIXELS} pixels.`);
  }
  if (facts.size === 0) problems.push('An empty file cannot be saved.');
  return problems;
}

/** Flotiq's message for a file of `size` bytes (or more, when `atLeast`) over the limit. */
export function tooLargeMessage(size: number, atLeast = false): string {
  return `The file is too large (${atLeast ? 'more than ' : ''}${megabytes(size)}). Allowed maximum size is ${megabytes(MEDIA_MAX_BYTES)}.`;
}

/** The problem with the `type` field (`image` or `file`, required), or undefined. */
export function typeProblem(type: string | undefined): string | undefined {
  if (type === undefined || type === '') return 'This value should not be blank.';
  return type === 'image' || type === 'file' ? undefined : 'The value you selected is not a valid choice.';
}

/** The problem with the `save` field (`0` or `1`, optional), or undefined. */
export function saveProblem(save: string | undefined): string | undefined {
  return save === undefined || save === '0' || save === '1' ? undefined : 'The value you selected is not a valid choice.';
}
