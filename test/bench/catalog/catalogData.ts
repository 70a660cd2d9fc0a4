/**
 * The benchmark catalog, value for value the one the peer-directus seed.mjs (in the shared folder) loads into
 * Directus: the same mulberry32 PRNG (seed 20240611), word lists, field order and order of `rnd()`
 * calls. Only the ids differ in form: Directus numbers rows 1…n, here they are `category-<n>` and
 * `product-<n>` with the same n, and the relation is Flotiq's DataSource list of one.
 */

import { contentType, relation as restRelation, text as restText, type Field } from '../../rest/restKit';

/** mulberry32, exactly as in the peer's seed.mjs. */
export function mulberry32(seed: number): () => number {
  let s = seed;
  return () => {
    s |= 0;
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CATALOG_SEED = 20240611;
export const CATEGORY_COUNT = 20;
export const PRODUCT_COUNT = 1000;

const WORDS = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'.split(' ');
const BRANDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne'];
const COLORS = ['red', 'green', 'blue', 'black', 'white', 'grey', 'yellow', 'orange', 'purple', 'brown'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const MATERIALS = ['cotton', 'wool', 'steel', 'oak', 'plastic', 'glass', 'leather', 'aluminium'];

export interface Category {
  id: string;
  name: string;
  slug: string;
}

export interface Product {
  id: string;
  name: string;
  slug: string;
  price: number;
  description: string;
  category: Array<{ dataUrl: string; type: 'internal' }>;
  sku: string;
  brand: string;
  color: string;
  size: string;
  material: string;
}

/** The 20 categories and 1,000 products, in the peer's order. */
export function generateCatalog(): { categories: Category[]; products: Product[] } {
  const rnd = mulberry32(CATALOG_SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const categories = Array.from({ length: CATEGORY_COUNT }, (_, i) => ({
    id: `category-${i + 1}`,
    name: `Category ${i + 1} ${pick(WORDS)}`,
    slug: `category-${i + 1}`,
  }));
  const products: Product[] = [];
  for (let n = 1; n <= PRODUCT_COUNT; n++) {
    // Property order = evaluation order = the peer's order of rnd() calls.
    products.push({
      id: `product-${n}`,
      name: `Product ${n} ${pick(WORDS)} ${pick(WORDS)}`,
      slug: `product-${n}`,
      price: Math.round((1 + rnd() * 499) * 100) / 100,
      description: sentence(40 + Math.floor(rnd() * 40)),
      category: [{ dataUrl: `/api/v1/content/category/${categories[(n - 1) % categories.length].id}`, type: 'internal' }],
      sku: `SKU-${String(n).padStart(6, '0')}`,
      brand: pick(BRANDS),
      color: pick(COLORS),
      size: pick(SIZES),
      material: pick(MATERIALS),
    });
  }
  return { categories, products };
}

/** `count` filler objects of CTD `other` (own PRNG, so the catalog's values never depend on them). */
export function* generateOthers(count: number, prefix: string): Generator<Record<string, unknown>> {
  const rnd = mulberry32(CATALOG_SEED ^ 0x5bd1e995);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  for (let n = 1; n <= count; n++) {
    yield {
      id: `${prefix}-${n}`,
      name: `Other ${n} ${pick(WORDS)} ${pick(WORDS)}`,
      value: Math.round(rnd() * 100000) / 100,
      body: Array.from({ length: 20 + Math.floor(rnd() * 40) }, () => pick(WORDS)).join(' '),
    };
  }
}

const text = (label: string, unique = false): Field => restText(label, { unique });
const textarea = (label: string): Field => [{ type: 'string' }, { label, inputType: 'textarea', unique: false }];
const number = (label: string): Field => [{ type: 'number' }, { label, inputType: 'number', unique: false }];
const relation = (label: string, target: string): Field => restRelation(label, target, false);

/** `category`, `product` (as the peer's collections; slugs unique as there) and the filler type `other`. */
export const CATEGORY_CTD = contentType('category', 'Category', { name: text('Name'), slug: text('Slug', true) });
export const PRODUCT_CTD = contentType('product', 'Product', {
  name: text('Name'),
  slug: text('Slug', true),
  price: number('Price'),
  description: textarea('Description'),
  category: relation('Category', 'category'),
  sku: text('SKU'),
  brand: text('Brand'),
  color: text('Color'),
  size: text('Size'),
  material: text('Material'),
});
export const OTHER_CTD = contentType('other', 'Other', { name: text('Name'), value: number('Value'), body: textarea('Body') });

/** The scoped key's rules: every product field but `description`, and categories; nothing else. */
export const SCOPED_RULES = [
  { contentTypeDefinitionName: 'product', canRead: true, canCreate: false, canUpdate: false, canDelete: false, fields: { description: { read: false } } },
  { contentTypeDefinitionName: 'category', canRead: true, canCreate: false, canUpdate: false, canDelete: false },
];
