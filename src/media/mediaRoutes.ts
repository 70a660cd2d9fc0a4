import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { matchesEntityTag } from '../cache/responseCache';
import { errors } from '../errors/errorFactory';
import { authenticate } from '../http/authenticate';
import { requireAction } from '../operations/guards';
import type { Gateway } from '../runtime/gateway';
import { MAX_VARIANT_DIMENSION, parseFileSegment, parseSeoSegments, parseSize } from './imageUrls';
import { parseTransformQuery, parseTrimPath, type TrimSpec } from './imageTransforms';
import { MediaDelivery, type DeliveryRequest } from './mediaDelivery';
import { MediaFiles } from './mediaFiles';
import { MEDIA_TYPE } from './mediaKinds';
import { readUploadWithin, UPLOAD_HARD_LIMIT_BYTES } from './readUpload';
import { uploadMedia } from './uploadMedia';

/** How long browsers and proxies may keep a served file (files never change under an id). */
export const MEDIA_MAX_AGE_SECONDS = 86_400;

/**
 * The media surface as an encapsulated plugin (its multipart parser stays here): `POST /api/media`
 * (create on `_media`; the body must arrive within `MEDIA_UPLOAD_TIMEOUT_MS`), and the image URLs `/image/{W}x{H}/{id}.{ext}` and
 * `/image/{W}x{H}/{id}/{anyName}.{ext}` (also with `/variant/{name}`, `/transform/trim/{t},{l},{w},{h}`
 * or `?transform=`), served without a key by the unguessable id (with
 * `MEDIA_REQUIRE_KEY`, only to keys that may read `_media` of the file's account).
 */
export const mediaRoutes: FastifyPluginAsync<{ gateway: Gateway }> = async (app, { gateway }) => {
  await app.register(multipart, { limits: { files: 2, fields: 10, fieldSize: 1024, parts: 12, fileSize: UPLOAD_HARD_LIMIT_BYTES } });
  const delivery = new MediaDelivery(new MediaFiles(() => gateway.database.connection.db!), async (accountId, id) => {
    const object = await gateway.content(accountId).objects.get(MEDIA_TYPE, id);
    return (object as { variants?: unknown }).variants;
  });

  app.post('/api/media', async (request, reply) => {
    const principal = await authenticate(request, gateway.keys);
    requireAction(principal.permissions, 'create', MEDIA_TYPE);
    const ctx = { content: await gateway.requestContent(principal.accountId), permissions: principal.permissions };
    const upload = await readUploadWithin(request, reply, gateway.config.media.uploadTimeoutMs);
    const created = await uploadMedia(ctx, upload);
    return reply.code(200).send(created);
  });

  /** Answers one image URL; `asked` is what its path names beyond size and id (a trim or a variant). */
  const serve = async (request: FastifyRequest, reply: FastifyReply, id: string | undefined, asked: Pick<DeliveryRequest, 'trim' | 'variant'> = {}) => {
    const owner = gateway.config.mediaRequireKey ? await readerAccount(request) : undefined;
    const size = parseSize((request.params as { size: string }).size);
    if (size === 'tooLarge') throw errors.invalidField('size', `Width and height must be at most ${MAX_VARIANT_DIMENSION} pixels (0: as the original).`);
    const query = parseTransformQuery((request.query as { transform?: unknown }).transform);
    if (query === 'invalid') throw errors.invalidField('transform', 'Expected {"trim":{"top":…,"left":…,…}} with whole numbers of pixels.');
    const trim: TrimSpec | undefined = asked.trim ?? query;
    const delivered = id && size ? await delivery.deliver(id, { size, accountId: owner, trim, variant: asked.variant }) : undefined;
    if (!delivered) throw errors.notFound();
    const scope = owner === undefined ? 'public' : 'private';
    reply.header('etag', delivered.etag).header('cache-control', `${scope}, max-age=${MEDIA_MAX_AGE_SECONDS}`);
    // SVG can hold script: sandboxed, it cannot run on the API's origin.
    if (delivered.mimeType.startsWith('image/svg')) reply.header('content-security-policy', 'sandbox');
    if (matchesEntityTag(request.headers['if-none-match'], delivered.etag)) return reply.code(304).send();
    return reply.type(delivered.mimeType).send(delivered.bytes);
  };
  /** With `MEDIA_REQUIRE_KEY`: the account of a key that may read `_media` (401/403 otherwise). */
  const readerAccount = async (request: FastifyRequest) => {
    const principal = await authenticate(request, gateway.keys);
    requireAction(principal.permissions, 'read', MEDIA_TYPE);
    return principal.accountId;
  };
  app.get('/image/:size/:file', (request, reply) => serve(request, reply, parseFileSegment((request.params as { file: string }).file)));
  app.get('/image/:size/:id/:name', (request, reply) => {
    const { id, name } = request.params as { id: string; name: string };
    return serve(request, reply, parseSeoSegments(id, name));
  });
  app.get('/image/:size/:id/:name/variant/:variant', (request, reply) => {
    const { id, name, variant } = request.params as { id: string; name: string; variant: string };
    return serve(request, reply, parseSeoSegments(id, name), { variant });
  });
  app.get('/image/:size/:id/:name/transform/trim/:parameters', (request, reply) => {
    const { id, name, parameters } = request.params as { id: string; name: string; parameters: string };
    const trim = parseTrimPath(parameters);
    return serve(request, reply, trim && parseSeoSegments(id, name), { trim });
  });
};
