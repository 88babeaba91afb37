import type { Box } from '../manifest/types.js';
import { balanceColumns, fillColumns, sliceHeight } from '../typeset/columns.js';
import { setGalley, type GalleyLine, type StoryBlock } from '../typeset/galley.js';
import type { TextRun } from '../typeset/items.js';
import type { TypesetContext } from '../typeset/paragraph.js';
import { drawSlice, textElement } from './lines.js';
import { STYLES, headlineStyle } from './styles.js';
import type { BodyBlock, Element, StoryInput } from './types.js';

/** A rectangle of whole columns on a page where a story may go. */
export interface Frame {
  readonly x: number;
  readonly y: number;
  readonly columns: number;
  readonly columnWidth: number;
  readonly gutter: number;
  readonly height: number;
}

export const frameWidth = (f: Frame): number => f.columns * f.columnWidth + (f.columns - 1) * f.gutter;

/** A story's body set for one column width, kept across pages while it jumps. */
export interface Continuation {
  readonly story: StoryInput;
  readonly galley: readonly GalleyLine[];
  readonly from: number;
  /** Page the story was cut on. */
  readonly fromPage: number;
}

export interface PlacedStory {
  readonly elements: Element[];
  readonly boxes: Box[];
  readonly height: number;
  /** Set when the story did not fit and continues on the next page. */
  readonly rest?: Continuation;
  /** Lines placed, per column, for the QA report. */
  readonly columns: readonly (readonly GalleyLine[])[];
}

/**
 * Galleys already set, per typesetting context and story: pagination tries
 * a story in several places before it settles, and setting it is the
 * expensive part. Keyed by object identity, so nothing outlives its inputs.
 */
const galleys = new WeakMap<TypesetContext, WeakMap<object, Map<string, GalleyLine[]>>>();

function memoGalley(owner: object, key: string, context: TypesetContext, set: () => GalleyLine[]): GalleyLine[] {
  let byOwner = galleys.get(context);
  if (!byOwner) galleys.set(context, (byOwner = new WeakMap()));
  let byKey = byOwner.get(owner);
  if (!byKey) byOwner.set(owner, (byKey = new Map()));
  let galley = byKey.get(key);
  if (!galley) byKey.set(key, (galley = set()));
  return galley;
}

/** Lines a cut story must show in each column before a jump is worth it. */
const MIN_LINES_BEFORE_JUMP = 5;

function runs(text: string, font: TextRun['font']): TextRun[] {
  return [{ text, font }];
}

/** Blocks of the body in paragraph styles, with the pull quote after about a third of the text. */
export function bodyBlocks(story: StoryInput, dropCap: boolean): StoryBlock[] {
  const blocks: StoryBlock[] = [];
  let afterHeading = true;
  story.body.forEach((block: BodyBlock, i) => {
    switch (block.kind) {
      case 'paragraph':
        blocks.push({
          style: i === 0 && dropCap ? STYLES.lead : STYLES.body,
          runs: block.runs,
          ...(afterHeading ? { noIndent: true } : {}),
          ...(i === 0 && dropCap ? { dropCap: true } : {}),
        });
        afterHeading = false;
        break;
      case 'subhead':
        blocks.push({ style: STYLES.subhead, runs: runs(block.text, 'body-bold') });
        afterHeading = true;
        break;
      case 'quote':
        blocks.push({ style: STYLES.quote, runs: block.runs });
        break;
      case 'list-item':
        blocks.push({ style: STYLES.listItem, runs: block.runs, marker: block.marker });
        break;
    }
  });
  if (story.pullquote && blocks.length >= 4) {
    const at = Math.max(2, Math.round(blocks.length / 3));
    blocks.splice(at, 0, { style: STYLES.pullquote, runs: runs(`“${story.pullquote.replace(/^["“]|["”]$/g, '')}”`, 'display-italic') });
  }
  if (story.bio) blocks.push({ style: STYLES.bio, runs: runs(story.bio, 'body-italic') });
  return blocks;
}

