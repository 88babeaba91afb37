import { beforeAll, describe, expect, it } from 'vitest';
import { LayoutError, layoutEdition, type EditionLayout } from '../../src/layout/paginate.js';
import { placeStory } from '../../src/layout/story.js';
import { softHyphenBreaks } from '../../src/typeset/hyphenate.js';
import type { BodyBlock, EditionInput, Element, ImageInfo, PageGeometry, StoryInput } from '../../src/layout/types.js';
import { FONT_KEYS, monospaceMetrics, type FontKey, type FontTable } from '../../src/typeset/metrics.js';
import { typesetContext, type TypesetContext } from '../../src/typeset/paragraph.js';
import { tokenize, type PositionedText } from '../helpers/pdf-text.js';

/**
 * A generated edition laid out with fixed-width metrics: every story's body
 * is made of words `s<story>w<n>` that occur nowhere else, so the words a
 * story shows on its pages can be read back and compared in order.
 */

const GEOMETRY: PageGeometry = {
  width: 810,
  height: 1150,
  margins: { top: 36, right: 34, bottom: 40, left: 34 },
  columns: 5,
  gutter: 12,
};

const SECTIONS = [
  { id: 'front', title: 'News' },
  { id: 'city', title: 'City' },
  { id: 'world', title: 'World' },
  { id: 'sport', title: 'Sport' },
];

function monospaceContext(): TypesetContext {
  const fonts = Object.fromEntries(FONT_KEYS.map((key) => [key, monospaceMetrics(0.5, 0.5)])) as Record<FontKey, ReturnType<typeof monospaceMetrics>>;
  return typesetContext(fonts as FontTable, undefined);
}

const wordOf = (story: number, n: number) => `s${story}w${n}`;
const STORY_WORD = /^s(\d+)w(\d+)$/;

interface Spec {
  readonly section: string;
  readonly priority: number;
  /** Words in each body block; a negative count makes a subhead, a list or a quote for variety. */
  readonly paragraphs: readonly number[];
  readonly image?: boolean;
  readonly kicker?: boolean;
}

/** Builds a story from a spec; returns it and the body words in reading order. */
function story(index: number, spec: Spec): { story: StoryInput; words: string[] } {
  const words: string[] = [];
  let n = 0;
  const take = (count: number) => {
    const out: string[] = [];
    for (let k = 0; k < count; k++) out.push(wordOf(index, n++));
    words.push(...out);
    return out.join(' ');
  };
  const body: BodyBlock[] = [];
  spec.paragraphs.forEach((count, i) => {
    if (i % 7 === 3) body.push({ kind: 'subhead', text: take(3) });
    if (i % 11 === 5) body.push({ kind: 'quote', runs: [{ text: take(count), font: 'body-italic' }] });
    else if (i % 13 === 8) {
      body.push({ kind: 'list-item', marker: '•', runs: [{ text: take(6), font: 'body' }] });
      body.push({ kind: 'list-item', marker: '•', runs: [{ text: take(9), font: 'body' }] });
    } else body.push({ kind: 'paragraph', runs: [{ text: take(Math.ceil(count / 2)), font: 'body' }, { text: ` ${take(Math.floor(count / 2))}`, font: 'body-bold' }] });
  });
  const input: StoryInput = {
    id: `story-${index}`,
    section: spec.section,
    priority: spec.priority,
    headline: `Headline of story number ${index}`,
    ...(spec.kicker ? { kicker: `Kicker ${index}` } : {}),
    deck: `A deck line that sums up story ${index}`,
    byline: 'By A. Reporter',
    body,
    ...(spec.image ? { image: { key: `photo-${index}`, width: 1200, height: 800, caption: `Caption of story ${index}.`, credit: 'Photo: Staff' } } : {}),
  };
  return { story: input, words };
}

const repeat = (count: number, words: number) => Array.from({ length: count }, (_, i) => words + ((i * 7) % 23));

