import type { Connectivity, Connector } from '../../connect/connector.js';
import type { StepContext } from '../../core/context.js';
import type { SystemOptions } from '../../core/dynamical-system.js';
import { EquationError, ParameterError } from '../../core/errors.js';
import type { NumericArray } from '../../core/matrix.js';
import type { Population } from '../../core/neu-group.js';
import { CUBA } from '../synouts/syn-out.js';
import { Synapse } from './synapse.js';

export interface GapJunctionOptions extends SystemOptions {
  /** Coupling conductance: one number, or one value per connection (pre2post order). Default 1. */
  g_max?: number | ArrayLike<number>;
}

/**
 * Electrical synapse (BrainPy 2.3's synapses.GapJunction): for each connection i -> j with
 * weight w, the current w (V_pre_i - V_post_j) is added to post.input[j] and subtracted from
 * pre.input[i]. It acts instantly (no delay, no plasticity). All-to-all with one weight costs
 * O(numPre + numPost) per step.
 *
 * Whether this current depolarises depends on how the neuron model uses `input`: a model with
 * dV/dt = ... - input (as the seed's pituitary cells) gets the opposite of a conventional
 * gap-junction current; that is BrainPy's behaviour and is kept.
 */
export class GapJunction extends Synapse {
  private readonly preV: NumericArray;
  private readonly postV: NumericArray;
  private readonly preInput: NumericArray;
  private readonly postInput: NumericArray;

  constructor(pre: Population, post: Population, conn: Connector | Connectivity, options: GapJunctionOptions = {}) {
    super(pre, post, conn, options, { g_max: 1, output: new CUBA() });
    const need = (side: Population, name: string): NumericArray => {
      const array = side.group.variables()[name];
      if (!array) throw new EquationError(`GapJunction '${this.name}': group '${side.group.name}' has no variable '${name}' (needs V and input)`);
      return array;
    };
    this.preV = need(pre, 'V');
    this.postV = need(post, 'V');
    this.preInput = need(pre, 'input');
    this.postInput = need(post, 'input');
    if (this.delayStep !== 0) throw new ParameterError(`GapJunction '${this.name}' acts instantly; it takes no delay_step`);
  }

  update(_ctx: StepContext): void {
    if (this.conn.allToAll && typeof this.g_max === 'number') this.allToAll(this.g_max);
    else this.sparse();
  }

  private sparse(): void {
    const { indptr, indices } = this.conn.pre2post;
    const { preV, postV, preInput, postInput, g_max } = this;
    const a = this.pre.offset;
    const b = this.post.offset;
    for (let i = 0; i < this.pre.num; i++) {
      const vi = preV[i + a];
      let out = 0;
      for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) {
        const j = indices[k] + b;
        const current = (typeof g_max === 'number' ? g_max : g_max[k]) * (vi - postV[j]);
        postInput[j] += current;
        out += current;
      }
      preInput[i + a] -= out;
    }
  }

  private allToAll(w: number): void {
    const { preV, postV, preInput, postInput } = this;
    const a = this.pre.offset;
    const b = this.post.offset;
    const numPre = this.pre.num;
    const numPost = this.post.num;
    let sumPre = 0;
    let sumPost = 0;
    for (let i = 0; i < numPre; i++) sumPre += preV[i + a];
    for (let j = 0; j < numPost; j++) sumPost += postV[j + b];
    // Pairs (i, i) are missing without self-connections; their current is taken back out below.
    const diagonal = this.conn.includeSelf ? 0 : Math.min(numPre, numPost);
    for (let j = 0; j < numPost; j++) {
      const self = j < diagonal ? preV[j + a] - postV[j + b] : 0;
      postInput[j + b] += w * (sumPre - numPre * postV[j + b] - self);
    }
    for (let i = 0; i < numPre; i++) {
      const self = i < diagonal ? preV[i + a] - postV[i + b] : 0;
      preInput[i + a] -= w * (numPost * preV[i + a] - sumPost - self);
    }
  }
}
