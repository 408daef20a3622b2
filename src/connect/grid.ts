import { ParameterError } from '../core/errors.js';
import { type Connectivity, Connector, type Shapes, SparseConnectivity } from './connector.js';
import { coordinates, flatIndex, gridShape } from './grid-shape.js';

export interface GridOptions {
  /** Whether a neuron connects to itself. Default false. */
  include_self?: boolean;
  /** Wrap around the edges (a torus). Default false. */
  periodic_boundary?: boolean;
}

/**
 * Nearest neighbours on a grid: each neuron connects to the neurons within Chebyshev distance
 * `radius` (GridEight, radius 1: 8 neighbours in 2-D) or, with `manhattan`, within that many
 * steps along the axes (GridFour: 4 neighbours). Pre and post must have the same shape; it comes
 * from the group's size ([rows, cols]); a 1-D group gives the two neighbours on a line.
 */
export abstract class GridConnector extends Connector {
  readonly includeSelf: boolean;
  readonly periodicBoundary: boolean;

  protected constructor(
    private readonly kind: string,
    private readonly radius: number,
    private readonly manhattan: boolean,
    { include_self = false, periodic_boundary = false }: GridOptions,
  ) {
    super();
    this.includeSelf = include_self;
    this.periodicBoundary = periodic_boundary;
  }

  describe(): string {
    return `${this.kind}(include_self=${this.includeSelf}, periodic_boundary=${this.periodicBoundary})`;
  }

  protected connect(numPre: number, numPost: number, shapes: Shapes): Connectivity {
    const dims = gridShape(numPre, shapes.pre, this.describe());
    const postDims = gridShape(numPost, shapes.post, this.describe());
    if (dims.join(',') !== postDims.join(',')) throw new ParameterError(`${this.describe()}: pre shape [${dims}] and post shape [${postDims}] must be equal`);
    const offsets = this.offsets(dims.length);
    const indptr = new Int32Array(numPre + 1);
    const indices: number[] = [];
    for (let i = 0; i < numPre; i++) {
      const at = coordinates(i, dims);
      const row: number[] = [];
      for (const offset of offsets) {
        const target = at.map((c, d) => c + offset[d]);
        if (this.periodicBoundary) target.forEach((c, d) => (target[d] = ((c % dims[d]) + dims[d]) % dims[d]));
        else if (target.some((c, d) => c < 0 || c >= dims[d])) continue;
        row.push(flatIndex(target, dims));
      }
      // On tiny periodic grids two offsets can land on the same neuron; keep it once.
      indices.push(...[...new Set(row)].sort((a, b) => a - b));
      indptr[i + 1] = indices.length;
    }
    return new SparseConnectivity({ indptr, indices: Int32Array.from(indices), numRows: numPre, numCols: numPost }, this.includeSelf);
  }

  /** Every offset vector within the neighbourhood, self included if asked. */
  private offsets(dimensions: number): number[][] {
    let all: number[][] = [[]];
    for (let d = 0; d < dimensions; d++) {
      const next: number[][] = [];
      for (const prefix of all) for (let o = -this.radius; o <= this.radius; o++) next.push([...prefix, o]);
      all = next;
    }
    return all.filter((o) => {
      const steps = o.reduce((a, b) => a + Math.abs(b), 0);
      if (steps === 0) return this.includeSelf;
      return !this.manhattan || steps <= this.radius;
    });
  }
}

/** The 4 nearest neighbours on a 2-D grid (2 on a line): BrainPy's GridFour. */
export class GridFour extends GridConnector {
  constructor(options: GridOptions = {}) {
    super('GridFour', 1, true, options);
  }
}

/** The 8 surrounding neurons on a 2-D grid (2 on a line): BrainPy's GridEight. */
export class GridEight extends GridConnector {
  constructor(options: GridOptions = {}) {
    super('GridEight', 1, false, options);
  }
}
