/** Writing `animate1D` / `animate2D` HTML files (Node only); the pages themselves come from animate-html.ts. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { animate1DHtml, animate2DHtml } from './animate-html.js';
import type { Animate1DOptions, Animate2DOptions } from './animate-html.js';

async function writePage(html: string, basePath: string): Promise<string> {
  const file = basePath.endsWith('.html') ? basePath : `${basePath}.html`;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, html);
  return file;
}

/** Write `basePath.html`, a self-contained animation of curves over x; returns the path. */
export function animate1D(options: Animate1DOptions, basePath: string): Promise<string> {
  return writePage(animate1DHtml(options), basePath);
}

/** Write `basePath.html`, a self-contained heat-map animation; returns the path. */
export function animate2D(options: Animate2DOptions, basePath: string): Promise<string> {
  return writePage(animate2DHtml(options), basePath);
}
