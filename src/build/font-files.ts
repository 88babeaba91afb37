import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FontKey } from '../typeset/metrics.js';
import type { Sfnt } from '../fonts/sfnt.js';
import { woffSfnt } from './woff.js';

const require = createRequire(import.meta.url);

/**
 * The publication's faces, from `@fontsource` packages: Old Standard TT for
 * text (a revival of the 19th-century news and book faces; of nine serifs
 * measured with `npm run bench:typeset` it gave the fewest loose lines in
 * narrow columns: 4.5 % against 17.3 % for Source Serif 4, thanks to its
 * narrow letters and wide word space), Playfair Display for headlines, Libre
 * Franklin for labels and UnifrakturMaguntia for the nameplate. WOFF files,
 * unpacked to TrueType before use (`woff.ts`). Each value is the module path
 * of the file.
 */
export const FONT_FILES: Readonly<Record<FontKey, { readonly file: string }>> = {
  body: { file: '@fontsource/old-standard-tt/files/old-standard-tt-latin-400-normal.woff' },
  'body-italic': { file: '@fontsource/old-standard-tt/files/old-standard-tt-latin-400-italic.woff' },
  'body-bold': { file: '@fontsource/old-standard-tt/files/old-standard-tt-latin-700-normal.woff' },
  // Old Standard has no bold italic; bold stands in for it.
  'body-bold-italic': { file: '@fontsource/old-standard-tt/files/old-standard-tt-latin-700-normal.woff' },
  display: { file: '@fontsource/playfair-display/files/playfair-display-latin-700-normal.woff' },
  'display-italic': { file: '@fontsource/playfair-display/files/playfair-display-latin-400-italic.woff' },
  sans: { file: '@fontsource/libre-franklin/files/libre-franklin-latin-400-normal.woff' },
  'sans-bold': { file: '@fontsource/libre-franklin/files/libre-franklin-latin-700-normal.woff' },
  masthead: { file: '@fontsource/unifrakturmaguntia/files/unifrakturmaguntia-latin-400-normal.woff' },
  'body-ext': { file: '@fontsource/old-standard-tt/files/old-standard-tt-latin-ext-400-normal.woff' },
  'body-italic-ext': { file: '@fontsource/old-standard-tt/files/old-standard-tt-latin-ext-400-italic.woff' },
  'body-bold-ext': { file: '@fontsource/old-standard-tt/files/old-standard-tt-latin-ext-700-normal.woff' },
  'body-bold-italic-ext': { file: '@fontsource/old-standard-tt/files/old-standard-tt-latin-ext-700-normal.woff' },
  'display-ext': { file: '@fontsource/playfair-display/files/playfair-display-latin-ext-700-normal.woff' },
  'display-italic-ext': { file: '@fontsource/playfair-display/files/playfair-display-latin-ext-400-italic.woff' },
  'sans-ext': { file: '@fontsource/libre-franklin/files/libre-franklin-latin-ext-400-normal.woff' },
  'sans-bold-ext': { file: '@fontsource/libre-franklin/files/libre-franklin-latin-ext-700-normal.woff' },
};

/**
 * Every face, read from its WOFF file, its tables unpacked when first read
 * (`woffSfnt`). Slots set in the same file get the very same object, so
 * callers can share what they make of it. Read synchronously, as
 * `readBytes` reads an edition's inputs.
 */
export async function readFontFaces(): Promise<Record<FontKey, Sfnt>> {
  const files = [...new Set(Object.values(FONT_FILES).map((f) => f.file))];
  const faces = new Map(files.map((file) => [file, woffSfnt(readFileSync(require.resolve(file)), file)] as const));
  return Object.fromEntries(Object.entries(FONT_FILES).map(([key, { file }]) => [key, faces.get(file)!])) as Record<FontKey, Sfnt>;
}

/** Every face as plain TrueType bytes; slots set in the same file get the very same bytes. */
export async function readFontFiles(): Promise<Record<FontKey, Uint8Array>> {
  const faces = await readFontFaces();
  return Object.fromEntries(Object.entries(faces).map(([key, face]) => [key, face.bytes])) as Record<FontKey, Uint8Array>;
}
