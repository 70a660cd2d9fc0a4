import { canPerform } from '../../access/decisions';
import type { Permissions } from '../../access/permissions';
import { MAX_VARIANT_DIMENSION } from '../../media/imageUrls';
import { MEDIA_KINDS, MEDIA_MAX_BYTES, MEDIA_TYPE } from '../../media/mediaKinds';
import { json, responseRef, schemaRef, type OperationObject, type ParameterObject, type PathItem } from './openApiTypes';

/** Tag of the media endpoints. */
export const MEDIA_TAG = 'Media';

/** Operation ids of the media endpoints; per-type ids must avoid them. */
export const MEDIA_OPERATION_IDS: readonly string[] = ['uploadMedia', 'getMediaFile', 'getMediaFileSeo', 'getMediaVariant', 'getMediaTrim'];

const SIZE: ParameterObject = {
  name: 'size',
  in: 'path',
  required: true,
  description: `{W}x{H}: 0x0 the original, Wx0 or 0xH proportional, WxH cropped to fill; never upscaled; each at most ${MAX_VARIANT_DIMENSION}. Files other than resizable images are served as stored.`,
  schema: { type: 'string', pattern: '^\\d{1,5}x\\d{1,5}$', example: '400x0' },
};
const FILE_RESPONSES = {
  200: {
    description: 'The file (Cache-Control, a strong ETag; SVG with Content-Security-Policy: sandbox)',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  },
  304: { description: 'Not modified (If-None-Match matched the ETag)' },
  404: responseRef('404Response'),
};

/**
 * The media endpoints a key may call (spec §5.2): `POST /api/media` with create on `_media`, the
 * image URLs with read on it. Image URLs need no key unless the server sets `MEDIA_REQUIRE_KEY`.
 * None when the document leaves out system types (`user_only=1`) or the key does not reach `_media`.
 */
export function mediaPaths(permissions: Permissions, requireKey: boolean): Record<string, PathItem> {
  const paths: Record<string, PathItem> = {};
  if (canPerform(permissions, 'create', MEDIA_TYPE)) {
    paths['/api/media'] = {
      post: op('uploadMedia', 'Upload a file to the media library', {
        description:
          `The kind is decided from the bytes (not the name or the part's Content-Type); at most ${MEDIA_MAX_BYTES / (1024 * 1024)} MB. ` +
          'save=0 answers the _media object the upload would make without storing the file or the object.',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file', 'type'],
                properties: {
                  file: { type: 'string', format: 'binary', description: `One of: ${Object.keys(MEDIA_KINDS).join(', ')}` },
                  type: { type: 'string', enum: ['image', 'file'] },
                  save: { type: 'integer', enum: [0, 1], default: 1 },
                },
              },
            },
          },
        },
        responses: {
          200: { description: 'The _media object', content: json(schemaRef(MEDIA_TYPE)) },
          400: responseRef('400Response'),
          401: responseRef('401Response'),
          403: responseRef('403Response'),
          415: responseRef('415Response'),
        },
      }),
    };
  }
  if (canPerform(permissions, 'read', MEDIA_TYPE)) {
    const security = requireKey ? undefined : [];
    paths['/image/{size}/{file}'] = {
      get: op('getMediaFile', 'A media file or a resized variant (the url of a _media object)', {
        parameters: [SIZE, { name: 'file', in: 'path', required: true, description: '{id}.{extension}', schema: { type: 'string' } }],
        responses: FILE_RESPONSES,
        ...(security && { security }),
      }),
    };
    paths['/image/{size}/{id}/{name}'] = {
      get: op('getMediaFileSeo', 'The same file under any name (the SDK’s getMediaUrl form)', {
        parameters: [
          SIZE,
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'name', in: 'path', required: true, description: 'Any name with an extension', schema: { type: 'string' } },
        ],
        responses: FILE_RESPONSES,
        ...(security && { security }),
      }),
    };
    const seoParameters = paths['/image/{size}/{id}/{name}'].get!.parameters!;
    paths['/image/{size}/{id}/{name}/variant/{variant}'] = {
      get: op('getMediaVariant', 'The file trimmed as a variant of its _media object says, then resized', {
        parameters: [...seoParameters, { name: 'variant', in: 'path', required: true, description: 'A variant name (any letter case)', schema: { type: 'string' } }],
        responses: FILE_RESPONSES,
        ...(security && { security }),
      }),
    };
    paths['/image/{size}/{id}/{name}/transform/trim/{trim}'] = {
      get: op('getMediaTrim', 'The file trimmed to a region, then resized', {
        parameters: [
          ...seoParameters,
          { name: 'trim', in: 'path', required: true, description: '{top},{left},{width},{height} in pixels', schema: { type: 'string', pattern: '^\\d+,\\d+,\\d+,\\d+$' } },
        ],
        responses: { ...FILE_RESPONSES, 400: responseRef('400Response') },
        ...(security && { security }),
      }),
    };
  }
  return paths;
}

function op(operationId: string, summary: string, rest: Omit<OperationObject, 'operationId' | 'summary' | 'tags'>): OperationObject {
  return { operationId, summary, tags: [MEDIA_TAG], ...rest };
}
