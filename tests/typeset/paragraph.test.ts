import { describe, expect, it } from 'vitest';
import { COSTS } from '../../src/typeset/costs.js';
import type { Alignment, TextRun } from '../../src/typeset/items.js';
import { setParagraph, typesetContext } from '../../src/typeset/paragraph.js';
import type { SetLine } from '../../src/typeset/position.js';
import {
  body,
  CHAR,
  enUs,
  lineRight,
  lineText,
  lineWords,
  monoFonts,
  paragraphWords,
  pick,
  rng,
  setting,
  sourceWords,
  WORDS,
} from '../helpers/typeset.js';

const context = typesetContext(monoFonts(), enUs);
const SOFT = '\u00AD';
const NBSP = '\u00A0';

const set = (text: string, width: number, overrides: Parameters<typeof setting>[1] = {}) => setParagraph(body(text), setting(width, overrides), context);

/** Punctuation hanging past the edges, as the line reports it (none where it does not). */
const hangOf = (line: SetLine): readonly [number, number] => (line as { hang?: readonly [number, number] }).hang ?? [0, 0];

/** A source word as set: its pieces and the lines they are on. */
interface SetWord {
  readonly text: string;
  readonly pieces: string[];
  readonly lines: number[];
}

/**
 * Reads the words of a paragraph back with where each was broken: a hyphen
 * the breaker added at a line end is removed; after a line-end hyphen the
 * breaker added, or an explicit hyphen or dash, the word goes on.
 */
function setWords(lines: readonly SetLine[], urls = false): SetWord[] {
  const words: { text: string; pieces: string[]; lines: number[] }[] = [];
  let continued = false;
  lines.forEach((line, l) => {
    const drawn = lineWords(line);
    // A URL goes on after a slash, or where the next line starts with a dot.
    if (urls && l > 0 && (drawn[0]?.startsWith('.') || lineWords(lines[l - 1]!).at(-1)?.endsWith('/'))) continued = true;
    drawn.forEach((word, i) => {
      const text = i === drawn.length - 1 && line.hyphenated ? word.replace(/-$/u, '') : word;
      const current = words[words.length - 1];
      if (i === 0 && continued && current) {
        current.text += text;
        current.pieces.push(text);
        current.lines.push(l);
      } else {
        words.push({ text, pieces: [text], lines: [l] });
      }
    });
    const last = drawn[drawn.length - 1] ?? '';
    continued = l < lines.length - 1 && (line.hyphenated || /[\p{L}\p{N}][-–—]$/u.test(last));
  });
  return words;
}

/** Glyphs between which letter spacing shows: every glyph of a word but its last. */
function spacedGlyphs(line: SetLine): number {
  return lineWords(line).reduce((n, word) => n + [...word].length - 1, 0);
}

/** Width of a line's text without its letter spacing. */
function textWidth(line: SetLine): number {
  return line.runs.reduce((w, run) => w + run.width - line.letterSpacing * [...run.text].length, 0);
}

describe('setParagraph on an empty paragraph', () => {
  it.each([
    ['no runs', [] as TextRun[]],
    ['an empty run', body('')],
    ['only spaces', body('   \n ')],
  ])('gives no lines for %s', (_, runs) => {
    expect(setParagraph(runs, setting(100), context)).toEqual([]);
  });

  it('gives no lines for an indent and nothing else', () => {
    expect(setParagraph(body(' '), setting(100, { firstIndent: 10 }), context)).toEqual([]);
  });
});

describe('setParagraph on a single word wider than the column', () => {
  const word = 'Supercalifragilisticexpialidocious'; // 34 letters; a capitalised word is not hyphenated

  it.each(['justify', 'left'] as const)('splits it over several lines (%s) and gives it back whole', (align) => {
    const lines = set(word, 15 * CHAR, { align });
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.every((l) => l.splitWord)).toBe(true);
    expect(lines.slice(0, -1).every((l) => l.hyphenated && lineText(l).endsWith('-'))).toBe(true);
    expect(paragraphWords(lines)).toEqual([word]);
  });

  it('ragged: sets no line wider than the column', () => {
    for (const line of set(word, 15 * CHAR, { align: 'left' })) {
      expect(line.overfull).toBe(0);
      expect(lineRight(line)).toBeLessThanOrEqual(15 * CHAR + 0.01);
    }
  });

  // Bug: the breaker fits a line with no spaces by the ±2 % font expansion
  // (and the hyphen's hang), but positionLine only applies expansion to
  // lines with gaps, so such a line comes out overfull by up to 2 %.
  it('justified: sets no line wider than the column', () => {
    for (const line of set(word, 15 * CHAR)) {
      expect(line.overfull).toBe(0);
      expect(lineRight(line) - hangOf(line)[1]).toBeLessThanOrEqual(15 * CHAR + 0.01);
    }
  });

  it('justified: a word just wider than the column, alone, is not overfull', () => {
    // 20 letters, 100 pt, in 99 pt.
    const lines = set('Abcdefghijklmnopqrst', 99);
    expect(lines.map((l) => l.overfull)).toEqual(lines.map(() => 0));
  });
});

