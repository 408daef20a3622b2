/**
 * Writing `animate1D` / `animate2D` files (Node only): a self-contained HTML page (animate-html.ts)
 * or an animated GIF (animate-gif.ts), chosen by `format` or by the extension of `basePath`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ParameterError } from '../core/errors.js';
import { animate1DGif, animate2DGif, type GifSize } from './animate-gif.js';
import { animate1DHtml, animate2DHtml } from './animate-html.js';
import type { Animate1DOptions, Animate2DOptions } from './animate-html.js';

export type AnimationFormat = 'html' | 'gif';

export interface AnimationFileOptions {
  /** 'html' (default) or 'gif'; a `basePath` ending in .html or .gif decides it too, and they must agree. */
  format?: AnimationFormat;
  /** Pixel size of GIF frames. */
  gif?: GifSize;
}

function target(basePath: string, format: AnimationFormat | undefined, what: string): { file: string; format: AnimationFormat } {
  const ext = path.extname(basePath).slice(1);
  const byExtension = ext === 'gif' || ext === 'html' ? ext : undefined;
  if (format !== undefined && format !== 'gif' && format !== 'html') throw new ParameterError(`${what}: format must be 'html' or 'gif', got '${String(format)}'`);
  if (byExtension && format && byExtension !== format) throw new ParameterError(`${what}: format '${format}' contradicts the file name ${basePath}`);
  const chosen = format ?? byExtension ?? 'html';
  return { file: byExtension ? basePath : `${basePath}.${chosen}`, format: chosen };
}

async function write(file: string, content: string | Uint8Array): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

/** Write an animation of curves over x to `basePath.html` or `basePath.gif`; returns the path. */
export async function animate1D(options: Animate1DOptions & AnimationFileOptions, basePath: string): Promise<string> {
  const { file, format } = target(basePath, options.format, 'animate1D');
  return write(file, format === 'gif' ? animate1DGif(options, options.gif) : animate1DHtml(options));
}

/** Write a heat-map animation to `basePath.html` or `basePath.gif`; returns the path. */
export async function animate2D(options: Animate2DOptions & AnimationFileOptions, basePath: string): Promise<string> {
  const { file, format } = target(basePath, options.format, 'animate2D');
  return write(file, format === 'gif' ? animate2DGif(options, options.gif) : animate2DHtml(options));
}