const SPECS: readonly Spec[] = [
  // Front: a lead with a photo, a story far too long for one page, and shorter ones.
  { section: 'front', priority: 10, paragraphs: repeat(8, 45), image: true, kicker: true },
  { section: 'front', priority: 9, paragraphs: repeat(60, 55) },
  { section: 'front', priority: 6, paragraphs: repeat(6, 40) },
  { section: 'front', priority: 4, paragraphs: repeat(3, 30) },
  // City: a few medium stories and a brief.
  { section: 'city', priority: 8, paragraphs: repeat(12, 50), image: true },
  { section: 'city', priority: 7, paragraphs: repeat(10, 45) },
  { section: 'city', priority: 5, paragraphs: repeat(9, 40) },
  { section: 'city', priority: 2, paragraphs: [28, 20] },
  // World: two stories that both run long.
  { section: 'world', priority: 8, paragraphs: repeat(30, 50) },
  { section: 'world', priority: 7, paragraphs: repeat(30, 50), image: true },
  // Sport: one story, then briefs.
  { section: 'sport', priority: 6, paragraphs: repeat(7, 40), kicker: true },
  { section: 'sport', priority: 3, paragraphs: [25] },
  { section: 'sport', priority: 3, paragraphs: [30, 12] },
];

const ADVERTS: readonly ImageInfo[] = [
  { key: 'advert:wide', width: 900, height: 300 },
  { key: 'advert:box', width: 600, height: 500 },
  { key: 'advert:strip', width: 1200, height: 150 },
];

function edition(stories: readonly StoryInput[], page: PageGeometry = GEOMETRY): EditionInput {
  return {
    publication: { name: 'The Test Courier', motto: 'Every word in its place', city: 'Monospace', price: '$1.00' },
    dateLine: 'Saturday, November 8, 2025',
    volume: 151,
    issue: 312,
    label: 'Weekend Edition',
    page,
    sections: SECTIONS,
    stories,
    adverts: ADVERTS,
  };
}

const texts = (elements: readonly Element[]) => elements.filter((e): e is Extract<Element, { kind: 'text' }> => e.kind === 'text');
const lineText = (e: Extract<Element, { kind: 'text' }>) => e.line.runs.map((r) => r.text).join(' ');

/** The layout's runs as positioned text, as a PDF reader would see them. */
function positioned(elements: readonly Element[]): PositionedText[] {
  return texts(elements).flatMap((e) =>
    e.line.runs.map((run) => ({ str: run.text, x: e.x + run.x, y: e.baseline, width: run.width - e.line.letterSpacing, height: e.line.size })),
  );
}

/** Story words shown on a page for one article, in drawing order. */
function storyWordsOn(elements: readonly Element[], article: string): string[] {
  return tokenize(positioned(elements.filter((e) => e.kind === 'text' && e.article === article)))
    .map((t) => t.raw)
    .filter((w) => STORY_WORD.test(w));
}

let context: TypesetContext;
let generated: { story: StoryInput; words: string[] }[];
let layout: EditionLayout;

beforeAll(() => {
  context = monospaceContext();
  generated = SPECS.map((spec, i) => story(i, spec));
  layout = layoutEdition(edition(generated.map((g) => g.story)), context);
});

