import type { Box } from '../manifest/types.js';
import type { GalleyLine } from '../typeset/galley.js';
import type { TypesetContext } from '../typeset/paragraph.js';
import { addStats, checkStory, EMPTY_STATS, type ColumnPlace, type QaFinding, type QaStats } from '../typeset/qa.js';
import { advertFill, insideBox, insideBoxHeight, nameplate, runningHead } from './furniture.js';
import { frameWidth, placeStory, type Continuation, type Frame } from './story.js';
import type { ArticlePlacement, EditionInput, Element, LaidOutPage, StoryInput } from './types.js';

/** A story the page cannot hold at all; names the article and what to change. */
export class LayoutError extends Error {
  override readonly name = 'LayoutError';
  constructor(
    readonly article: string,
    message: string,
  ) {
    super(message);
  }
}

export interface EditionLayout {
  readonly pages: readonly LaidOutPage[];
  readonly placements: readonly ArticlePlacement[];
  readonly sections: readonly { readonly id: string; readonly title: string; readonly firstPage: number }[];
  readonly qa: { readonly stats: QaStats; readonly findings: readonly QaFinding[] };
}

/**
 * Stacks of columns, left to right, that a page is divided into: a wider
 * stack for the page's lead story and a narrower one beside it, alternating
 * sides from page to page for variety.
 */
export function stackPlans(columns: number): readonly (readonly number[])[] {
  const narrow = Math.floor(columns / 2);
  const wide = columns - narrow;
  return narrow === 0 ? [[wide]] : [
    [wide, narrow],
    [narrow, wide],
  ];
}

/** A story is not cut to jump when fewer lines than this would continue on the next page. */
const MIN_JUMP_LINES = 12;
/** Below this share of a stack's height, a story that does not fit whole is not cut to jump. */
const MIN_JUMP_SHARE = 0.3;
const CUTOFF_GAP = 14;

interface PageDraft {
  number: number;
  section: string;
  elements: Element[];
}

/**
 * Lays out an edition: sections in order, each from a new page; stories by
 * priority into stacks of columns; a story that does not fit jumps to the
 * next page; leftover space takes briefs, then house adverts.
 */
