import { execFile } from 'node:child_process';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = ['--import', 'tsx', 'src/cli/main.ts'];

describe('neurodyn CLI', () => {
  it('lists the gallery', async () => {
    const { stdout } = await run('node', [...CLI, 'examples']);
    for (const name of ['ei-balanced', 'coba', 'cuba']) expect(stdout).toContain(name);
  });

  it('runs an example with --json: the last line is the result object, figures exist', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'neurodyn-cli-'));
    const { stdout } = await run('node', [...CLI, 'run', 'coba', '--duration', '50', '--seed', '7', '--scale', '0.25', '--out', out, '--json']);
    const lines = stdout.trim().split('\n');
    const result = JSON.parse(lines[lines.length - 1]);
    expect(result).toMatchObject({ example: 'coba', seed: 7, dt: 0.1, duration_ms: 50, steps: 500 });
    expect(result.groups.E.size).toBe(800);
    expect(result.groups.I.size).toBe(200);
    expect(result.groups.E.rate_hz).toBeCloseTo(result.groups.E.spikes / 800 / 0.05, 9);
    expect(result.checks.min_isi_ms.pass).toBe(true);
    expect(result.figures).toHaveLength(4);
    for (const file of result.figures) expect((await stat(file)).size).toBeGreaterThan(1000);
  });

  it('runs on either kernel backend with the same spikes (--backend js / wasm), in either math mode and in float32', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'neurodyn-cli-'));
    const groups = async (...options: string[]) => {
      const { stdout } = await run('node', [...CLI, 'run', 'coba', '--duration', '30', '--scale', '0.25', '--out', out, '--json', ...options]);
      return JSON.parse(stdout.trim().split('\n').pop() as string).groups;
    };
    const [js, wasm] = [await groups('--backend', 'js'), await groups('--backend', 'wasm')];
    expect(js.E.spikes).toBeGreaterThan(0);
    expect(wasm).toEqual(js);
    const [jsFast, wasmFast] = [await groups('--backend', 'js', '--math', 'fast'), await groups('--backend', 'wasm', '--math', 'fast')];
    expect(wasmFast).toEqual(jsFast);
    expect(jsFast.E.spikes).toBeGreaterThan(0);
    const [js32, wasm32] = [await groups('--backend', 'js', '--float32'), await groups('--backend', 'wasm', '--float32')];
    expect(wasm32).toEqual(js32);
    expect(js32.E.spikes).toBeGreaterThan(0);
    await expect(run('node', [...CLI, 'run', 'coba', '--backend', 'gpu'])).rejects.toMatchObject({ stderr: expect.stringMatching(/unknown backend 'gpu' \(known: auto, js, wasm\)/) });
    await expect(run('node', [...CLI, 'run', 'coba', '--math', 'quick'])).rejects.toMatchObject({ stderr: expect.stringMatching(/--math: unknown math mode 'quick' \(known: exact, fast\)/) });
  });

  it('names the valid examples when given an unknown one, and rejects bad numbers', async () => {
    await expect(run('node', [...CLI, 'run', 'cobb'])).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/unknown example 'cobb'; available: ei-balanced, coba, cuba/) });
    await expect(run('node', [...CLI, 'run', 'coba', '--dt', '-1'])).rejects.toMatchObject({ stderr: expect.stringMatching(/expected a positive number/) });
  });
});
