import { OBJECT_SIZE_LIMIT_BYTES } from '../../content-objects/contentObjectService';

/**
 * Body limit of single-object writes: a little above Flotiq's 1 MB per object, so an object just
 * over 1 MB still reaches the service (and gets Flotiq's 413 message naming the object), while a
 * far larger body is refused with 413 before it is read or parsed.
 */
export const CONTENT_BODY_LIMIT_BYTES = Math.round(OBJECT_SIZE_LIMIT_BYTES * 1.1);
