/**
 * Writing figures to disk (Node only): SVG as vega draws it, PNG through resvg.
 *
 * `rasterPlot` and `linePlot` are the one-call forms of BrainPy's `bp.visualize.raster_plot` and
 * `line_plot`: build the spec, write `file.svg` and `file.png`, return the paths written.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { ParameterError } from '../core/errors.js';
import type { Matrix2D } from '../core/matrix.js';
import { specToSvg } from './render.js';
import type { RenderOptions } from './render.js';
import { lineSpec, rasterSpec } from './specs.js';
import type { LineOptions, RasterOptions } from './specs.js';

export type FigureFormat = 'svg' | 'png';

export interface PngOptions {
  /** Pixel density: 2 (default) gives a 2× bitmap, sharp on screens and fine for slides. */
  scale?: number;
  /** Background colour; default white (vega's transparent areas would otherwise stay transparent). */
  background?: string;
  /** Extra font files (TTF/OTF) for resvg, for machines without system fonts. */
  fontFiles?: string[];
  /** Extra font folders for resvg. The NEURODYN_FONT_DIRS variable (path-delimiter list) adds more. */
  fontDirs?: string[];
}

export interface SaveOptions extends RenderOptions, PngOptions {}

/**
 * The generic sans-serif family resvg falls back to. The figures ask for
 * 'DejaVu Sans, Helvetica, Arial, sans-serif' (first installed wins); this picks the family that
 * 'sans-serif' resolves to, which without it is a serif face.
 */
function platformSans(): string {
  if (process.platform === 'darwin') return 'Helvetica';
  if (process.platform === 'win32') return 'Arial';
  return 'DejaVu Sans';
}

const LINUX_FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts'];
let fontWarningGiven = false;

/** On Linux, warn once when no font is likely to be found: resvg would then drop every text silently. */
function warnIfNoFonts(extraFiles: readonly string[], extraDirs: readonly string[]): void {
  if (fontWarningGiven || process.platform !== 'linux' || extraFiles.length > 0) return;
  const dirs = [...LINUX_FONT_DIRS, path.join(homedir(), '.fonts'), path.join(homedir(), '.local/share/fonts'), ...extraDirs];
  const hasFonts = dirs.some((d) => {
    try {
      return existsSync(d) && readdirSync(d).length > 0;
    } catch {
      return false;
    }
  });
  if (!hasFonts) {
    fontWarningGiven = true;
    process.emitWarning(
      'No fonts found for PNG rendering: axis labels and titles will be missing from PNG files. ' +
        'Install a font package (Debian/Ubuntu: apt-get install fonts-dejavu-core) or pass fontFiles/fontDirs ' +
        '(or set NEURODYN_FONT_DIRS). SVG files are not affected.',
      { code: 'NEURODYN_NO_FONTS' },
    );
  }
}

/** resvg options: system fonts plus any given ones, sans-serif mapped to a real sans face. */
export function resvgOptions(options: PngOptions = {}): ResvgRenderOptions {
  const scale = options.scale ?? 2;
  if (!(scale > 0 && Number.isFinite(scale))) {
    throw new ParameterError(`PNG scale must be a positive finite number, got ${scale}`);
  }
  const envDirs = (process.env.NEURODYN_FONT_DIRS ?? '').split(path.delimiter).filter((d) => d !== '');
  const fontFiles = options.fontFiles ?? [];
  const fontDirs = [...(options.fontDirs ?? []), ...envDirs];
  warnIfNoFonts(fontFiles, fontDirs);
  const sans = platformSans();
  return {
    fitTo: { mode: 'zoom', value: scale },
    background: options.background ?? 'white',
    font: {
      loadSystemFonts: true,
      fontFiles,
      fontDirs,
      defaultFontFamily: sans,
      sansSerifFamily: sans,
    },
  };
}

/** Rasterises SVG text to PNG bytes with resvg (scale 2 and a white background by default). */
export function svgToPng(svg: string, options: PngOptions = {}): Buffer {
  return new Resvg(svg, resvgOptions(options)).render().asPng();
}

const EXT = /\.(svg|png)$/i;

/**
 * Writes a figure. `basePath` is the file path without extension; one file is written per format
 * (default both: `basePath.svg` and `basePath.png`). A `basePath` that already ends in .svg or .png
 * is taken as that single format when `formats` is not given (`saveFigure(spec, 'fig.png')` writes
 * only fig.png); with `formats` given, the extension is replaced. Parent folders are created.
 * Returns the paths written, in the order of `formats`.
 */
export async function saveFigure(
  spec: object,
  basePath: string,
  formats?: readonly FigureFormat[],
  options: SaveOptions = {},
): Promise<string[]> {
  const ext = EXT.exec(basePath);
  const base = ext ? basePath.slice(0, -ext[0].length) : basePath;
  const wanted: readonly FigureFormat[] =
    formats ?? (ext ? [ext[1].toLowerCase() as FigureFormat] : ['svg', 'png']);
  if (wanted.length === 0) throw new ParameterError('saveFigure needs at least one format (svg or png)');
  for (const f of wanted) {
    if (f !== 'svg' && f !== 'png') throw new ParameterError(`unknown figure format '${String(f)}': use 'svg' or 'png'`);
  }
  const svg = await specToSvg(spec, options);
  await mkdir(path.dirname(path.resolve(base)), { recursive: true });
  const written: string[] = [];
  for (const f of new Set(wanted)) {
    const file = `${base}.${f}`;
    await writeFile(file, f === 'svg' ? svg : svgToPng(svg, options));
    written.push(file);
  }
  return written;
}

/** Where and how a convenience plot is written: `file` as in `saveFigure`'s basePath. */
export interface FileOptions extends SaveOptions {
  file: string;
  formats?: readonly FigureFormat[];
}

/** BrainPy's `raster_plot`: builds `rasterSpec(ts, spikes, options)` and saves it (SVG + PNG by default). */
export function rasterPlot(
  ts: ArrayLike<number>,
  spikes: Matrix2D,
  options: RasterOptions & FileOptions,
): Promise<string[]> {
  return saveFigure(rasterSpec(ts, spikes, options), options.file, options.formats, options);
}

/** BrainPy's `line_plot`: builds `lineSpec(ts, values, options)` and saves it (SVG + PNG by default). */
export function linePlot(
  ts: ArrayLike<number>,
  values: Matrix2D | ArrayLike<number>,
  options: LineOptions & FileOptions,
): Promise<string[]> {
  return saveFigure(lineSpec(ts, values, options), options.file, options.formats, options);
}
