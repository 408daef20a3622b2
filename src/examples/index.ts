import { coba, cuba, eiBalanced } from './ei-examples.js';
import type { Example } from './example.js';
import { tianFastResponse, vreeswijkEI } from './balanced-nets.js';
import { decisionMaking } from './decision-making.js';
import { izhikevichPatterns } from './izhikevich-patterns.js';
import { adexPatterns } from './adex-patterns.js';
import { gifPatterns } from './gif-patterns.js';

/** The gallery, in the order `neurodyn examples` lists it. */
export const EXAMPLES: readonly Example[] = [eiBalanced, coba, cuba, izhikevichPatterns, adexPatterns, gifPatterns, vreeswijkEI, tianFastResponse, decisionMaking];

export function findExample(name: string): Example | undefined {
  return EXAMPLES.find((e) => e.name === name);
}
