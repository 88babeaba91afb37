import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FontKey } from '../typeset/metrics.js';
import { woffToSfnt } from './woff.js';

const require = createRequire(import.meta.url);

/**
 * The publication's faces, from `@fontsource` packages: Source Serif 4 for
 * text, Playfair Display for headlines, Libre Franklin for labels and
 * UnifrakturMaguntia for the nameplate. WOFF, not WOFF2: fontkit's WOFF2
 * reader breaks pdf-lib's subsetting.
 */
export const FONT_FILES: Readonly<Record<FontKey, string>> = {
  body: '@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff',
  'body-italic': '@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff',
  'body-bold': '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff',
  'body-bold-italic': '@fontsource/source-serif-4/files/source-serif-4-latin-700-italic.woff',
  display: '@fontsource/playfair-display/files/playfair-display-latin-700-normal.woff',
  'display-italic': '@fontsource/playfair-display/files/playfair-display-latin-400-italic.woff',
  sans: '@fontsource/libre-franklin/files/libre-franklin-latin-400-normal.woff',
  'sans-bold': '@fontsource/libre-franklin/files/libre-franklin-latin-700-normal.woff',
  masthead: '@fontsource/unifrakturmaguntia/files/unifrakturmaguntia-latin-400-normal.woff',
};

/** Reads every face and unpacks it to plain OpenType bytes. */
export async function readFontFiles(): Promise<Record<FontKey, Uint8Array>> {
  const entries = await Promise.all(
    Object.entries(FONT_FILES).map(async ([key, specifier]) => {
      const bytes = await readFile(require.resolve(specifier));
      return [key, woffToSfnt(bytes)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<FontKey, Uint8Array>;
}
