/**
 * The shaper reads cmap, GSUB and GPOS itself; fontkit, a full OpenType
 * shaper, is the reference it must agree with, glyph for glyph and unit for
 * unit, on every word of the sample editions in every face.
 */
import fontkit from '@pdf-lib/fontkit';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES, readFontFiles } from '../../src/build/font-files.js';
import { FontError } from '../../src/fonts/sfnt.js';
import { GlyphBuffer, Shaper } from '../../src/fonts/shaper.js';
import { FONT_KEYS, type FontKey } from '../../src/typeset/metrics.js';

/** Every distinct word of the sample editions, with its punctuation. */
function sampleWords(): string[] {
  const words = new Set<string>();
  for (const date of readdirSync('editions').filter((d) => /^\d{4}-/.test(d))) {
    for (const name of readdirSync(join('editions', date)).filter((n) => n.endsWith('.md'))) {
      for (const word of readFileSync(join('editions', date, name), 'utf8').split(/\s+/)) if (word) words.add(word);
    }
  }
  return [...words];
}

let files: Record<FontKey, Uint8Array>;
beforeAll(async () => {
  files = await readFontFiles();
});
const reference = (key: FontKey) => fontkit.create(files[key] as unknown as Buffer);

describe('a shaper reading the font’s own tables', () => {
  const words = sampleWords().concat(['office', 'baffled', 'affluent', 'fjord', 'AVATAR', 'Tomás', '“Yes,”', '—', 'fifty-fifth', 'The Ellery Courier', 'Cockpit', 'Süddeutsche']);

  it.each([...FONT_KEYS])('gives fontkit’s glyphs and advances for every sample word in %s', (key) => {
    const font = reference(key);
    const shaper = Shaper.fromBytes(files[key], FONT_FILES[key].file);
    const mismatches: string[] = [];
    for (const word of words) {
      const layout = font.layout(word, { liga: true, kern: true });
      const shaped = shaper.shape(word);
      const ids = layout.glyphs.map((g) => g.id);
      const advances = layout.positions.map((p) => p.xAdvance);
      if (ids.join() !== shaped.glyphIds.join() || advances.some((a, i) => a !== shaped.advances[i])) mismatches.push(word);
    }
    expect(words.length).toBeGreaterThan(5000);
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it.each([...FONT_KEYS])('measures every sample word and every hyphenation piece as shaping it does, in %s', (key) => {
    // `measure` shapes only what a substitution touches: it must agree with
    // the full shaper to the unit, on words with and without ligatures, and on
    // the pieces hyphenation cuts them into (which may cut a ligature apart).
    const texts = words.flatMap((word) => [word, word.slice(0, 3), word.slice(2), word.slice(1, -1)]).concat(['', '😀', 'a😀b']);
    const measuring = Shaper.fromBytes(files[key], FONT_FILES[key].file);
    const shaping = Shaper.fromBytes(files[key], FONT_FILES[key].file);
    const result = new Float64Array(2);
    const mismatches: string[] = [];
    for (const text of texts) {
      measuring.measure(text, result);
      const shaped = shaping.shape(text);
      if (result[0] !== shaped.width || result[1] !== shaped.glyphIds.length) mismatches.push(`${text}: ${result.join()} ≠ ${shaped.width},${shaped.glyphIds.length}`);
    }
    expect(texts.filter((t) => t.includes('f')).length).toBeGreaterThan(500);
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it.each([...FONT_KEYS])('gives the glyphs and kerning of every text no substitution touches as shaping it does, in %s', (key) => {
    // `glyphsOf` is what the PDF writer encodes such text from; for text a
    // substitution touches it must refuse (-1), never give the unsubstituted glyphs.
    const texts = words.flatMap((word) => [word, word.slice(0, 3), word.slice(2)]).concat(['', '😀', 'a😀b', 'AVAWAY']);
    const shaper = Shaper.fromBytes(files[key], FONT_FILES[key].file);
    const buffer = new GlyphBuffer();
    const mismatches: string[] = [];
    let refused = 0;
    for (const text of texts) {
      const count = shaper.glyphsOf(text, buffer);
      const { glyphs, kerns } = buffer;
      const shaped = shaper.shape(text);
      if (count < 0) {
        refused++;
        continue;
      }
      const kerning = shaped.advances.map((advance, i) => advance - shaped.defaults[i]!);
      if (count !== shaped.glyphIds.length || [...glyphs.subarray(0, count)].join() !== shaped.glyphIds.join() || [...kerns.subarray(0, count)].join() !== kerning.join()) {
        mismatches.push(`${text}: ${[...glyphs.subarray(0, count)].join()} ≠ ${shaped.glyphIds.join()}`);
      }
    }
    // Words with an "f" go to the shaper in the text faces, most words do not
    // (the blackletter nameplate face has ligatures for many of its letters).
    if (key === 'body') expect(refused).toBeGreaterThan(500);
    if (key !== 'masthead') expect(refused).toBeLessThan(texts.length / 2);
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it.each([...FONT_KEYS])('reads the same units per em, cap height, ascender and descender as fontkit in %s', (key) => {
    const font = reference(key);
    const { face } = Shaper.fromBytes(files[key], key);
    expect([face.unitsPerEm, face.capHeight, face.ascent, face.descent, face.numGlyphs]).toEqual([font.unitsPerEm, font.capHeight, font.ascent, font.descent, font.numGlyphs]);
    expect(face.postscriptName).toBe(font.postscriptName);
  });

  it('sets the standard ligatures of the body face, each standing for its letters', () => {
    // Old Standard has fi and fl, and no ffi.
    const shaper = Shaper.fromBytes(files.body, 'body');
    expect(shaper.shape('office').texts).toEqual(['o', 'f', 'fi', 'c', 'e']);
    expect(shaper.shape('fluffier').texts).toEqual(['fl', 'u', 'f', 'fi', 'e', 'r']);
  });

  it('sets the blackletter nameplate’s own ligatures (GSUB liga and rlig), as a full shaper does', () => {
    const shaped = Shaper.fromBytes(files.masthead, 'masthead').shape('The Ellery Courier');
    expect(shaped.glyphIds.length).toBeLessThan('The Ellery Courier'.length);
    expect(shaped.texts.join('')).toBe('The Ellery Courier');
    expect(shaped.texts.some((t) => t.length > 1)).toBe(true);
  });

  it('kerns: a pair the font kerns is narrower than its letters apart', () => {
    const shaper = Shaper.fromBytes(files.display, 'display');
    const pair = shaper.shape('AV').width;
    expect(pair).toBeLessThan(shaper.shape('A').width + shaper.shape('V').width);
  });

  it('tells which characters the face has, and draws glyph 0 for those it lacks', () => {
    const shaper = Shaper.fromBytes(files.body, 'body');
    expect(shaper.covers('a'.codePointAt(0)!)).toBe(true);
    expect(shaper.covers('ń'.codePointAt(0)!)).toBe(false);
    expect(shaper.shape('ń').glyphIds).toEqual([0]);
    expect(Shaper.fromBytes(files['body-ext'], 'body-ext').covers('ń'.codePointAt(0)!)).toBe(true);
  });
});

describe('a file that is not a font', () => {
  it('is refused with an error naming the file', () => {
    expect(() => Shaper.fromBytes(new TextEncoder().encode('<html>not a font</html>'), 'adverts/logo.ttf')).toThrow(FontError);
    expect(() => Shaper.fromBytes(new TextEncoder().encode('<html>not a font</html>'), 'adverts/logo.ttf')).toThrow(/adverts\/logo\.ttf: not a TrueType or OpenType font/);
  });

  it('is refused when a table the shaper needs is missing', () => {
    // A directory with no tables at all.
    const empty = new Uint8Array(12);
    new DataView(empty.buffer).setUint32(0, 0x00010000);
    expect(() => Shaper.fromBytes(empty, 'empty.ttf')).toThrow(/empty\.ttf: has no 'head' table/);
  });
});
