import type { Connectivity, Connector } from '../../connect/connector.js';
import type { StepContext } from '../../core/context.js';
import { UnknownNameError } from '../../core/errors.js';
import type { FloatArray, NumericArray } from '../../core/matrix.js';
import type { Population } from '../../core/neu-group.js';
import { CUBA } from '../synouts/syn-out.js';
import { Synapse, type SynapseOptions } from './synapse.js';

export interface DeltaOptions extends SynapseOptions {
  /**
   * A postsynaptic flag variable (usually 'refractory'): neurons where it is 1 receive nothing,
   * as in BrainPy's `post_ref_key`.
   */
  post_ref_key?: string;
}

/**
 * Delta synapse (BrainPy's synapses.Delta): each arriving spike adds g_max at once, by default
 * straight into the postsynaptic membrane potential (output CUBA with target_var 'V'), or into
 * any other variable through the output (CUBA({target_var: 'ge'})). `g` holds what arrived this
 * step. With `post_ref_key` the arrivals are multiplied by (1 - post[post_ref_key]), the flag as
 * the neuron left it in the previous step.
 */
export class Delta extends Synapse {
  readonly g: FloatArray;
  readonly postRefKey: string | undefined;
  private readonly refFlag: NumericArray | undefined;
  private readonly applyOutput: () => void;

  constructor(pre: Population, post: Population, conn: Connector | Connectivity, options: DeltaOptions = {}) {
    const { post_ref_key, ...rest } = options;
    super(pre, post, conn, rest, { g_max: 1, output: new CUBA({ target_var: 'V' }) });
    this.g = this.postArray();
    this.postRefKey = post_ref_key;
    if (post_ref_key !== undefined) {
      const vars = post.group.variables();
      this.refFlag = vars[post_ref_key];
      if (!this.refFlag) {
        throw new UnknownNameError(`Delta synapse '${this.name}': post_ref_key '${post_ref_key}' is not a variable of group '${post.group.name}' (it has ${Object.keys(vars).join(', ')})`);
      }
    }
    this.applyOutput = this.output.bind(post, this.g, this.name);
  }

  override variables(): Record<string, NumericArray> {
    return { g: this.g, ...this.plasticityVariables() };
  }

  update(ctx: StepContext): void {
    this.g.fill(0);
    this.addEvents(ctx, this.g);
    const flag = this.refFlag;
    if (flag) {
      const offset = this.post.offset;
      for (let j = 0; j < this.g.length; j++) if (flag[j + offset]) this.g[j] = 0;
    }
    this.applyOutput();
  }
}
