import { EquationError } from '../core/errors.js';
import { defineModel, type Model, NOISE } from '../core/model.js';
import { type Expr, show } from '../expr/ast.js';
import { parseExpression } from '../expr/parse.js';
import { assignedValue, parseStatements } from '../expr/statements.js';
import { type Dimension, dimensionOf, divideDims, formatDim } from '../units/dimension.js';
import { type Declaration, parseEquations } from './equations.js';
import { Scope, type Namespace } from './scope.js';
import { Quantity } from '../units/quantity.js';
import { columnOf } from '../units/check.js';

export const TIME: Dimension = dimensionOf({ second: 1 });

/** Brian2's method names where Neurodyn's differ: Brian2's rk2 is the midpoint rule. exponential_euler is Brian2's own. */
const METHOD_NAMES: Readonly<Record<string, string>> = { rk2: 'midpoint' };
export const methodFor = (method: string | undefined): string => (method === undefined ? 'euler' : METHOD_NAMES[method] ?? method);

export interface NeuronStrings {
  readonly threshold?: string;
  readonly reset?: string;
  /** A time (`ms(2)`), a string giving a time ('2*ms', 'tau_ref') or a condition ('v > -40*mV'). */
  readonly refractory?: Quantity | string;
  readonly namespace?: Namespace;
}

export interface CompiledNeuronModel {
  readonly model: Model;
  readonly declarations: readonly Declaration[];
  readonly scope: Scope;
  /** Every per-neuron variable with its dimension (states and parameters). */
  readonly variables: ReadonlyMap<string, Dimension>;
  /** Parameters that nothing in the group's own strings writes (kernel parameters, read per neuron). */
  readonly params: readonly string[];
  readonly constants: ReadonlySet<string>;
}

/** Turn Brian2-style strings into a checked Model: dimensions, names and assignments are verified here. */
export function compileNeuronModel(name: string, equations: string, strings: NeuronStrings): CompiledNeuronModel {
  const declarations = parseEquations(equations);
  const variables = new Map<string, Dimension>();
  for (const d of declarations) if (d.kind !== 'subexpression') variables.set(d.name, d.dim);
  // xi is white noise (Brian2's units 1/sqrt(second)); the kernel integrates it by Euler-Maruyama.
  const scope = new Scope(variables, new Map([['t', TIME], [NOISE, dimensionOf({ second: -0.5 })]]), strings.namespace);
  const subexpressions = declarations.filter((d) => d.kind === 'subexpression');
  for (const d of subexpressions) scope.registerSubexpression(d.name, d.expr as Expr, d.dim);
  for (const d of subexpressions) scope.checkExpr(d.expr as Expr, `subexpression '${d.line.trim()}'`, d.dim);

  const equationsOut: Record<string, string> = {};
  for (const d of declarations.filter((x) => x.kind === 'differential')) {
    scope.checkExpr(d.expr as Expr, `equation '${d.line.trim()}'`, divideDims(d.dim, TIME), `the unit of d${d.name}/dt (${d.unit}/second)`);
    equationsOut[d.name] = show(scope.lower(d.expr as Expr));
  }
  const constants = new Set(declarations.filter((d) => d.flags.includes('constant')).map((d) => d.name));

  let threshold: string | undefined;
  if (strings.threshold !== undefined) {
    const where = `threshold '${strings.threshold}'`;
    const expr = parseExpression(strings.threshold);
    if (!scope.checkExpr(expr, where).boolean) {
      throw new EquationError(`${where}${columnOf(expr)} is not a condition: write a comparison such as 'v > 30'`);
    }
    threshold = show(scope.lower(expr));
  }

  const reset: [string, string][] = [];
  if (strings.reset !== undefined) {
    for (const statement of parseStatements(strings.reset)) {
      const where = `reset '${strings.reset}'`;
      const dim = variables.get(statement.target);
      if (dim === undefined || constants.has(statement.target)) {
        const known = [...variables.keys()].filter((v) => !constants.has(v));
        throw new EquationError(
          `${where} at column ${statement.pos + 1} assigns '${statement.target}', which is ${dim === undefined ? 'not a variable of the group' : 'a constant'}; variables: ${known.join(', ')}`,
        );
      }
      const value = assignedValue(statement);
      scope.checkExpr(value, where, dim, `'${statement.target}'`);
      reset.push([statement.target, show(scope.lower(value))]);
    }
  }
  const written = new Set(reset.map(([v]) => v));
  for (const d of declarations) if (d.kind === 'parameter' && written.has(d.name)) equationsOut[d.name] = '0';
  const params = declarations.filter((d) => d.kind === 'parameter' && !written.has(d.name)).map((d) => d.name);

  const hold = declarations.filter((d) => d.flags.includes('unless refractory')).map((d) => d.name);
  const condition = strings.refractory === undefined ? undefined : refractoryCondition(strings.refractory, scope);
  if (condition === undefined && hold.length > 0) {
    throw new EquationError(`'${hold[0]}' is marked (unless refractory) but the group has no refractory period`);
  }
  const model = defineModel(
    name,
    {
      equations: equationsOut,
      threshold,
      reset,
      refractory: condition === undefined ? undefined : { condition, hold, blocksThreshold: true },
    },
    params,
  );
  return { model, declarations, scope, variables, params, constants };
}

/**
 * Brian2's refractoriness as a condition on the state at the start of a step: for a time r,
 * refractory while timestep(t - lastspike) < timestep(r), with timestep(x) = int(x/dt + 0.001);
 * a boolean string is used as it is.
 */
function refractoryCondition(refractory: Quantity | string, scope: Scope): string {
  const where = `refractory '${refractory instanceof Quantity ? refractory.toString() : refractory}'`;
  const expr = refractory instanceof Quantity ? undefined : parseExpression(refractory);
  if (expr !== undefined && scope.checkExpr(expr, where).boolean) return show(scope.lower(expr));
  let period: string;
  if (expr === undefined) {
    if (formatDim((refractory as Quantity).dim) !== 'second') throw new EquationError(`${where} must be a time or a condition`);
    period = String((refractory as Quantity).inInternalUnits());
  } else {
    scope.checkExpr(expr, where, TIME, 'a refractory period (a time)');
    period = show(scope.lower(expr));
  }
  return `int((t - t_last_spike) / dt + 0.001) < int(${period} / dt + 0.001)`;
}