/** The blocks above the text: kicker, headline, deck and byline, across the frame. */
function headerBlocks(story: StoryInput, columns: number, lead: boolean, brief: boolean): StoryBlock[] {
  const blocks: StoryBlock[] = [];
  if (story.kicker) blocks.push({ style: STYLES.kicker, runs: runs(story.kicker.toUpperCase(), 'sans-bold') });
  blocks.push({ style: brief ? STYLES.brief : headlineStyle(columns, lead), runs: runs(story.headline, brief ? 'body-bold' : 'display') });
  if (story.deck && !brief) blocks.push({ style: STYLES.deck, runs: runs(story.deck, 'display-italic') });
  if (story.byline) blocks.push({ style: STYLES.byline, runs: runs(story.byline.toUpperCase(), 'sans-bold') });
  return blocks;
}

interface Figure {
  readonly box: Box;
  readonly caption: readonly GalleyLine[];
  readonly height: number;
  /** Whether it spans the frame (landscape) or sits atop the first column (portrait). */
  readonly spans: boolean;
}

function figureOf(story: StoryInput, frame: Frame, top: number, context: TypesetContext): Figure | undefined {
  const image = story.image;
  if (!image) return undefined;
  const portrait = image.height > image.width;
  const spans = !portrait || frame.columns === 1;
  const width = spans ? frameWidth(frame) : frame.columnWidth;
  const height = Math.min(width * (image.height / image.width), spans ? width * 0.72 : width * 1.3);
  const captionWidth = width;
  const caption = memoGalley(story, `caption|${captionWidth}`, context, () =>
    setGalley(
      [
        { style: STYLES.caption, runs: runs(image.caption, 'body-italic') },
        { style: STYLES.credit, runs: runs(image.credit, 'sans') },
      ],
      captionWidth,
      context,
    ),
  );
  const captionHeight = sliceHeight(caption, 0, caption.length);
  return { box: [frame.x, top, width, height], caption, height: height + 3 + captionHeight + 8, spans };
}

/**
 * Places a story (or the continuation of one) in a frame: header across the
 * frame, then the photo, then the text in balanced columns. When the text
 * does not fit and `jumpTo` is given, the columns are filled to the bottom
 * and the rest is returned to go on that page. Returns null when not even a
 * worthwhile start of the story fits.
 */