describe('setParagraph on a long number', () => {
  const number = '123456789012345678901234567890';

  it('splits a number two and a half columns long between digits, keeping every digit in order', () => {
    const lines = set(`Total ${number} units`, 12 * CHAR);
    expect(lines.some((l) => l.splitWord)).toBe(true);
    expect(paragraphWords(lines)).toEqual(['Total', number, 'units']);
    for (const line of lines) expect(lineRight(line) - hangOf(line)[1]).toBeLessThanOrEqual(12 * CHAR + 0.01);
  });

  // Bug: split-word breaks are flagged penalties, so they count towards the
  // hyphen run, and no run longer than `maxHyphenRun` (2) is ever chosen,
  // even in the last pass. A word needing three or more split lines has no
  // feasible breaks; all passes return null and setParagraph returns [].
  it('sets a number more than three columns long rather than dropping the paragraph', () => {
    const long = number.repeat(2) + '1234567890'; // 70 digits in a 20-digit column
    const lines = set(long, 20 * CHAR);
    expect(paragraphWords(lines)).toEqual([long]);
  });
});

describe('setParagraph with words set before at other measures (the shared word cache)', () => {
  const number = '1234567890123456'; // not hyphenated: split into digits only where no line holds it
  const text = `Total ${number} units, with more words after it to fill the lines.`;
  const fresh = (width: number) => setParagraph(body(text), setting(width), typesetContext(monoFonts(), enUs));

  it('splits a word it set whole in a wide column once a narrower column cannot hold it, and sets it whole again after', () => {
    const shared = typesetContext(monoFonts(), enUs);
    const setIn = (width: number) => setParagraph(body(text), setting(width), shared);
    const wide = setIn(40 * CHAR);
    const narrow = setIn(10 * CHAR);
    const wideAgain = setIn(40 * CHAR);
    expect(wide.some((l) => l.splitWord)).toBe(false);
    expect(narrow.some((l) => l.splitWord)).toBe(true);
    expect(narrow).toEqual(fresh(10 * CHAR));
    expect(wideAgain).toEqual(wide);
    expect(wideAgain).toEqual(fresh(40 * CHAR));
  });

  it('sets each of 60 generated paragraphs, at widths of 12–48 characters in turn, as a context of its own would', () => {
    const shared = typesetContext(monoFonts(), enUs);
    const random = rng(7);
    for (let i = 0; i < 60; i++) {
      const words = Array.from({ length: 12 + Math.floor(random() * 30) }, () => pick(random, WORDS));
      if (i % 5 === 0) words.splice(3, 0, number);
      const width = (12 + Math.floor(random() * 37)) * CHAR;
      const indent = i % 2 === 0 ? 2 * CHAR : 0;
      const runs = body(words.join(' '));
      const own = setParagraph(runs, setting(width, { firstIndent: indent }), typesetContext(monoFonts(), enUs));
      expect(setParagraph(runs, setting(width, { firstIndent: indent }), shared)).toEqual(own);
    }
  });
});

describe('setParagraph with a first-line indent', () => {
  // Bug: words wider than `minLineWidth` are split, but `minLineWidth` does
  // not take off the first-line indent; a first word that fits the column
  // but not beside the indent leaves no feasible first line, every pass
  // returns null and the paragraph is dropped.
  it('sets a first word that fits the column but not beside the indent', () => {
    const lines = set('abcdefghijklmnopqr and more text follows here', 20 * CHAR, { firstIndent: 4 * CHAR, hyphenate: false });
    expect(paragraphWords(lines)).toEqual(sourceWords('abcdefghijklmnopqr and more text follows here'));
  });

  it('starts the first line at the indent', () => {
    const lines = set('one two three four five six seven eight nine ten', 20 * CHAR, { firstIndent: 3 * CHAR });
    expect(lines[0]!.runs[0]!.x).toBe(3 * CHAR);
    expect(lines[1]!.runs[0]!.x).toBe(0);
  });
});

