import { builtinModules } from 'node:module';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

describe('browser bundle', () => {
  it('bundles the core for the browser without any Node built-in', async () => {
    const result = await build({
      entryPoints: ['src/browser.ts'],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      metafile: true,
      logLevel: 'silent',
    });
    const imported = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
    const builtins = imported.filter((p) => NODE_BUILTINS.has(p));
    expect(builtins).toEqual([]);
    const sources = Object.keys(result.metafile.inputs).filter((f) => f.startsWith('src/'));
    expect(sources.some((f) => f.startsWith('src/cli/') || f.endsWith('plot/node.ts'))).toBe(false);
    expect(sources).toContain('src/core/network.ts');
  });

  it('fails when a Node built-in slips into the core', async () => {
    await expect(
      build({ stdin: { contents: "import fs from 'node:fs'; export const x = fs;", resolveDir: 'src' }, bundle: true, write: false, platform: 'browser', logLevel: 'silent' }),
    ).rejects.toThrow();
  });
});
