import { AppError } from '../../../src/errors/appError';
import { errors } from '../../../src/errors/errorFactory';
import { toAppError } from '../../../src/errors/toAppError';

describe('toAppError', () => {
  it.each([
    ['an AppError passes through', errors.forbidden('x'), 403, { code: 403, message: 'x' }],
    ['a body over the limit', { code: 'FST_ERR_CTP_BODY_TOO_LARGE' }, 413, { code: 413, message: 'Request body too large' }],
    ['an unsupported media type', { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }, 415, { code: 415, message: 'Unsupported Media Type' }],
    ['malformed JSON', { code: 'FST_ERR_CTP_INVALID_JSON_BODY' }, 400, { body: ['Malformed JSON body - Syntax error'] }],
    ['an empty JSON body', { code: 'FST_ERR_CTP_EMPTY_JSON_BODY' }, 400, { body: ['The request body must not be empty'] }],
    ['a query over its time limit', { code: 50, name: 'MongoServerError' }, 503, { code: 503, message: 'Service temporarily unavailable' }],
    ['an unreachable database', { name: 'MongoServerSelectionError' }, 503, { code: 503, message: 'Service temporarily unavailable' }],
    ['an unreachable database (mongoose)', { name: 'MongooseServerSelectionError' }, 503, { code: 503, message: 'Service temporarily unavailable' }],
    ['a connection lost under a request', { name: 'MongoNetworkError' }, 503, { code: 503, message: 'Service temporarily unavailable' }],
    ['a pool cleared after a lost server', { name: 'MongoPoolClearedError' }, 503, { code: 503, message: 'Service temporarily unavailable' }],
    ['anything else, masked', new Error('E11000 duplicate key in collection content_objects'), 500, { code: 500, message: 'Internal server error' }],
  ])('%s', (_name, thrown, status, body) => {
    const mapped = toAppError(thrown);
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped.status).toBe(status);
    expect(mapped.restBody()).toEqual(body);
  });

  it('a masked 500 names its request, and only a 500 does', () => {
    expect(toAppError(new Error('boom'), 'req-1').restBody()).toEqual({ code: 500, message: 'Internal server error', requestId: 'req-1' });
    expect(toAppError({ name: 'MongoNetworkError' }, 'req-1').restBody()).toEqual({ code: 503, message: 'Service temporarily unavailable' });
  });
});