describe('setParagraph on a paragraph that sets well without hyphens', () => {
  it('hyphenates nothing', () => {
    const text = 'In olden times when wishing still helped one, there lived a king whose daughters were all beautiful, and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever it shone in her face.';
    const lines = set(text, 60 * CHAR);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.some((l) => l.hyphenated)).toBe(false);
  });
});

describe('setParagraph with hyphenation off', () => {
  it('never hyphenates, even in a narrow column', () => {
    const text = 'representatives of the international organisations considered the responsibilities of neighbourhood governments';
    const lines = set(text, 18 * CHAR, { hyphenate: false });
    expect(lines.some((l) => l.hyphenated)).toBe(false);
    expect(paragraphWords(lines)).toEqual(sourceWords(text));
  });
});

describe('setParagraph on a compound that must break', () => {
  it('breaks after its hyphen without adding another', () => {
    const lines = set('well-known', 8 * CHAR);
    expect(lines.map(lineText)).toEqual(['well-', 'known']);
    expect(lines[0]!.hyphenated).toBe(false);
  });
});

describe('setParagraph on a URL that must break', () => {
  it('breaks it after a slash or before a dot, showing no hyphen', () => {
    const url = 'https://www.example.com/news/today';
    const lines = set(`see ${url}`, 16 * CHAR, { align: 'left' });
    const words = setWords(lines, true);
    expect(words.map((w) => w.text)).toEqual(['see', url]);
    const found = words.find((w) => w.text === url)!;
    expect(found.pieces.length).toBeGreaterThan(1);
    expect(lines.some((l) => l.hyphenated)).toBe(false);
    found.pieces.slice(0, -1).forEach((piece, i) => {
      expect(piece.endsWith('/') || found.pieces[i + 1]!.startsWith('.')).toBe(true);
    });
  });
});

describe('setParagraph on words with soft hyphens', () => {
  it('breaks such a word only at its soft hyphens', () => {
    // The patterns would allow in-com-pre-hen-si-bil-i-ties; the author allows two points.
    const word = `incompre${SOFT}hensibili${SOFT}ties`;
    for (const width of [10, 12, 14, 16, 20]) {
      const lines = set(`the ${word} of it all`, width * CHAR);
      const found = setWords(lines).find((w) => w.text === 'incomprehensibilities')!;
      const allowed = ['incompre', 'hensibili', 'ties'];
      let at = 0;
      for (const piece of found.pieces) {
        // Each piece is a run of whole author's fragments.
        let consumed = '';
        while (consumed.length < piece.length && at < allowed.length) consumed += allowed[at++];
        expect(consumed).toBe(piece);
      }
    }
  });

  // Bug: a word with a no-break space or in more than one font is not
  // split, so its soft hyphens are never removed: U+00AD stays in the run
  // text, is measured and drawn (items.ts, pushWord: the `[{ text, after:
  // 'end' }]` fallback keeps `text` as is).
  it('never draws a soft hyphen, in a tie or a word of two fonts', () => {
    const runs: TextRun[] = [
      { text: `Mr.${NBSP}Hy${SOFT}phen${SOFT}ation saw the `, font: 'body' },
      { text: 'type', font: 'body-italic' },
      { text: `${SOFT}setting`, font: 'body' },
    ];
    const lines = setParagraph(runs, setting(100 * CHAR), context);
    expect(lines.flatMap((l) => l.runs).some((r) => r.text.includes(SOFT))).toBe(false);
  });
});

