import fontkit from '@pdf-lib/fontkit';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES, readFontFiles } from '../../src/build/font-files.js';
import { Shaper } from '../../src/pdf/font-metrics.js';
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

describe('the fast shaper', () => {
  let files: Record<FontKey, Uint8Array>;
  const words = sampleWords().concat(['office', 'baffled', 'affluent', 'fjord', 'AVATAR', 'Tomás', '“Yes,”', '—', 'fifty-fifth']);
  beforeAll(async () => {
    files = await readFontFiles();
  });

  const fastFaces = FONT_KEYS.filter((key) => FONT_FILES[key].shaping === 'fast');
  const cases = fastFaces.flatMap((key) => [
    { key, kerning: 'GPOS pairs' as const },
    { key, kerning: 'learnt from fontkit' as const },
  ]);
  it.each(cases)('gives the same glyphs and advances as fontkit for every sample word in $key, kerning from $kerning', ({ key, kerning }) => {
    const font = fontkit.create(files[key] as unknown as Buffer);
    const fast = new Shaper(fontkit.create(files[key] as unknown as Buffer), { learnKerning: kerning === 'learnt from fontkit' });
    const mismatches: string[] = [];
    for (const word of words) {
      const reference = font.layout(word, { liga: true, kern: true });
      const shaped = fast.shape(word);
      const ids = reference.glyphs.map((g) => g.id);
      const advances = reference.positions.map((p) => p.xAdvance);
      if (ids.join() !== shaped.glyphIds.join() || advances.some((a, i) => Math.abs(a - shaped.advances[i]!) > 1e-9)) {
        mismatches.push(word);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('shapes faces marked full with fontkit itself, contextual forms included', () => {
    const font = fontkit.create(files.masthead as unknown as Buffer);
    const full = new Shaper(fontkit.create(files.masthead as unknown as Buffer), { full: true });
    const reference = font.layout('The Ellery Courier', { liga: true, kern: true });
    expect(full.shape('The Ellery Courier').glyphIds).toEqual(reference.glyphs.map((g) => g.id));
  });

  it('finds the standard ligatures of the body face', () => {
    const shaper = new Shaper(fontkit.create(files.body as unknown as Buffer));
    expect(shaper.shape('office').glyphIds.length).toBeLessThan('office'.length);
    expect(shaper.shape('office').texts).toContain('fi');
  });
});
