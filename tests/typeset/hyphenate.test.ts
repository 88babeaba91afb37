import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  cachedWordSplitter,
  DEFAULT_HYPHENATION,
  plainWord,
  softHyphenBreaks,
  splitWord,
  wordParts,
  type HyphenationRules,
  type WordPiece,
} from '../../src/typeset/hyphenate.js';
import { enUs } from '../helpers/typeset.js';

/** TeX's English minimums ([TB] \lefthyphenmin=2, \righthyphenmin=3) and a five-letter floor. */
const RULES: HyphenationRules = { leftMin: 2, rightMin: 3, minLength: 5 };
const SOFT = '\u00AD';

const texts = (pieces: readonly WordPiece[]) => pieces.map((p) => p.text);
const afters = (pieces: readonly WordPiece[]) => pieces.map((p) => p.after);

describe('the default hyphenation rules', () => {
  it('are TeX’s for English: two letters before a break, three after', () => {
    expect(DEFAULT_HYPHENATION.leftMin).toBe(2);
    expect(DEFAULT_HYPHENATION.rightMin).toBe(3);
  });
});

describe('splitWord with the en-us patterns', () => {
  it.each([
    ['hyphenation', ['hy', 'phen', 'ation']],
    ['typesetting', ['type', 'set', 'ting']],
    ['information', ['in', 'for', 'ma', 'tion']],
    ['newspaper', ['news', 'pa', 'per']],
    ['beautiful', ['beau', 'ti', 'ful']],
  ])('breaks “%s” where TeX does', (word, expected) => {
    const pieces = splitWord(word, enUs, RULES);
    expect(texts(pieces)).toEqual(expected);
    expect(afters(pieces)).toEqual([...expected.slice(1).map(() => 'hyphen'), 'end']);
  });

  it('drops a pattern point that would leave fewer than three letters after it', () => {
    // The patterns give quick-ly, an-oth-er and ab-solute-ly.
    expect(enUs('quickly')).toEqual([5]);
    expect(texts(splitWord('quickly', enUs, RULES))).toEqual(['quickly']);
    expect(texts(splitWord('another', enUs, RULES))).toEqual(['an', 'other']);
    expect(texts(splitWord('absolutely', enUs, RULES))).toEqual(['ab', 'solutely']);
  });

  it('does not hyphenate words shorter than the minimum length', () => {
    expect(enUs('table')).toEqual([2]);
    expect(texts(splitWord('table', enUs, { ...RULES, minLength: 6 }))).toEqual(['table']);
    expect(texts(splitWord('table', enUs, { ...RULES, minLength: 5 }))).toEqual(['ta', 'ble']);
  });

  it('keeps punctuation on the outer pieces and hyphenates the word inside it', () => {
    expect(texts(splitWord('“hyphenation,”', enUs, RULES))).toEqual(['“hy', 'phen', 'ation,”']);
  });

  it('hyphenates the stem of a possessive, the ending going with the last piece', () => {
    expect(texts(splitWord('newspaper’s', enUs, RULES))).toEqual(['news', 'pa', 'per’s']);
  });

  it('counts rightMin in the stem only, as TeX does (the apostrophe ends the word)', () => {
    // com-put-er: “er” is two letters, so the “’s” does not make the last point usable.
    expect(texts(splitWord('computer’s', enUs, RULES))).toEqual(['com', 'puter’s']);
  });

  it('always gives back the word when its pieces are joined', () => {
    for (const word of ['hyphenation', 'incomprehensibilities', 'representatives', 'self-consciousness', '(briefly)', 'daughter’s']) {
      expect(texts(splitWord(word, enUs, RULES)).join('')).toBe(word);
    }
  });
});

describe('splitWord with a pattern function that allows every point', () => {
  const everywhere = (word: string) => softHyphenBreaks([...word].join(SOFT));

  it('keeps at least leftMin letters before and rightMin letters after every break', () => {
    expect(texts(splitWord('abcdefgh', everywhere, RULES))).toEqual(['ab', 'c', 'd', 'e', 'fgh']);
    expect(texts(splitWord('abcdefgh', everywhere, { leftMin: 3, rightMin: 4, minLength: 5 }))).toEqual(['abc', 'd', 'efgh']);
  });

  it('leaves a word whole when no point satisfies both minimums', () => {
    expect(texts(splitWord('abcde', everywhere, { leftMin: 3, rightMin: 3, minLength: 5 }))).toEqual(['abcde']);
  });

  it('does not consult the patterns at all without them', () => {
    expect(texts(splitWord('hyphenation', undefined, RULES))).toEqual(['hyphenation']);
  });
});

describe('splitWord on words that are never hyphenated', () => {
  it.each([
    ['a capitalised word', 'Hyphenation'],
    ['an acronym', 'HYPHENATION'],
    ['a name with inner capitals', 'McAllister'],
    ['a number', '12345678901'],
    ['a decimal number', '3.14159265'],
    ['a word with digits', 'abc123defghi'],
  ])('leaves %s whole', (_, word) => {
    const patterns = vi.fn(enUs);
    expect(splitWord(word, patterns, RULES)).toEqual([{ text: word, after: 'end' }]);
    expect(patterns).not.toHaveBeenCalled();
  });
});

describe('splitWord on a URL', () => {
  const url = 'https://www.example.com/news/today';

  it('breaks after each slash and before each dot, with no hyphen shown', () => {
    const pieces = splitWord(url, enUs, RULES);
    expect(texts(pieces)).toEqual(['https://', 'www', '.example', '.com/', 'news/', 'today']);
    expect(afters(pieces)).toEqual(['url', 'url', 'url', 'url', 'url', 'end']);
  });

  it('never breaks between the two slashes of the scheme', () => {
    expect(texts(splitWord('http://example.org/', enUs, RULES))).toEqual(['http://', 'example', '.org/']);
  });

  it('does not hyphenate the words in it', () => {
    const pieces = splitWord('www.information.org/typesetting', enUs, RULES);
    expect(pieces.every((p) => p.after !== 'hyphen')).toBe(true);
    expect(texts(pieces).join('')).toBe('www.information.org/typesetting');
  });
});