describe('setParagraph on words tied by no-break spaces', () => {
  it('never breaks a line at a no-break space, however narrow the column', () => {
    const text = `from page${NBSP}12 to Mr.${NBSP}Smith, 40${NBSP}km away, on 3${NBSP}May at 10${NBSP}a.m. and so on`;
    for (const width of [10, 11, 12, 14, 16, 20, 25]) {
      const lines = set(text, width * CHAR, { align: 'left' });
      expect(paragraphWords(lines)).toEqual(sourceWords(text));
      const words = setWords(lines);
      for (const [first, second] of [['page', '12'], ['Mr.', 'Smith,'], ['40', 'km'], ['3', 'May'], ['10', 'a.m.']] as const) {
        const i = words.findIndex((w) => w.text === first);
        expect(words[i + 1]!.text).toBe(second);
        expect(words[i]!.lines.at(-1)).toBe(words[i + 1]!.lines[0]);
      }
    }
  });
});

describe('setParagraph on words tied by a no-break space wider than the column', () => {
  // Bug: no set of breaks is feasible, every pass returns null and
  // setParagraph returns [] (paragraph.ts, the final `?? []`): the text is
  // lost. TeX sets an overfull line instead.
  it('still sets the text, on an overfull line if need be', () => {
    const text = `said Mr.${NBSP}Smith, today`; // "Mr. Smith," is ten characters
    expect(paragraphWords(set(text, 9 * CHAR, { align: 'left' }))).toEqual(sourceWords(text));
  });
});

describe('setParagraph on ragged text with a no-break space', () => {
  // Ragged lines are set at natural spacing, so a tie may not shrink there
  // either: words tied together that are wider than the column stay on one
  // line, which is reported overfull rather than silently squeezed.
  it('keeps the tied words together and reports the line overfull', () => {
    // 20 letters and one space, in a column narrower than that by half the space's shrink.
    const width = 20 * CHAR + CHAR * COSTS.spaceWidth - (CHAR * COSTS.spaceShrink) / 2;
    const lines = set(`Abcdefghij${NBSP}Abcdefghij`, width, { align: 'left', hyphenate: false });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.overfull).toBeGreaterThan(0);
    expect(lines[0]!.gaps[0]![1]).toBeCloseTo(CHAR * COSTS.spaceWidth, 6);
  });

  it('sets a tie at its natural width when the words fit', () => {
    const width = 30 * CHAR;
    const lines = set(`Abcdefghij${NBSP}Abcdefghij`, width, { align: 'left', hyphenate: false });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.overfull).toBe(0);
    expect(lineRight(lines[0]!)).toBeLessThanOrEqual(width + 0.01);
  });
});

// ---------------------------------------------------------------------------
// Properties over generated paragraphs.
// ---------------------------------------------------------------------------

interface Case {
  readonly id: number;
  readonly text: string;
  readonly width: number;
  readonly align: Alignment;
  readonly indent: number;
}

/**
 * Text of random words; now and then a word with soft hyphens and, if
 * `ties`, two words tied by a no-break space.
 */
function randomText(random: () => number, ties: boolean): string {
  const n = 3 + Math.floor(random() * 60);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const roll = random();
    if (roll < 0.04 && ties) words.push(`Mr.${NBSP}${pick(random, ['Smith', 'Ng', 'Okonkwo'])}`);
    else if (roll < 0.07) words.push(`con${SOFT}stitu${SOFT}tional`);
    else words.push(pick(random, WORDS));
  }
  return words.join(' ');
}

const random = rng(20251108);
const CASES: Case[] = [];
for (let id = 0; id < 300; id++) {
  const align: Alignment = random() < 0.8 ? 'justify' : 'left';
  // No ties in ragged text: see the failing test on ragged text with a no-break space.
  const text = randomText(random, align === 'justify');
  const width = pick(random, [20, 24, 28, 32, 40, 48]) * CHAR + Math.floor(random() * 5);
  CASES.push({ id, text, width, align, indent: random() < 0.3 ? 2 * CHAR : 0 });
}
const SET = CASES.map((c) => ({ ...c, lines: set(c.text, c.width, { align: c.align, firstIndent: c.indent }) }));

