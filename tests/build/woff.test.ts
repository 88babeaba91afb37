/**
 * WOFF faces as the fonts they wrap: every table the same as in the
 * unpacked file, and a damaged table refused with the font's name.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../src/build/font-files.js';
import { woffSfnt } from '../../src/build/woff.js';
import { FontError, readSfnt } from '../../src/fonts/sfnt.js';
import { subsetTrueType } from '../../src/fonts/subset.js';

const require = createRequire(import.meta.url);
const files = [...new Set(Object.values(FONT_FILES).map((f) => f.file))];

/** A table, with head's checkSumAdjustment (which the written file sets for its own layout) as 0. */
function withoutAdjustment(tag: string, table: Uint8Array): Uint8Array {
  if (tag !== 'head') return table;
  const copy = table.slice();
  copy.fill(0, 8, 12);
  return copy;
}

describe('woffSfnt', () => {
  it('gives every table of every face as the unpacked font file has it', async () => {
    for (const file of files) {
      const woff = new Uint8Array(await readFile(require.resolve(file)));
      const face = woffSfnt(woff, file);
      const font = readSfnt(woffSfnt(woff, file).bytes, file);
      expect(face.tags.length).toBeGreaterThan(8);
      expect([...face.tags].sort()).toEqual([...font.tags].sort());
      for (const tag of face.tags) expect(withoutAdjustment(tag, face.table(tag)!), `${file} ${tag}`).toEqual(withoutAdjustment(tag, font.table(tag)!));
      expect(face.table('none')).toBeUndefined();
      expect(() => face.required('none')).toThrow(FontError);
    }
  });

  it('refuses a table that does not unpack to its stated length, naming the font and the table', async () => {
    const woff = new Uint8Array(await readFile(require.resolve(FONT_FILES.body.file)));
    const face = woffSfnt(woff, 'body.woff');
    const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
    // The directory entry of `cmap`: its original length, one byte more than it unpacks to.
    const index = face.tags.indexOf('cmap');
    const damaged = woff.slice();
    new DataView(damaged.buffer).setUint32(44 + index * 20 + 12, view.getUint32(44 + index * 20 + 12) + 1);
    expect(() => woffSfnt(damaged, 'body.woff').table('cmap')).toThrow(/body\.woff: WOFF table 'cmap' unpacks to \d+ bytes/);
    expect(() => woffSfnt(new Uint8Array(64), 'x.woff')).toThrow(/x\.woff: not a WOFF 1\.0 font/);
  });

  it('lets its tables be copied and the copies edited without touching the face, read from a Node Buffer', async () => {
    // readFile gives a Buffer, whose `slice` is no copy: the subsetter's edited
    // copy of `head` once changed the face, and the next subset failed.
    const face = woffSfnt(await readFile(require.resolve(FONT_FILES['sans-bold'].file)), 'sans-bold');
    const glyphs = [36, 37, 38];
    const first = subsetTrueType(face, glyphs);
    expect(subsetTrueType(face, glyphs)).toEqual(first);
  });
});