export function layoutEdition(edition: EditionInput, context: TypesetContext): EditionLayout {
  const { page: geometry } = edition;
  const contentWidth = geometry.width - geometry.margins.left - geometry.margins.right;
  const columnWidth = (contentWidth - (geometry.columns - 1) * geometry.gutter) / geometry.columns;
  const bottom = geometry.height - geometry.margins.bottom;

  const pages: PageDraft[] = [];
  const placements = new Map<string, Map<number, Box[]>>();
  const storyColumns = new Map<string, { lines: readonly GalleyLine[]; place: ColumnPlace }[]>();
  const sectionStarts: { id: string; title: string; firstPage: number }[] = [];
  let pending: Continuation[] = [];
  let advertCursor = 0;
  let insideSlot: { x: number; y: number; width: number } | undefined;

  const record = (article: string, page: number, boxes: readonly Box[], columns: readonly (readonly GalleyLine[])[]) => {
    const byPage = placements.get(article) ?? new Map<number, Box[]>();
    byPage.set(page, [...(byPage.get(page) ?? []), ...boxes]);
    placements.set(article, byPage);
    const cols = storyColumns.get(article) ?? [];
    columns.forEach((lines, column) => cols.push({ lines, place: { article, page, column: column + 1 } }));
    storyColumns.set(article, cols);
  };

  const sectionIds = new Set(edition.sections.map((s) => s.id));
  for (const story of edition.stories) {
    if (!sectionIds.has(story.section)) throw new Error(`story ${story.id}: unknown section ${story.section}`);
  }

  edition.sections.forEach((section, sectionIndex) => {
    const queue = edition.stories
      .filter((s) => s.section === section.id)
      .slice()
      .sort((a, b) => b.priority - a.priority || byId(a, b));
    const isLastSection = sectionIndex === edition.sections.length - 1;
    let first = true;
    while (queue.length > 0 || (pending.length > 0 && (first || isLastSection))) {
      const number = pages.length + 1;
      const front = number === 1;
      const draft: PageDraft = { number, section: section.id, elements: [] };
      pages.push(draft);
      if (first) sectionStarts.push({ id: section.id, title: section.title, firstPage: number });
      first = false;
      const head = front ? nameplate(edition, context) : runningHead(edition, String(number), section.title, context);
      draft.elements.push(...head.elements);
      const top = geometry.margins.top + head.height;
      const plans = stackPlans(geometry.columns);
      const plan = front ? plans[0]! : plans[(number + 1) % plans.length]!;
      const incoming = pending;
      pending = [];
      const advertsOnPage = new Set<string>();

      let col = 0;
      const stacks = plan.map((span) => {
        const frame: Frame = {
          x: geometry.margins.left + col * (columnWidth + geometry.gutter),
          y: top,
          columns: span,
          columnWidth,
          gutter: geometry.gutter,
          height: bottom - top,
        };
        col += span;
        return frame;
      });
      // Column rules between stacks.
      stacks.slice(1).forEach((frame) => {
        const x = frame.x - geometry.gutter / 2;
        draft.elements.push({ kind: 'rule', x1: x, y1: top, x2: x, y2: bottom, weight: 0.4, ink: 'rule' });
      });
      const order = stacks.map((_, i) => i).sort((a, b) => stacks[b]!.columns - stacks[a]!.columns || a - b);
      for (const index of order) {
        const frame = stacks[index]!;
        let y = frame.y;
        if (front && index === stacks.length - 1) {
          insideSlot = { x: frame.x, y, width: frameWidth(frame) };
          y += insideBoxHeight(edition.sections.length - 1);
        }
        let placedHere = 0;
        for (;;) {
          const room = bottom - y;
          const sub: Frame = { ...frame, y, height: room };
          let placed = null;
          let story: StoryInput | undefined;
          const continuation = incoming.shift();
          if (continuation) {
            story = continuation.story;
            placed = placeStory(story, sub, { page: number, lead: false, brief: false, jumpTo: number + 1, continuation }, context);
            if (!placed) incoming.unshift(continuation);
          } else if (queue.length > 0) {
            // The most important story, whole; or cut to jump if there is room enough for a real start.
            const head = queue[0]!;
            const lead = front && placedHere === 0 && index === order[0];
            placed = placeStory(head, sub, { page: number, lead, brief: false }, context);
            if (!placed && room >= MIN_JUMP_SHARE * frame.height) {
              placed = placeStory(head, sub, { page: number, lead, brief: false, jumpTo: number + 1 }, context);
              // A jump for a few lines sends the reader to a page that holds little else; inside
              // the paper the story waits for a page where it fits whole. Front-page stories jump.
              if (placed?.rest && !front && placed.rest.galley.length - placed.rest.from < MIN_JUMP_LINES) placed = null;
            }
            if (placed) {
              story = queue.shift();
            } else {
              // Something smaller that fits whole: a brief fills the gap.
              for (let i = 1; i < queue.length && !placed; i++) {
                const candidate = queue[i]!;
                const brief = candidate.body.length <= 3 && !candidate.image;
                placed = placeStory(candidate, sub, { page: number, lead: false, brief }, context);
                if (placed) story = queue.splice(i, 1)[0];
              }
            }
          }
          if (!placed || !story) break;
          draft.elements.push(...placed.elements);
          record(story.id, number, placed.boxes, placed.columns);
          if (placed.rest) pending.push(placed.rest);
          placedHere++;
          y += placed.height;
          if (placed.rest) break;
          // Cut-off rule between stories.
          if (bottom - y > CUTOFF_GAP * 2) {
            draft.elements.push({ kind: 'rule', x1: frame.x, y1: y + CUTOFF_GAP / 2, x2: frame.x + frameWidth(frame), y2: y + CUTOFF_GAP / 2, weight: 0.5, ink: 'ink' });
          }
          y += CUTOFF_GAP;
        }
        const gap = bottom - y;
        if (gap > 20) {
          const fill = advertFill(
            [frame.x, y, frameWidth(frame), gap],
            edition.adverts,
            advertCursor,
            advertsOnPage,
          );
          for (const element of fill.elements) if (element.kind === 'image') advertsOnPage.add(element.image);
          draft.elements.push(...fill.elements);
          advertCursor = fill.next;
        }
      }
      // Continuations that found no room wait for the next page.
      pending = [...incoming, ...pending];
      // A page that took nothing would be followed by another just like it.
      const waiting = pending[0]?.story ?? queue[0];
      if (placementsOn(placements, number) === 0 && waiting) {
        throw new LayoutError(waiting.id, `story "${waiting.id}" does not fit even on an empty page: shorten its headline or deck, or use a smaller photo`);
      }
    }
  });

  // The Inside box lists where each section starts, known only now.
  if (insideSlot && pages[0]) {
    const entries = sectionStarts.filter((s) => s.id !== edition.sections[0]?.id).map((s) => ({ title: s.title, page: s.firstPage }));
    pages[0].elements.push(...insideBox(insideSlot.x, insideSlot.y, insideSlot.width, entries, context));
  }

  const placementList: ArticlePlacement[] = [];
  for (const [article, byPage] of placements) {
    for (const [page, boxes] of byPage) placementList.push({ article, page, boxes });
  }
  let stats = EMPTY_STATS;
  const findings: QaFinding[] = [];
  for (const columns of storyColumns.values()) {
    const result = checkStory(columns);
    stats = addStats(stats, result.stats);
    findings.push(...result.findings);
  }
  return {
    pages: pages.map((p) => ({ number: p.number, label: String(p.number), section: p.section, elements: p.elements })),
    placements: placementList,
    sections: sectionStarts,
    qa: { stats, findings },
  };
}

/**
 * Article ids are lower-case letters, digits and dashes (the build refuses
 * others), whose alphabetical order is their code units' order: compared
 * so, with no ICU collator to load (some 12 ms of a cold build).
 */
function byId(a: StoryInput, b: StoryInput): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function placementsOn(placements: Map<string, Map<number, Box[]>>, page: number): number {
  let n = 0;
  for (const byPage of placements.values()) if (byPage.has(page)) n++;
  return n;
}