describe('layoutEdition of a generated edition with fixed-width fonts', () => {
  it('numbers pages 1…n with matching labels and gives every page a section', () => {
    expect(layout.pages.length).toBeGreaterThan(SECTIONS.length);
    layout.pages.forEach((page, i) => {
      expect(page.number).toBe(i + 1);
      expect(page.label).toBe(String(i + 1));
      expect(SECTIONS.map((s) => s.id)).toContain(page.section);
    });
  });

  it('starts each section on a new page, in publication order', () => {
    expect(layout.sections.map((s) => s.id)).toEqual(SECTIONS.map((s) => s.id));
    expect(layout.sections[0]!.firstPage).toBe(1);
    layout.sections.forEach((section, i) => {
      const page = layout.pages[section.firstPage - 1]!;
      expect(page.section).toBe(section.id);
      if (i > 0) {
        expect(section.firstPage).toBeGreaterThan(layout.sections[i - 1]!.firstPage);
        expect(layout.pages[section.firstPage - 2]!.section).toBe(layout.sections[i - 1]!.id);
      }
    });
    // Pages of a section are consecutive.
    const order = layout.pages.map((p) => p.section).filter((s, i, all) => i === 0 || all[i - 1] !== s);
    expect(order).toEqual(SECTIONS.map((s) => s.id));
  });

  it('starts every story on a page of its own section', () => {
    for (const { story: s } of generated) {
      const first = Math.min(...layout.placements.filter((p) => p.article === s.id).map((p) => p.page));
      expect(layout.pages[first - 1]!.section, s.id).toBe(s.section);
    }
  });

  it('places every word of every story, once, in order', () => {
    for (const { story: s, words } of generated) {
      const shown = layout.pages.flatMap((page) => storyWordsOn(page.elements, s.id));
      expect(shown, s.id).toEqual(words);
    }
  });

  it('records a placement on exactly the pages where a story’s text is', () => {
    for (const { story: s } of generated) {
      const withText = layout.pages.filter((p) => storyWordsOn(p.elements, s.id).length > 0).map((p) => p.number);
      const placed = layout.placements.filter((p) => p.article === s.id).map((p) => p.page);
      expect([...placed].sort((a, b) => a - b), s.id).toEqual(withText);
    }
  });

  it('puts no story word on the page of another story', () => {
    for (const page of layout.pages) {
      for (const e of texts(page.elements)) {
        for (const run of e.line.runs) {
          const m = STORY_WORD.exec(run.text.trim());
          if (m) expect(e.article, run.text).toBe(`story-${m[1]}`);
        }
      }
    }
  });

  it('jumps a story too long for a page with a link to the next page, where it continues', () => {
    const long = generated[1]!.story;
    const pages = layout.placements.filter((p) => p.article === long.id).map((p) => p.page).sort((a, b) => a - b);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [k, number] of pages.slice(0, -1).entries()) {
      const page = layout.pages[number - 1]!;
      const links = page.elements.filter((e) => e.kind === 'link' && e.article === long.id && e.page > number);
      expect(links, `page ${number}`).toHaveLength(1);
      const link = links[0] as Extract<Element, { kind: 'link' }>;
      expect(link.page).toBe(number + 1);
      expect(pages[k + 1]).toBe(number + 1);
      // The jump line sits inside the link and says where to go.
      const jump = texts(page.elements).find((e) => e.article === long.id && /^Continued on page/.test(lineText(e)));
      expect(jump && lineText(jump)).toBe(`Continued on page ${number + 1}`);
      const [lx, ly, lw, lh] = link.box;
      expect(jump!.x).toBeGreaterThanOrEqual(lx - 0.01);
      expect(jump!.x + jump!.line.measure).toBeLessThanOrEqual(lx + lw + 0.01);
      expect(jump!.baseline).toBeGreaterThan(ly);
      expect(jump!.baseline).toBeLessThanOrEqual(ly + lh);
      // The next page picks the story up where this one left it.
      const next = layout.pages[number]!;
      const from = texts(next.elements).find((e) => e.article === long.id && /^Continued from page/.test(lineText(e)));
      expect(from && lineText(from)).toBe(`Continued from page ${number}`);
      const here = storyWordsOn(page.elements, long.id);
      const there = storyWordsOn(next.elements, long.id);
      expect(there.length).toBeGreaterThan(0);
      expect(Number(STORY_WORD.exec(there[0]!)![2])).toBe(Number(STORY_WORD.exec(here[here.length - 1]!)![2]) + 1);
    }
    // The last page of the story has no jump onwards, only the link back.
    const lastPage = pages[pages.length - 1]!;
    const last = layout.pages[lastPage - 1]!;
    expect(last.elements.some((e) => e.kind === 'link' && e.article === long.id && e.page > lastPage)).toBe(false);
    expect(last.elements.some((e) => e.kind === 'link' && e.article === long.id && e.page === pages[pages.length - 2])).toBe(true);
  });

  it('gives every jump link a target page holding the continuation of the same story', () => {
    let jumps = 0;
    for (const page of layout.pages) {
      for (const link of page.elements.filter((e): e is Extract<Element, { kind: 'link' }> => e.kind === 'link' && e.article !== undefined)) {
        const target = layout.pages[link.page - 1];
        expect(target, `link on page ${page.number}`).toBeDefined();
        expect(layout.placements.some((p) => p.article === link.article && p.page === link.page)).toBe(true);
        if (link.page < page.number) {
          // "Continued from page N" leads back to the page the story was cut on.
          expect(texts(page.elements).some((e) => e.article === link.article && lineText(e) === `Continued from page ${link.page}`)).toBe(true);
          expect(texts(target!.elements).some((e) => e.article === link.article && lineText(e) === `Continued on page ${page.number}`)).toBe(true);
          continue;
        }
        jumps++;
        expect(texts(target!.elements).some((e) => e.article === link.article && lineText(e) === `Continued from page ${page.number}`)).toBe(true);
      }
    }
    expect(jumps).toBeGreaterThanOrEqual(3); // front's long story jumps at least once, both world stories too
  });

  it('keeps every element inside the page margins (hanging punctuation aside)', () => {
    expect(outsideMargins(layout, GEOMETRY)).toEqual([]);
  });

  it('sets the nameplate on the front page only: paper name large, volume, date, price', () => {
    const front = texts(layout.pages[0]!.elements);
    const name = front.find((e) => lineText(e) === 'The Test Courier');
    expect(name?.line.runs[0]!.font).toBe('masthead');
    expect(name!.line.size).toBeGreaterThanOrEqual(40);
    expect(front.some((e) => lineText(e) === 'VOL. CLI · NO. 312')).toBe(true);
    expect(front.some((e) => lineText(e) === 'SATURDAY, NOVEMBER 8, 2025')).toBe(true);
    expect(front.some((e) => lineText(e) === '$1.00')).toBe(true);
    for (const page of layout.pages.slice(1)) {
      const masthead = texts(page.elements).filter((e) => e.line.runs.some((r) => r.font === 'masthead'));
      expect(masthead.every((e) => e.line.size < 40), `page ${page.number}`).toBe(true);
      // Inside pages carry a running head with their number and section.
      const section = SECTIONS.find((s) => s.id === page.section)!;
      expect(texts(page.elements).some((e) => lineText(e) === section.title.toUpperCase())).toBe(true);
      expect(texts(page.elements).some((e) => lineText(e) === String(page.number))).toBe(true);
    }
  });

  it('lists every later section in the front page’s Inside box with the page it starts on, linked there', () => {
    const elements = layout.pages[0]!.elements;
    const heading = texts(elements).find((e) => lineText(e) === 'INSIDE');
    expect(heading).toBeDefined();
    const frame = elements.find((e): e is Extract<Element, { kind: 'rect' }> => e.kind === 'rect');
    expect(frame).toBeDefined();
    const [bx, by, bw, bh] = frame!.box;
    const inBox = texts(elements).filter((e) => e.x >= bx && e.x <= bx + bw && e.baseline >= by && e.baseline <= by + bh);
    const rows = new Map<number, string[]>();
    for (const e of inBox) rows.set(Math.round(e.baseline * 100), [...(rows.get(Math.round(e.baseline * 100)) ?? []), lineText(e)]);
    const listed = [...rows.values()].filter((r) => r.length === 2).map(([title, page]) => ({ title, page: Number(page) }));
    expect(listed).toEqual(layout.sections.slice(1).map((s) => ({ title: s.title, page: s.firstPage })));
    const links = elements.filter((e): e is Extract<Element, { kind: 'link' }> => e.kind === 'link' && e.article === undefined);
    expect(links.map((l) => l.page)).toEqual(layout.sections.slice(1).map((s) => s.firstPage));
  });

  it('fills space left at a column’s foot with adverts from the table, never another image', () => {
    const keys = new Set([...ADVERTS.map((a) => a.key), ...generated.flatMap((g) => (g.story.image ? [g.story.image.key] : []))]);
    const images = layout.pages.flatMap((p) => p.elements.filter((e): e is Extract<Element, { kind: 'image' }> => e.kind === 'image'));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(keys.has(image.image), image.image).toBe(true);
    for (const g of generated.filter((g) => g.story.image)) {
      expect(images.filter((i) => i.image === g.story.image!.key), g.story.id).toHaveLength(1);
    }
  });

  it('lays the same input out the same way twice', () => {
    const again = layoutEdition(edition(generated.map((g) => g.story)), monospaceContext());
    expect(JSON.stringify(again)).toBe(JSON.stringify(layout));
  });
});

