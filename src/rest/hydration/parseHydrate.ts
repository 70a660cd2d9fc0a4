import { errors } from '../../errors/errorFactory';

/** How deep relations are expanded: 0 (references), 1, or 2 (spec §2.3; 2 is Flotiq's maximum). */
export type HydrationDepth = 0 | 1 | 2;

/** Decides the depth from `hydrate`: absent or "" → 0; "0", "1", "2" → that; anything else → 400 on `hydrate`. */
export function parseHydrate(value: unknown): HydrationDepth {
  if (value === undefined || value === '') return 0;
  if (value === '0' || value === '1' || value === '2') return Number(value) as HydrationDepth;
  throw errors.invalidField('hydrate', 'Hydrate must be 0, 1 or 2');
}
