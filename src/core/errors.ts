/** Typed errors that name the place and the fix, so a person can act on them. */

export class NeurodynError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An impossible or out-of-range parameter (non-positive dt or time constant, probability > 1, ...). */
export class ParameterError extends NeurodynError {}

/** A path (monitor, input) or a symbol that does not exist; the message lists the valid ones. */
export class UnknownNameError extends NeurodynError {}

/** A state variable became NaN or infinite during a run. */
export class NonFiniteStateError extends NeurodynError {}

/** The error for a synaptic (or other per-element) state that became NaN or infinite. */
export function synapticStateNotFinite(owner: string, model: string, variable: string, element: number, t: number): NonFiniteStateError {
  return new NonFiniteStateError(
    `${owner}: ${model} variable '${variable}' of element ${element} became non-finite at t = ${t.toFixed(4)} ms; check the parameters or use a smaller dt`,
  );
}

/** A monitor would need more memory than the limit allows. */
export class MonitorMemoryError extends NeurodynError {}

/** An equation that cannot be parsed or refers to something it may not. */
export class EquationError extends NeurodynError {}

export function requirePositive(value: number, what: string): number {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new ParameterError(`${what} must be a positive finite number, got ${value}`);
  }
  return value;
}

export function requireInRange(value: number, low: number, high: number, what: string): number {
  if (!(value >= low && value <= high)) {
    throw new ParameterError(`${what} must lie in [${low}, ${high}], got ${value}`);
  }
  return value;
}
