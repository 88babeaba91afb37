/**
 * Our Liang hyphenator reads the `hyphen` package's pattern data directly;
 * it must break every word exactly where the package's own `hyphenateSync`
 * does (and notice if a new version of the package changes its data).
 */
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PatternData, liangHyphenator } from '../../src/build/liang.js';

const require = createRequire(import.meta.url);
const EDITIONS = resolve(import.meta.dirname, '..', '..', 'editions');

/** Every distinct lower-case word of the sample editions. */
async function sampleWords(): Promise<string[]> {
  const words = new Set<string>();
  for (const date of (await readdir(EDITIONS)).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) {
    for (const name of (await readdir(join(EDITIONS, date))).filter((n) => n.endsWith('.md'))) {
      const text = await readFile(join(EDITIONS, date, name), 'utf8');
      for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) words.add(word);
    }
  }
  return [...words];
}

describe.each([
  ['en-US', 'hyphen/patterns/en-us.js', 'hyphen/en-us/index.js'],
  ['en-GB', 'hyphen/patterns/en-gb.js', 'hyphen/en-gb/index.js'],
])('liangHyphenator (%s)', (_language, patterns, pkg) => {
  const ours = liangHyphenator(require(patterns) as PatternData);
  const theirs = (require(pkg) as { hyphenateSync: (text: string) => string }).hyphenateSync;

  it('breaks every word of the sample editions where the hyphen package does', async () => {
    const words = await sampleWords();
    expect(words.length).toBeGreaterThan(2000);
    const differ = words.filter((word) => ours(word) !== theirs(word));
    expect(differ).toEqual([]);
  });

  it('marks breaks with soft hyphens and leaves words under five letters whole', () => {
    expect(ours('hyphenation')).toBe(theirs('hyphenation'));
    expect(ours('hyphenation')).toContain('\u00AD');
    expect(ours('ferry')).toBe(theirs('ferry'));
    expect(ours('tide')).toBe('tide');
    expect(ours('Harbour')).toBe(theirs('Harbour'));
  });
});