export function placeStory(
  story: StoryInput,
  frame: Frame,
  options: {
    readonly page: number;
    readonly lead: boolean;
    readonly brief: boolean;
    readonly jumpTo?: number;
    readonly continuation?: Continuation;
  },
  context: TypesetContext,
): PlacedStory | null {
  const { page, lead, brief, jumpTo, continuation } = options;
  const width = frameWidth(frame);
  const elements: Element[] = [];
  const boxes: Box[] = [];
  const header: StoryBlock[] = continuation
    ? [
        { style: STYLES.jumpFrom, runs: runs(`Continued from page ${continuation.fromPage}`, 'body-italic') },
        { style: headlineStyle(1, false), runs: runs(story.headline, 'display') },
      ]
    : headerBlocks(story, frame.columns, lead, brief);
  const headerGalley = memoGalley(story, `header|${width}|${lead}|${brief}|${continuation?.fromPage ?? ''}`, context, () =>
    setGalley(header, width, context),
  );
  const headerHeight = sliceHeight(headerGalley, 0, headerGalley.length) + 4;
  let top = frame.y;
  const figure = continuation ? undefined : figureOf(story, frame, top + headerHeight, context);
  const galley = continuation
    ? continuation.galley
    : memoGalley(story, `body|${frame.columnWidth}|${lead && !brief}`, context, () =>
        setGalley(bodyBlocks(story, lead && !brief), frame.columnWidth, context),
      );
  const from = continuation ? continuation.from : 0;
  const textTop = top + headerHeight + (figure?.spans ? figure.height : 0);
  const available = frame.y + frame.height - textTop;
  const offsets = Array.from({ length: frame.columns }, (_, c) => (figure && !figure.spans && c === 0 ? figure.height : 0));
  // Height of the "Continued on page N" line, reserved under the last column.
  const jumpLine = 14;
  const minimum = MIN_LINES_BEFORE_JUMP * STYLES.body.leading;
  if (available - Math.max(...offsets) < minimum) return null;

  const balanced = balanceColumns(galley, frame.columns, available, from, offsets);
  let fill = balanced;
  let rest: Continuation | undefined;
  if (!fill) {
    if (jumpTo === undefined) return null;
    const heights = offsets.map((o, c) => available - o - (c === frame.columns - 1 ? jumpLine : 0));
    fill = fillColumns(galley, heights, from);
    if (fill.rest <= from || fill.columns.some((col) => col.end - col.start < 2)) return null;
    rest = { story, galley, from: fill.rest, fromPage: page };
  }

  // Header and figure.
  elements.push(...drawSlice(headerGalley, 0, headerGalley.length, frame.x, top, 'ink', story.id, context));
  if (story.kicker && !continuation) {
    // The kicker in the accent colour: the first header line.
    const first = elements[0];
    if (first && first.kind === 'text') elements[0] = textElement(first.line, first.x, first.baseline, 'accent', first.article);
  }
  if (continuation) {
    // "Continued from page N" leads back to where the story began.
    const line = headerGalley[0]!;
    const first = elements[0];
    if (first && first.kind === 'text') elements[0] = textElement(first.line, first.x, first.baseline, 'accent', first.article);
    elements.push({ kind: 'link', box: [frame.x, top, frame.columnWidth, line.height], page: continuation.fromPage, article: story.id });
  }
  boxes.push([frame.x, top, width, headerHeight]);
  if (figure && story.image) {
    const [fx, fy, fw, fh] = figure.box;
    const scale = Math.max(fw / story.image.width, fh / story.image.height);
    const dw = story.image.width * scale;
    const dh = story.image.height * scale;
    elements.push({ kind: 'image', image: story.image.key, box: [fx + (fw - dw) / 2, fy + (fh - dh) / 2, dw, dh], clip: figure.box });
    elements.push(...drawSlice(figure.caption, 0, figure.caption.length, fx, fy + fh + 3, 'muted', story.id, context));
    boxes.push([fx, fy, fw, figure.height - 8]);
  }

  // Text columns.
  const columns: GalleyLine[][] = [];
  let bottom = textTop;
  fill.columns.forEach((slice, c) => {
    const x = frame.x + c * (frame.columnWidth + frame.gutter);
    const y = textTop + offsets[c]!;
    elements.push(...drawSlice(galley, slice.start, slice.end, x, y, 'ink', story.id, context));
    if (slice.end > slice.start) boxes.push([x, y, frame.columnWidth, slice.height]);
    columns.push(galley.slice(slice.start, slice.end));
    bottom = Math.max(bottom, y + slice.height);
  });
  if (rest && jumpTo !== undefined) {
    const c = frame.columns - 1;
    const x = frame.x + c * (frame.columnWidth + frame.gutter);
    const last = fill.columns[c];
    const y = textTop + offsets[c]! + (last ? last.height : 0);
    const jump = setGalley([{ style: STYLES.jump, runs: runs(`Continued on page ${jumpTo}`, 'body-italic') }], frame.columnWidth, context);
    elements.push(...drawSlice(jump, 0, jump.length, x, y + 2, 'accent', story.id, context));
    const box: Box = [x, y, frame.columnWidth, jumpLine];
    elements.push({ kind: 'link', box, page: jumpTo, article: story.id });
    boxes.push(box);
    bottom = Math.max(bottom, y + jumpLine);
  }
  return { elements, boxes, height: (rest ? frame.y + frame.height : bottom) - frame.y, ...(rest ? { rest } : {}), columns };
}
