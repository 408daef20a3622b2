/**
 * A 3x5 pixel font for the few labels GIF frames carry (time, axis ranges): digits and the
 * characters of "t = 1.5e-3 ms". Each glyph is five rows of three bits, most significant left.
 */
const GLYPHS: Record<string, number[]> = {
  '0': [7, 5, 5, 5, 7],
  '1': [2, 6, 2, 2, 7],
  '2': [7, 1, 7, 4, 7],
  '3': [7, 1, 7, 1, 7],
  '4': [5, 5, 7, 1, 1],
  '5': [7, 4, 7, 1, 7],
  '6': [7, 4, 7, 5, 7],
  '7': [7, 1, 1, 1, 1],
  '8': [7, 5, 7, 5, 7],
  '9': [7, 5, 7, 1, 7],
  '.': [0, 0, 0, 0, 2],
  '-': [0, 0, 7, 0, 0],
  '+': [0, 2, 7, 2, 0],
  '=': [0, 7, 0, 7, 0],
  e: [0, 7, 7, 4, 7],
  t: [2, 7, 2, 2, 3],
  m: [0, 0, 7, 7, 5],
  s: [0, 3, 4, 1, 6],
  ' ': [0, 0, 0, 0, 0],
};

/** Width in pixels of `text` drawn at `scale` (glyphs are 3 wide with a 1-pixel gap). */
export function textWidth(text: string, scale: number): number {
  return Math.max(0, 4 * text.length - 1) * scale;
}

/**
 * Draw `text` with its top-left corner at (x, y) into a row-major indexed image; characters
 * without a glyph are drawn as blanks, pixels outside the image are skipped.
 */
export function drawText(pixels: Uint8Array, width: number, text: string, x: number, y: number, color: number, scale = 2): void {
  const height = pixels.length / width;
  [...text].forEach((ch, k) => {
    const rows = GLYPHS[ch] ?? GLYPHS[' '];
    for (let r = 0; r < 5; r++) {
      for (let c = 0; c < 3; c++) {
        if (!((rows[r] >> (2 - c)) & 1)) continue;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const px = x + (4 * k + c) * scale + dx;
            const py = y + r * scale + dy;
            if (px >= 0 && px < width && py >= 0 && py < height) pixels[py * width + px] = color;
          }
        }
      }
    }
  });
}