describe('layoutEdition of stories of equal priority', () => {
  it('places them in the alphabetical order of their ids (lower-case letters, digits and dashes)', () => {
    const ids = ['met-2', 'met', 'a-10', 'a-1', 'a1', 'b-2', 'ab', 'a-b', '9-lives', 'zoo', 'z-9', 'met-10'];
    const stories = ids.map((id, i) => ({ ...story(i, { section: 'city', priority: 5, paragraphs: [12] }).story, id }));
    const order = [...new Set(layoutEdition(edition(stories), monospaceContext()).placements.map((p) => p.article))];
    expect(order).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });
});

describe('layoutEdition with a story in a section the edition does not have', () => {
  it('throws, naming the story and the section', () => {
    const stray = story(99, { section: 'weather', priority: 5, paragraphs: [20] }).story;
    expect(() => layoutEdition(edition([stray]), monospaceContext())).toThrow(/story-99.*weather/);
  });
});

describe('layoutEdition with a story whose headline is taller than a page', () => {
  it('stops with a LayoutError naming the story, rather than adding empty pages', () => {
    const { story: huge } = story(0, SPECS[0]!);
    const giant: StoryInput = { ...huge, id: 'giant', headline: Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ') };
    expect(() => layoutEdition(edition([giant]), monospaceContext())).toThrow(LayoutError);
    expect(() => layoutEdition(edition([giant]), monospaceContext())).toThrow(/"giant" does not fit even on an empty page/);
  });
});

describe('layoutEdition of a page with four columns', () => {
  // BUG: src/layout/paginate.ts lines 17-20 (PLANS) and 82: the stack plans [3, 2] and
  // [2, 3] are fixed, so every page is cut into 5 columns whatever
  // `page.columns` says (publication.yaml accepts 2–8, src/build/source.ts line 90).
  // With columns: 4 the second stack starts at column 4 and spans two, so
  // its right column lies past the right margin (by a column and a gutter);
  // with 6 or more a column stays empty. Fix: derive the plans from
  // `geometry.columns`, e.g. n → [n − ⌊n/2⌋, ⌊n/2⌋] and its mirror image.
  it('keeps every element inside the left and right margins', () => {
    const four: PageGeometry = { ...GEOMETRY, columns: 4, gutter: 14 };
    const laid = layoutEdition(edition(generated.map((g) => g.story), four), monospaceContext());
    expect(outsideMargins(laid, four, 'horizontal')).toEqual([]);
  });
});

describe('placeStory cutting a long hyphenated story to jump', () => {
  /** Lower-case words of 2–4 and 7–12 letters from a fixed seed; hyphenation allowed after every two letters. */
  function hyphenatedStory(): StoryInput {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = () => {
      const length = random() < 0.5 ? 2 + Math.floor(random() * 3) : 7 + Math.floor(random() * 6);
      return Array.from({ length }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
    };
    const paragraph = (): BodyBlock => ({ kind: 'paragraph', runs: [{ text: Array.from({ length: 60 }, word).join(' '), font: 'body' }] });
    return { id: 'hyphenated', section: 'front', priority: 5, headline: 'A story that must jump', body: Array.from({ length: 30 }, paragraph) };
  }

  function cuts() {
    const fonts = Object.fromEntries(FONT_KEYS.map((key) => [key, monospaceMetrics(0.5, 0.5)])) as unknown as FontTable;
    const context = typesetContext(fonts, (w) => softHyphenBreaks(w.replace(/(..)(?=..)/g, '$1\u00AD')));
    const story = hyphenatedStory();
    const out: { height: number; lastLineHyphenated: boolean; lines: number; hyphenated: number; below: number }[] = [];
    for (let height = 150; height <= 600; height += 10) {
      const placed = placeStory(story, { x: 34, y: 100, columns: 2, columnWidth: 138.8, gutter: 12, height }, { page: 1, lead: false, brief: false, jumpTo: 2 }, context);
      if (!placed?.rest) continue;
      const last = placed.columns[placed.columns.length - 1]!;
      const lines = placed.columns.flat();
      // How far the story's boxes and links reach below the frame.
      const bottoms = [...placed.boxes, ...placed.elements.flatMap((e) => (e.kind === 'link' ? [e.box] : []))].map(([, y, , h]) => y + h);
      out.push({
        height,
        lastLineHyphenated: last[last.length - 1]!.line.hyphenated,
        lines: lines.length,
        hyphenated: lines.filter((l) => l.line.hyphenated).length,
        below: Math.max(0, ...bottoms.map((b) => b - (100 + height))),
      });
    }
    return out;
  }

  it('jumps in every frame too short for it, and hyphenates often enough for the next test to mean something', () => {
    const all = cuts();
    expect(all.length).toBeGreaterThanOrEqual(30);
    const lines = all.reduce((n, c) => n + c.lines, 0);
    const hyphenated = all.reduce((n, c) => n + c.hyphenated, 0);
    expect(hyphenated / lines).toBeGreaterThan(0.1);
  });

  // BUG: a word is split across a jump: "coun-" ends the story's part on
  // page 1 and "cil will vote…" opens page 2 after "Continued from page 1"
  // (in the samples: old-quay-bridge-repair, sound-regatta-opens,
  // storm-arrives-tonight). Cause: setGalley (src/typeset/galley.ts, the
  // `breakable` computation) lets a column end after any line that widow and
  // orphan control allow, hyphenated or not, and fillColumns
  // (src/typeset/columns.ts) takes the last such line; placeStory
  // (src/layout/story.ts) cuts the jump there. Fix: treat a hyphenated line as
  // not breakable (`breakable && !line.hyphenated`, TeX's \brokenpenalty as a
  // hard rule; fillColumns already falls back to a forced break), at least
  // for the last column before a jump.
  it('never ends the part before the jump with a hyphenated line', () => {
    expect(cuts().filter((c) => c.lastLineHyphenated).map((c) => c.height)).toEqual([]);
  });

  // BUG: src/layout/story.ts line 193 reserves `jumpLine` (12 pt) at the foot
  // of the last column for "Continued on page N", but line 232 sets the jump
  // line 2 pt below the text (`… + (last ? last.height : 0) + 2`) in a box 12
  // pt high (line 235). The jump's box, its link annotation and the
  // manifest's box then reach up to 2 pt below the frame, i.e. into the
  // page's bottom margin (a 4-column page shows it: a link at y 1098.7 + 12 >
  // 1110). Fix: reserve `jumpLine + 2` in `heights`, or drop the `+ 2`.
  it('keeps the jump line’s box and link inside the frame', () => {
    expect(cuts().filter((c) => c.below > 0.01).map((c) => `${c.height}: ${c.below.toFixed(2)} pt`)).toEqual([]);
  });
});

/** Descriptions of the elements that reach past the margins; empty when all are inside. */
function outsideMargins(laid: EditionLayout, page: PageGeometry, only: 'all' | 'horizontal' = 'all'): string[] {
  const left = page.margins.left;
  const right = page.width - page.margins.right;
  const top = only === 'all' ? page.margins.top : -Infinity;
  const bottom = only === 'all' ? page.height - page.margins.bottom : Infinity;
  const eps = 0.01;
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  for (const p of laid.pages) {
    for (const e of p.elements) {
      const where = `page ${p.number} ${e.kind}`;
      switch (e.kind) {
        case 'text': {
          if (e.line.runs.length === 0) break;
          const hang = (e.line as { hang?: readonly [number, number] }).hang ?? [0, 0];
          const start = e.x + Math.min(...e.line.runs.map((r) => r.x)) + hang[0];
          const end = e.x + Math.max(...e.line.runs.map((r) => r.x + r.width)) - e.line.letterSpacing - hang[1];
          check(start >= left - eps && end <= right + eps, `${where} "${lineText(e)}" x ${start.toFixed(2)}–${end.toFixed(2)}`);
          check(e.baseline - 0.8 * e.line.size >= top - eps && e.baseline + 0.2 * e.line.size <= bottom + eps, `${where} "${lineText(e)}" baseline ${e.baseline.toFixed(2)}`);
          break;
        }
        case 'rule':
          check(Math.min(e.x1, e.x2) >= left - eps && Math.max(e.x1, e.x2) <= right + eps, `${where} x ${e.x1}–${e.x2}`);
          check(Math.min(e.y1, e.y2) >= top - eps && Math.max(e.y1, e.y2) <= bottom + eps, `${where} y ${e.y1}–${e.y2}`);
          break;
        case 'rect':
        case 'link':
        case 'image': {
          const [x, y, w, h] = e.kind === 'image' ? e.clip : e.box;
          check(x >= left - eps && x + w <= right + eps && y >= top - eps && y + h <= bottom + eps, `${where} [${[x, y, w, h].map((n) => n.toFixed(1)).join(', ')}]`);
          break;
        }
      }
    }
  }
  return out;
}
