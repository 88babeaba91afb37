import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FontKey } from '../typeset/metrics.js';
import { woffToSfnt } from './woff.js';

const require = createRequire(import.meta.url);

/**
 * The publication's faces, from `@fontsource` packages: Old Standard TT for
 * text (a revival of the 19th-century news and book faces; of nine serifs
 * measured with `npm run bench:typeset` it gave the fewest loose lines in
 * narrow columns: 4.5 % against 17.3 % for Source Serif 4, thanks to its
 * narrow letters and wide word space), Playfair Display for headlines, Libre Franklin for labels and
 * UnifrakturMaguntia for the nameplate. WOFF, not WOFF2: fontkit's WOFF2
 * reader breaks pdf-lib's subsetting.
 */
export interface FontFile {
  /** Module path of the WOFF file. */
  readonly file: string;
  /** `full` for faces with contextual forms the fast shaper does not model (see `Shaper`). */
  readonly shaping: 'fast' | 'full';
}

const fast = (file: string): FontFile => ({ file, shaping: 'fast' });

export const FONT_FILES: Readonly<Record<FontKey, FontFile>> = {
  body: fast('@fontsource/old-standard-tt/files/old-standard-tt-latin-400-normal.woff'),
  'body-italic': fast('@fontsource/old-standard-tt/files/old-standard-tt-latin-400-italic.woff'),
  'body-bold': fast('@fontsource/old-standard-tt/files/old-standard-tt-latin-700-normal.woff'),
  // Old Standard has no bold italic; bold stands in for it.
  'body-bold-italic': fast('@fontsource/old-standard-tt/files/old-standard-tt-latin-700-normal.woff'),
  display: fast('@fontsource/playfair-display/files/playfair-display-latin-700-normal.woff'),
  'display-italic': fast('@fontsource/playfair-display/files/playfair-display-latin-400-italic.woff'),
  sans: fast('@fontsource/libre-franklin/files/libre-franklin-latin-400-normal.woff'),
  'sans-bold': fast('@fontsource/libre-franklin/files/libre-franklin-latin-700-normal.woff'),
  masthead: { file: '@fontsource/unifrakturmaguntia/files/unifrakturmaguntia-latin-400-normal.woff', shaping: 'full' },
  'body-ext': fast('@fontsource/old-standard-tt/files/old-standard-tt-latin-ext-400-normal.woff'),
  'body-italic-ext': fast('@fontsource/old-standard-tt/files/old-standard-tt-latin-ext-400-italic.woff'),
  'body-bold-ext': fast('@fontsource/old-standard-tt/files/old-standard-tt-latin-ext-700-normal.woff'),
  'body-bold-italic-ext': fast('@fontsource/old-standard-tt/files/old-standard-tt-latin-ext-700-normal.woff'),
  'display-ext': fast('@fontsource/playfair-display/files/playfair-display-latin-ext-700-normal.woff'),
  'display-italic-ext': fast('@fontsource/playfair-display/files/playfair-display-latin-ext-400-italic.woff'),
  'sans-ext': fast('@fontsource/libre-franklin/files/libre-franklin-latin-ext-400-normal.woff'),
  'sans-bold-ext': fast('@fontsource/libre-franklin/files/libre-franklin-latin-ext-700-normal.woff'),
};

/** Reads every face and unpacks it to plain OpenType bytes. */
export async function readFontFiles(): Promise<Record<FontKey, Uint8Array>> {
  const entries = await Promise.all(
    Object.entries(FONT_FILES).map(async ([key, { file }]) => {
      const bytes = await readFile(require.resolve(file));
      return [key, woffToSfnt(bytes)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<FontKey, Uint8Array>;
}
