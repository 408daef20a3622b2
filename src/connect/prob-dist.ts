import { ParameterError, requireInRange, requirePositive } from '../core/errors.js';
import { type RandomStream, streamFor } from '../core/random.js';
import { type Connectivity, Connector, type Shapes, SparseConnectivity } from './connector.js';
import { coordinates, flatIndex, gridShape } from './grid-shape.js';

export interface ProbDistOptions {
  /** Largest Euclidean distance (in grid cells) of a connection. Default 1. */
  dist?: number;
  /** Probability of each pair within the distance. Default 1. */
  prob?: number;
  /** Probability that a presynaptic neuron makes connections at all. Default 1. */
  pre_ratio?: number;
  /** Whether a neuron at the same grid position is a target. Default true. */
  include_self?: boolean;
  seed?: number;
}

/**
 * Distance-dependent random connectivity (BrainPy's ProbDist): neurons sit on the grid of their
 * group's shape (a line for 1-D groups); a presynaptic neuron (taking part with probability
 * pre_ratio) connects with probability `prob` to each postsynaptic neuron at Euclidean distance
 * <= dist from its own grid position. Pre and post grids must have the same number of dimensions.
 * Cost: O(numPre * (2 dist + 1)^dims).
 */
export class ProbDist extends Connector {
  readonly dist: number;
  readonly prob: number;
  readonly preRatio: number;
  readonly includeSelf: boolean;
  readonly seed: number | undefined;
  private readonly stream: RandomStream;

  constructor({ dist = 1, prob = 1, pre_ratio = 1, include_self = true, seed }: ProbDistOptions = {}) {
    super();
    this.dist = requirePositive(dist, 'ProbDist dist');
    this.prob = requireInRange(prob, 0, 1, 'ProbDist prob');
    this.preRatio = requireInRange(pre_ratio, 0, 1, 'ProbDist pre_ratio');
    this.includeSelf = include_self;
    this.seed = seed;
    this.stream = streamFor(seed);
  }

  describe(): string {
    return `ProbDist(dist=${this.dist}, prob=${this.prob}, pre_ratio=${this.preRatio}, include_self=${this.includeSelf}, seed=${this.seed})`;
  }

  protected connect(numPre: number, numPost: number, shapes: Shapes): Connectivity {
    const preDims = gridShape(numPre, shapes.pre, this.describe());
    const postDims = gridShape(numPost, shapes.post, this.describe());
    if (preDims.length !== postDims.length) throw new ParameterError(`${this.describe()}: pre grid [${preDims}] and post grid [${postDims}] differ in dimensions`);
    const reach = Math.floor(this.dist);
    const indptr = new Int32Array(numPre + 1);
    const indices: number[] = [];
    for (let i = 0; i < numPre; i++) {
      if (this.preRatio === 1 || this.stream.random() < this.preRatio) {
        const at = coordinates(i, preDims);
        this.visit(at, postDims, reach, 0, [], (target, distance2) => {
          if (distance2 > this.dist * this.dist) return;
          if (!this.includeSelf && distance2 === 0) return;
          if (this.prob === 1 || this.stream.random() < this.prob) indices.push(flatIndex(target, postDims));
        });
      }
      indptr[i + 1] = indices.length;
    }
    return new SparseConnectivity({ indptr, indices: Int32Array.from(indices), numRows: numPre, numCols: numPost }, this.includeSelf);
  }

  /** Every post grid cell in the box of half-width `reach` around `at`, in row-major (ascending) order. */
  private visit(at: number[], dims: number[], reach: number, d: number, prefix: number[], found: (target: number[], distance2: number) => void): void {
    if (d === dims.length) {
      found(prefix, prefix.reduce((sum, c, k) => sum + (c - at[k]) ** 2, 0));
      return;
    }
    for (let c = Math.max(0, at[d] - reach); c <= Math.min(dims[d] - 1, at[d] + reach); c++) this.visit(at, dims, reach, d + 1, [...prefix, c], found);
  }
}
