import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../src/core/errors.js';
import { animate1DHtml, animate2DHtml } from '../src/plot/animate-html.js';
import { animate1D } from '../src/plot/node-animate.js';

/** The JSON the page embeds after `const D = `. */
function embedded(html: string): { frames: number; rows: number[]; series?: { frames: number[][] }[]; values?: number[][] } {
  const line = html.split('\n').find((l) => l.startsWith('const D = '));
  if (!line) throw new Error('no embedded data');
  return JSON.parse(line.slice('const D = '.length, -1)) as ReturnType<typeof embedded>;
}

describe('animate1DHtml / animate2DHtml', () => {
  it('embeds every frameStep-th frame, with controls and no external resources', () => {
    const ys = Float64Array.from({ length: 10 * 3 }, (_, i) => i);
    const html = animate1DHtml({ xs: [0, 1, 2], series: [{ legend: 'u', ys }], frameStep: 3, title: 'a</script>' });
    const d = embedded(html);
    expect(d.rows).toEqual([0, 3, 6, 9]);
    expect(d.series?.[0].frames[1]).toEqual([9, 10, 11]);
    expect(html).toContain('type="range"');
    expect(html).toContain('id="play"');
    expect(html).not.toMatch(/src=|href=|https?:/);
    expect(html).not.toContain('a</script>');
  });

  it('animate2DHtml keeps frames of height*width values', () => {
    const d = embedded(animate2DHtml({ values: new Float64Array(5 * 6), netSize: [2, 3] }));
    expect(d.frames).toBe(5);
    expect(d.values?.[0]).toHaveLength(6);
  });

  it('names bad shapes', () => {
    expect(() => animate2DHtml({ values: new Float64Array(7), netSize: [2, 3] })).toThrow(ParameterError);
    expect(() => animate1DHtml({ xs: [0, 1], series: [{ legend: 'u', ys: [1, 2] }, { legend: 'v', ys: [1] }] })).toThrow(/series 'v'/);
    expect(() => animate1DHtml({ xs: [0, 1], series: [{ legend: 'u', ys: [1, 2] }], frameStep: 0 })).toThrow(/frameStep/);
  });

  it('animate1D writes the page to basePath.html', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'anim-'));
    const file = await animate1D({ xs: [0, 1], series: [{ legend: 'u', ys: [1, 2, 3, 4] }] }, path.join(dir, 'x'));
    expect(file).toBe(path.join(dir, 'x.html'));
    expect(embedded(readFileSync(file, 'utf8')).frames).toBe(2);
  });
});
