import { coba, cuba, eiBalanced } from './ei-examples.js';
import type { Example } from './example.js';

/** The gallery, in the order `neurodyn examples` lists it. */
export const EXAMPLES: readonly Example[] = [eiBalanced, coba, cuba];

export function findExample(name: string): Example | undefined {
  return EXAMPLES.find((e) => e.name === name);
}
