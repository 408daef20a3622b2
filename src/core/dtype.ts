import type { DType } from './matrix.js';

let defaultDType: DType = 'float64';

/** Storage type new groups use unless they are given one. */
export function getDType(): DType {
  return defaultDType;
}

export function setDType(dtype: DType): void {
  defaultDType = dtype;
}