describe('setParagraph on 300 generated paragraphs (widths of 20–48 characters, en-us hyphenation)', () => {
  it('sets every word exactly once and in order', () => {
    for (const { id, text, lines } of SET) {
      expect(paragraphWords(lines), `case ${id}`).toEqual(sourceWords(text));
    }
  });

  it('sets no line wider than its column (hanging punctuation aside)', () => {
    let skipped = 0;
    for (const { id, width, lines, align } of SET) {
      lines.forEach((line, l) => {
        // A justified-text line without spaces can be overfull: see the failing tests on single words.
        if (align === 'justify' && line.gaps.length === 0 && line.overfull > 0) {
          skipped++;
          return;
        }
        const [left, right] = hangOf(line);
        expect(line.overfull, `case ${id} line ${l}`).toBe(0);
        expect(lineRight(line) - right, `case ${id} line ${l}`).toBeLessThanOrEqual(width + 0.01);
        expect(line.runs[0]!.x + left, `case ${id} line ${l}`).toBeGreaterThanOrEqual(-0.01);
      });
    }
    expect(skipped).toBeLessThan(10);
  });

  it('ends every justified line exactly at the measure', () => {
    let justified = 0;
    for (const { id, width, lines } of SET) {
      lines.forEach((line, l) => {
        if (!line.justified) return;
        justified++;
        expect(Math.abs(lineRight(line) - hangOf(line)[1] - width), `case ${id} line ${l}`).toBeLessThanOrEqual(0.01);
      });
    }
    expect(justified).toBeGreaterThan(1000);
  });

  it('justifies every line of justified text but the last, when it has a space', () => {
    for (const { id, align, lines } of SET) {
      lines.forEach((line, l) => {
        const expected = align === 'justify' && l < lines.length - 1 && line.gaps.length > 0;
        expect(line.justified, `case ${id} line ${l}`).toBe(expected);
      });
    }
  });

  it('letter-spaces a line by at most 2 % of its text width', () => {
    for (const { id, lines } of SET) {
      lines.forEach((line, l) => {
        const added = Math.abs(line.letterSpacing) * spacedGlyphs(line);
        expect(added, `case ${id} line ${l}`).toBeLessThanOrEqual(COSTS.expansion * textWidth(line) + 1e-9);
        expect(COSTS.expansion).toBeLessThanOrEqual(0.02);
      });
    }
  });

  it('letter-spaces only justified text', () => {
    for (const { lines, align } of SET) {
      if (align !== 'justify') for (const line of lines) expect(line.letterSpacing).toBe(0);
    }
  });

  it('never sets three hyphenated lines in a row', () => {
    for (const { id, lines } of SET) {
      let run = 0;
      for (const line of lines) {
        run = line.hyphenated ? run + 1 : 0;
        expect(run, `case ${id}`).toBeLessThan(3);
      }
    }
  });

  it('never hyphenates a capitalised word, a number or a word with soft hyphens but at them', () => {
    let hyphenated = 0;
    for (const { id, lines } of SET) {
      for (const word of setWords(lines)) {
        if (word.pieces.length === 1 || word.lines.some((l) => lines[l]!.splitWord)) continue;
        hyphenated++;
        if (/^[^\p{Ll}]*\p{Lu}/u.test(word.text) || /^\P{L}*$/u.test(word.text)) {
          // Only a compound may break, and only after its hyphen.
          expect(word.pieces.slice(0, -1).every((p) => p.endsWith('-')), `case ${id}: ${word.pieces.join('|')}`).toBe(true);
        }
        if (word.text === 'constitutional') {
          expect(['con', 'stitu', 'tional', 'constitu', 'stitutional']).toEqual(expect.arrayContaining(word.pieces));
        }
      }
    }
    expect(hyphenated).toBeGreaterThan(20);
  });

  it('never breaks a line at a no-break space', () => {
    for (const { id, lines } of SET) {
      const words = setWords(lines);
      words.forEach((word, i) => {
        if (word.text === 'Mr.') expect(words[i + 1]!.lines[0], `case ${id}`).toBe(word.lines.at(-1));
      });
    }
  });

  it('keeps the hyphenation minimums: two letters before a hyphen, three after', () => {
    for (const { id, lines } of SET) {
      lines.forEach((line, l) => {
        if (!line.hyphenated || line.splitWord || lines[l + 1]?.splitWord) return;
        const before = lineWords(line).at(-1)!.replace(/-$/u, '').replace(/^\P{L}+/u, '');
        const after = lineWords(lines[l + 1]!)[0]!.replace(/\P{L}+$/u, '');
        expect(before.length, `case ${id} line ${l}`).toBeGreaterThanOrEqual(2);
        expect(after.replace(/['’]\p{L}+$/u, '').length, `case ${id} line ${l}`).toBeGreaterThanOrEqual(3);
      });
    }
  });
});
