import { coba, cuba, eiBalanced } from './ei-examples.js';
import type { Example } from './example.js';
import { gjFhnSlowPoints } from './gj-fhn-slow-points.js';
import { hindmarshRoseFastSlow } from './hindmarsh-rose-fast-slow.js';
import { decisionMakingSlowPoints } from './decision-making-slow-points.js';
import { nak2D } from './nak-2d.js';
import { wilsonCowanAnalysis } from './wilson-cowan-analysis.js';
import { phasePlane1D } from './phase-plane-1d.js';
import { cannSlowPoints } from './cann-slow-points.js';
import { fhnBifurcation } from './fhn-bifurcation.js';
import { tianFastResponse, vreeswijkEI } from './balanced-nets.js';
import { decisionMaking } from './decision-making.js';
import { pituitaryGapJunction } from './pituitary-gap-junction.js';
import { cann1D } from './cann-1d.js';
import { cann2D } from './cann-2d.js';
import { cann1DTracking } from './cann-tracking.js';
import { shermanGapJunction } from './sherman-gap-junction.js';
import { susinAI, susinCHING, susinING, susinPING } from './susin-networks.js';
import { izhikevichPatterns } from './izhikevich-patterns.js';
import { adexPatterns } from './adex-patterns.js';
import { gifPatterns } from './gif-patterns.js';
import { lifPhaseLocking } from './lif-phase-locking.js';
import { wangBuzsakiGamma } from './wang-buzsaki-gamma.js';
import { cobahh } from './cobahh.js';
import { thalamusCells } from './thalamus-cells.js';
import { thalamus } from './thalamus.js';
import { izhikevichForumExample, izhikevichNetworkExample, tsodyksMarkramExample } from './strings-examples.js';
import { fractionalChaos, lorenz, mackeyGlass, multiscroll, rabinovichFabrikantExample } from './chaos-examples.js';
import { henonMap, logisticMap } from './map-examples.js';
import { fractionalFHR, fractionalIzhikevich } from './fractional-examples.js';
import { brunelHakim } from './brunel-hakim.js';
import { synfireChains } from './synfire-chains.js';
import { spikeTimingReliability } from './spike-timing-reliability.js';

import { fhn, jansenRit, wilsonCowan } from './rate-gallery.js';
import { wholeBrainFhn } from './whole-brain-fhn.js';
import { joglekarFig1 } from './joglekar-fig1.js';
import { joglekarFig2 } from './joglekar-fig2.js';
import { joglekarFig5 } from './joglekar-fig5.js';
import { ei1m } from './ei-1m.js';
/** The gallery, in the order `neurodyn examples` lists it. */
export const EXAMPLES: readonly Example[] = [eiBalanced, coba, cuba, izhikevichPatterns, adexPatterns, gifPatterns, lifPhaseLocking, wangBuzsakiGamma, cobahh, thalamusCells, thalamus, vreeswijkEI, tianFastResponse, decisionMaking, phasePlane1D, fhnBifurcation, pituitaryGapJunction, wilsonCowanAnalysis, nak2D, decisionMakingSlowPoints, susinAI, susinCHING, susinING, susinPING, fractionalIzhikevich, fractionalFHR, lorenz, henonMap, logisticMap, mackeyGlass, multiscroll, rabinovichFabrikantExample, fractionalChaos, brunelHakim, synfireChains, spikeTimingReliability, hindmarshRoseFastSlow, shermanGapJunction, cann1D, cann2D, cann1DTracking, cannSlowPoints, gjFhnSlowPoints, izhikevichNetworkExample, izhikevichForumExample, tsodyksMarkramExample, joglekarFig1, joglekarFig2, joglekarFig5, ei1m, wilsonCowan, fhn, jansenRit, wholeBrainFhn];

export function findExample(name: string): Example | undefined {
  return EXAMPLES.find((e) => e.name === name);
}
