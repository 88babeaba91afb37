/**
 * The subset keeps glyph IDs: what a PDF draws by glyph ID must still be
 * that glyph, outline for outline, with every composite glyph's parts.
 * fontkit is the independent reader that checks the result is a font.
 */
import fontkit from '@pdf-lib/fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFontFiles } from '../../src/build/font-files.js';
import { readSfnt, dataView } from '../../src/fonts/sfnt.js';
import { subsetTrueType } from '../../src/fonts/subset.js';
import { Shaper } from '../../src/fonts/shaper.js';
import type { FontKey } from '../../src/typeset/metrics.js';

let files: Record<FontKey, Uint8Array>;
beforeAll(async () => {
  files = await readFontFiles();
});
const open = (bytes: Uint8Array) => fontkit.create(bytes as unknown as Buffer);
const svg = (font: ReturnType<typeof open>, glyph: number) => font.getGlyph(glyph).path.toSVG();

/** A composite glyph of the font (an accented letter built from its parts), with the glyphs it is made of. */
function compositeGlyph(bytes: Uint8Array): { glyph: number; parts: number[] } {
  const font = open(bytes);
  for (let g = 1; g < font.numGlyphs; g++) {
    const glyph = font.getGlyph(g) as unknown as { _decode(): { numberOfContours: number; components?: { glyphID: number }[] } | null };
    const decoded = glyph._decode();
    if (decoded && decoded.numberOfContours < 0 && decoded.components) return { glyph: g, parts: decoded.components.map((c) => c.glyphID) };
  }
  throw new Error('no composite glyph');
}

describe('a TrueType subset that keeps glyph IDs', () => {
  it('keeps the outline of every glyph drawn at its own ID, and empties the others', () => {
    const shaper = Shaper.fromBytes(files.body, 'body');
    const used = shaper.shape('Port Ellery office').glyphIds;
    const subset = open(subsetTrueType(shaper.sfnt, used));
    const original = open(files.body);
    expect(subset.numGlyphs).toBe(Math.max(...used) + 1);
    for (const glyph of used) expect(svg(subset, glyph)).toBe(svg(original, glyph));
    const unused = [...Array(subset.numGlyphs).keys()].filter((g) => g !== 0 && !used.includes(g));
    expect(unused.length).toBeGreaterThan(0);
    for (const glyph of unused) expect(svg(subset, glyph)).toBe('');
    // Advances stay those of the font, for the glyphs kept and those emptied alike.
    for (const glyph of [...used, ...unused]) expect(subset.getGlyph(glyph).advanceWidth).toBe(original.getGlyph(glyph).advanceWidth);
  });

  it('keeps the parts of a composite glyph', () => {
    const bytes = files['body-ext'];
    const { glyph, parts } = compositeGlyph(bytes);
    const subset = open(subsetTrueType(readSfnt(bytes, 'body-ext'), [glyph]));
    expect(svg(subset, glyph)).toBe(svg(open(bytes), glyph));
    for (const part of parts) expect(svg(subset, part)).not.toBe('');
  });

  it('is much smaller than the font, and a whole font by its checksum', () => {
    const shaper = Shaper.fromBytes(files.display, 'display');
    const subset = subsetTrueType(shaper.sfnt, shaper.shape('Ferry crews vote').glyphIds);
    expect(subset.length).toBeLessThan(files.display.length / 3);
    let sum = 0;
    const view = dataView(subset);
    for (let i = 0; i < subset.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });

  it('refuses a font without TrueType outlines, naming it', () => {
    const sfnt = readSfnt(files.body, 'body');
    const withoutGlyf = { ...sfnt, table: (tag: string) => (tag === 'glyf' ? undefined : sfnt.table(tag)) };
    expect(() => subsetTrueType(withoutGlyf, [1])).toThrow(/body: has no 'glyf' table/);
  });
});