describe('splitWord on an e-mail address', () => {
  it('is never hyphenated, only broken before dots', () => {
    const word = 'information@newspaper.org';
    const pieces = splitWord(word, enUs, RULES);
    expect(pieces.every((p) => p.after === 'url' || p.after === 'end')).toBe(true);
    expect(texts(pieces).join('')).toBe(word);
    expect(texts(pieces)).toEqual(['information@newspaper', '.org']);
  });
});

describe('splitWord on a word with soft hyphens', () => {
  it('breaks exactly at the soft hyphens and nowhere else', () => {
    const patterns = vi.fn(enUs);
    // The patterns would also allow type-set-ting.
    const pieces = splitWord(`type${SOFT}setting`, patterns, RULES);
    expect(pieces).toEqual([
      { text: 'type', after: 'hyphen' },
      { text: 'setting', after: 'end' },
    ]);
    expect(patterns).not.toHaveBeenCalled();
  });

  it('honours soft hyphens in a capitalised word, which the patterns would not touch', () => {
    expect(texts(splitWord(`Über${SOFT}set${SOFT}zung`, enUs, RULES))).toEqual(['Über', 'set', 'zung']);
  });

  it('drops the soft hyphens from the text', () => {
    const pieces = splitWord(`hy${SOFT}phen${SOFT}ation`, enUs, RULES);
    expect(texts(pieces).join('')).toBe('hyphenation');
  });
});

describe('splitWord on a word with explicit hyphens or dashes', () => {
  it('breaks after the hyphen, which is already shown', () => {
    expect(splitWord('well-known', enUs, RULES)).toEqual([
      { text: 'well-', after: 'explicit' },
      { text: 'known', after: 'end' },
    ]);
  });

  it('breaks after each hyphen of a longer compound', () => {
    expect(texts(splitWord('mother-in-law', enUs, RULES))).toEqual(['mother-', 'in-', 'law']);
  });

  it('hyphenates each part in turn', () => {
    expect(splitWord('self-consciousness', enUs, RULES)).toEqual([
      { text: 'self-', after: 'explicit' },
      { text: 'con', after: 'hyphen' },
      { text: 'scious', after: 'hyphen' },
      { text: 'ness', after: 'end' },
    ]);
  });

  it('breaks after an en dash between numbers and an em dash between words', () => {
    expect(texts(splitWord('1990–2000', enUs, RULES))).toEqual(['1990–', '2000']);
    expect(texts(splitWord('word—word', enUs, RULES))).toEqual(['word—', 'word']);
  });

  it('does not break at a hyphen that has nothing on one side', () => {
    expect(texts(splitWord('-5', enUs, RULES))).toEqual(['-5']);
    expect(texts(splitWord('pre-', enUs, RULES))).toEqual(['pre-']);
  });
});

describe('cachedWordSplitter', () => {
  it('asks the patterns once per distinct word and answers as splitWord does', () => {
    const patterns = vi.fn(enUs);
    const split = cachedWordSplitter(patterns, RULES);
    for (let i = 0; i < 3; i++) {
      expect(split('hyphenation')).toEqual(splitWord('hyphenation', enUs, RULES));
      expect(split('typesetting')).toEqual(splitWord('typesetting', enUs, RULES));
    }
    expect(patterns).toHaveBeenCalledTimes(2);
  });
});

describe('plainWord, the fast path for plain ASCII words', () => {
  const EDITIONS = resolve(import.meta.dirname, '..', '..', 'editions');
  const tokens = new Set<string>();
  for (const date of readdirSync(EDITIONS).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) {
    for (const name of readdirSync(join(EDITIONS, date)).filter((n) => n.endsWith('.md'))) {
      for (const token of readFileSync(join(EDITIONS, date, name), 'utf8').split(/\s+/)) if (token) tokens.add(token);
    }
  }
  const edgeCases = ['“Harbour’s', 'don’t,', "it's", "'tis", 'rock’n’roll', 'a1b', '(ferry)', '1,200', '...', '', 'ABC', 'Ferry.', 'ferry’', '’ferry'];

  it('splits every word of the sample editions as the Unicode expressions do, or leaves it to them', () => {
    expect(tokens.size).toBeGreaterThan(3000);
    let plain = 0;
    for (const token of [...tokens, ...edgeCases]) {
      const fast = plainWord(token);
      if (!fast) continue;
      plain++;
      expect({ token, parts: fast }).toEqual({ token, parts: wordParts(token) });
    }
    // Most words take the fast path.
    expect(plain).toBeGreaterThan(0.8 * tokens.size);
  });

  it('leaves hyphens, dashes, URLs, soft hyphens and other scripts to the general way', () => {
    for (const word of ['self-made', '1990–2000', 'www.example.com', 'news@example.org', 'hy\u00ADphen', 'Gdańsk', 'naïve']) {
      expect(plainWord(word)).toBeNull();
    }
  });
});

describe('softHyphenBreaks', () => {
  it('gives the offsets in the plain word where soft hyphens stood', () => {
    expect(softHyphenBreaks('ta\u00ADble')).toEqual([2]);
    expect(softHyphenBreaks('hy\u00ADphen\u00ADation')).toEqual([2, 6]);
    expect(softHyphenBreaks('tide')).toEqual([]);
  });
});
