import fs from 'node:fs';
import path from 'node:path';
import type { ContentTypeDefinitionInput } from '../../../src/content-types/contentTypeDefinition';
import { isAppError } from '../../../src/errors/appError';
import { buildFieldCatalog } from '../../../src/query/fieldCatalog';
import { parseOrder } from '../../../src/query/parseOrder';

const everything = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../fixtures/content-types/everything.json'), 'utf8'),
) as ContentTypeDefinitionInput;
const catalog = buildFieldCatalog(everything);

function refusal(fn: () => unknown): { status: number; body: unknown } {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return { status: error.status, body: error.restBody() };
    throw error;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

describe('parseOrder', () => {
  it.each<[unknown, unknown, Array<[string, 1 | -1]>, string[]]>([
    [undefined, undefined, [['internal.createdAt', 1], ['createdSeq', 1]], []],
    [null, null, [['internal.createdAt', 1], ['createdSeq', 1]], []],
    ['', '', [['internal.createdAt', 1], ['createdSeq', 1]], []],
    [undefined, 'desc', [['internal.createdAt', -1], ['createdSeq', -1]], []],
    ['internal.createdAt', 'asc', [['internal.createdAt', 1], ['createdSeq', 1]], []],
    ['internal.updatedAt', 'DESC', [['internal.updatedAt', -1], ['createdSeq', -1]], []],
    ['internal.deletedAt', 'Asc', [['internal.deletedAt', 1], ['createdSeq', 1]], []],
    // The title derives from the `isTitlePart` property: ordering by it reveals that property.
    ['internal.objectTitle', 'dEsC', [['internal.objectTitle', -1], ['createdSeq', -1]], ['title']],
    ['internal.latestVersion', undefined, [['internal.latestVersion', 1], ['createdSeq', 1]], []],
    ['internal.status', 'desc', [['internal.status', -1], ['createdSeq', -1]], []],
    ['internal.workflowState', 'asc', [['internal.workflowState', 1], ['createdSeq', 1]], []],
    ['internal.contentType', 'asc', [['internal.contentType', 1], ['createdSeq', 1]], []],
    ['id', 'desc', [['id', -1], ['createdSeq', -1]], []],
    ['title', 'asc', [['data.title', 1], ['createdSeq', 1]], ['title']],
    ['price', 'desc', [['data.price', -1], ['createdSeq', -1]], ['price']],
    ['inStock', 'asc', [['data.inStock', 1], ['createdSeq', 1]], ['inStock']],
    ['publishedOn', 'desc', [['data.publishedOn', -1], ['createdSeq', -1]], ['publishedOn']],
    ['location.lat', 'asc', [['data.location.lat', 1], ['createdSeq', 1]], ['location']],
  ])('order_by %j, order_direction %j', (orderBy, direction, entries, properties) => {
    const result = parseOrder(orderBy, direction, catalog);
    // Key order matters for MongoDB: the chosen path first, the tie-breaker last.
    expect(Object.entries(result.sort)).toEqual(entries);
    expect(result.reads.flatMap((read) => read.properties)).toEqual(properties);
  });

  it.each<[string, unknown, unknown, Record<string, string[]>]>([
    ['unknown field', 'nope', 'asc', { order_by: ['Unknown field: nope'] }],
    ['storage path', 'data.title', 'asc', { order_by: ['Unknown field: data.title'] }],
    ['mongo operator', '$where', 'asc', { order_by: ['Unknown field: $where'] }],
    ['__proto__', '__proto__', 'asc', { order_by: ['Unknown field: __proto__'] }],
    ['_id', '_id', 'asc', { order_by: ['Unknown field: _id'] }],
    ['list of fields', ['title'], 'asc', { order_by: ['order_by must be a field name'] }],
    ['object', { $gt: '' }, 'asc', { order_by: ['order_by must be a field name'] }],
    ['number', 1, 'asc', { order_by: ['order_by must be a field name'] }],
    ['relation list', 'categories', 'asc', { order_by: ['Field categories cannot be used for ordering'] }],
    ['relation dataUrl (several values)', 'categories[*].dataUrl', 'asc', { order_by: ['Field categories[*].dataUrl cannot be used for ordering'] }],
    ['string list', 'keywords', 'asc', { order_by: ['Field keywords cannot be used for ordering'] }],
    ['object list field', 'sections[*].heading', 'asc', { order_by: ['Field sections[*].heading cannot be used for ordering'] }],
    ['geo', 'location', 'asc', { order_by: ['Field location cannot be used for ordering'] }],
    ['block', 'content', 'asc', { order_by: ['Field content cannot be used for ordering'] }],
    ['bad direction', 'title', 'up', { order_direction: ['Order direction must be asc or desc'] }],
    ['numeric direction', 'title', -1, { order_direction: ['Order direction must be asc or desc'] }],
    ['direction list', 'title', ['asc'], { order_direction: ['Order direction must be asc or desc'] }],
    ['padded direction', 'title', ' asc', { order_direction: ['Order direction must be asc or desc'] }],
    ['ascending spelled out', 'title', 'ascending', { order_direction: ['Order direction must be asc or desc'] }],
  ])('%s is refused', (_name, orderBy, direction, body) => {
    expect(refusal(() => parseOrder(orderBy, direction, catalog))).toEqual({ status: 400, body });
  });

  it('checks the field before the direction', () => {
    expect(refusal(() => parseOrder('nope', 'up', catalog)).body).toEqual({ order_by: ['Unknown field: nope'] });
  });
});
