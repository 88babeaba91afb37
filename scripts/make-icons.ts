/**
 * Draws the web app manifest's icons (a newspaper page on the accent colour)
 * into `src/viewer/app-icons/`, so the PNGs can be remade from one source.
 *
 * Usage: `npx tsx scripts/make-icons.ts`
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';

const OUT = resolve(import.meta.dirname, '..', 'src', 'viewer', 'app-icons');
const ACCENT = '#0b5cad';

/** The icon on a 32-unit grid (like favicon.svg), inside the central 80 % that maskable icons keep. */
function draw(size: number): Buffer {
  const canvas = createCanvas(size, size);
  const g = canvas.getContext('2d');
  const u = size / 32;
  g.fillStyle = ACCENT;
  g.fillRect(0, 0, size, size);
  g.fillStyle = '#ffffff';
  g.fillRect(8 * u, 5 * u, 16 * u, 22 * u);
  g.fillStyle = '#1d1b18';
  g.fillRect(10.5 * u, 8 * u, 11 * u, 2 * u);
  for (const y of [12.5, 16, 19.5, 23]) g.fillRect(10.5 * u, y * u, 4.5 * u, 1.2 * u);
  g.fillRect(16.5 * u, 12.5 * u, 5 * u, 11.7 * u);
  return canvas.toBuffer('image/png');
}

for (const size of [192, 512]) await writeFile(join(OUT, `icon-${size}.png`), draw(size));
