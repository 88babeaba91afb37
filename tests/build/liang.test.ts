/**
 * Our Liang hyphenator reads the `hyphen` package's pattern data, compiled
 * into `src/build/patterns/`; it must break every word exactly where the
 * package's own `hyphenateSync` does, and the compiled data must be what
 * `npm run patterns` makes of the installed package (so an update of the
 * package that changes its data fails here until the data is compiled again).
 */
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { softHyphenBreaks } from '../../src/typeset/hyphenate.js';
import { compilePatterns, liangHyphenator, PATTERN_SOURCES, patternsModule, type CompiledPatterns, type PatternData } from '../../src/build/liang.js';

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

const PATTERNS = resolve(import.meta.dirname, '..', '..', 'src', 'build', 'patterns');

describe.each([
  ['en-US', 'hyphen/en-us/index.js'],
  ['en-GB', 'hyphen/en-gb/index.js'],
])('liangHyphenator (%s)', (language, pkg) => {
  const module = join(PATTERNS, `${language.toLowerCase()}.ts`);
  let ours: (word: string) => readonly number[];
  const hyphenateSync = (require(pkg) as { hyphenateSync: (text: string) => string }).hyphenateSync;
  /** Where the package puts its soft hyphens. */
  const theirs = (word: string) => softHyphenBreaks(hyphenateSync(word));

  beforeAll(async () => {
    ours = liangHyphenator(((await import(module)) as { default: CompiledPatterns }).default);
  });

  it('has its compiled patterns as `npm run patterns` writes them from the installed package', async () => {
    const source = PATTERN_SOURCES[language]!;
    const version = (require('hyphen/package.json') as { version: string }).version;
    expect(await readFile(module, 'utf8')).toBe(patternsModule(compilePatterns(require(source) as PatternData), source, version));
  });

  it('breaks every word of the sample editions where the hyphen package does', async () => {
    const words = await sampleWords();
    expect(words.length).toBeGreaterThan(2000);
    const differ = words.filter((word) => ours(word).join() !== theirs(word).join());
    expect(differ).toEqual([]);
  });

  it('gives the offsets of the breaks and leaves words under five letters whole', () => {
    expect(ours('hyphenation')).toEqual(theirs('hyphenation'));
    expect(ours('hyphenation').length).toBeGreaterThan(1);
    expect(ours('ferry')).toEqual(theirs('ferry'));
    expect(ours('tide')).toEqual([]);
    expect(ours('Harbour')).toEqual(theirs('Harbour'));
  });
});
