import { readFileSync } from 'node:fs';

/** Brian2 rates of one network in test/reference/ei-networks-brian2.json (several seeds). */
export interface ReferenceRates {
  mean_rate_E_Hz: number;
  sd_rate_E_Hz: number;
  mean_rate_I_Hz: number;
  sd_rate_I_Hz: number;
  seeds: number[];
}

interface ReferenceFile {
  target: string;
  brian2_version: string;
  common: { duration: number; dt: number };
  networks: Record<string, ReferenceRates>;
}

const REFERENCE_FILE = new URL('../../test/reference/ei-networks-brian2.json', import.meta.url);

/** Brian2's rates for the same formulation, made by test/reference/brian2/ei_networks.py. */
export function brian2Reference(network: string): { rates: ReferenceRates; duration: number; dt: number; source: string } {
  const file = JSON.parse(readFileSync(REFERENCE_FILE, 'utf8')) as ReferenceFile;
  const rates = file.networks[network];
  if (!rates) throw new Error(`no Brian2 reference for '${network}' in ${REFERENCE_FILE.pathname}`);
  return { rates, duration: file.common.duration, dt: file.common.dt, source: `Brian2 ${file.brian2_version} (${file.target}), ${rates.seeds.length} seeds` };
}

/** The band a single seed's rate should fall in: the Brian2 mean ± max(3 sd, 5 % of the mean). */
export function rateBand(mean: number, sd: number): [number, number] {
  const half = Math.max(3 * sd, 0.05 * mean);
  return [mean - half, mean + half];
}
