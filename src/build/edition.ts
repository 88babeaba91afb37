import { createHash } from 'node:crypto';
import { layoutEdition } from '../layout/paginate.js';
import type { ArticlePlacement, BodyBlock, EditionInput, StoryInput } from '../layout/types.js';
import type { Article, Block, EditionManifest, FileRef, Page, Placement, RunStyle } from '../manifest/types.js';
import type { Sfnt } from '../fonts/sfnt.js';
import { Shaper } from '../fonts/shaper.js';
import { writeEditionPdfs, type PdfImage, type OutlineEntry } from '../pdf/document.js';
import type { TextRun } from '../typeset/items.js';
import { FONT_KEYS, type FontKey, type FontTable } from '../typeset/metrics.js';
import { typesetContext, type TypesetContext } from '../typeset/paragraph.js';
import type { QaFinding, QaStats } from '../typeset/qa.js';
import { readFontFaces } from './font-files.js';
import { deflate, deflateInBackground, pdfImage, type ImageFile } from './images.js';
import { liangHyphenator, type CompiledPatterns } from './liang.js';
import type { EditionSource, PublicationSource } from './source.js';

/** Fonts, hyphenation and encoded images, loaded once and shared by every edition of a build. */
export interface BuildAssets {
  /** The shaper of each font slot (slots set in the same face share one). */
  readonly fonts: Readonly<Record<FontKey, Shaper>>;
  readonly context: TypesetContext;
  /** Images already encoded for PDF, by file content, so a build encodes each once. */
  readonly images: Map<Uint8Array, PdfImage>;
}

/** Compiled hyphenation patterns by language, loaded only for the language a build sets. */
const PATTERNS: Readonly<Record<string, () => Promise<CompiledPatterns>>> = {
  'en-US': async () => (await import('./patterns/en-us.js')).default,
  'en-GB': async () => (await import('./patterns/en-gb.js')).default,
};

export async function loadAssets(language: string): Promise<BuildAssets> {
  const faces = await readFontFaces();
  const fonts = {} as Record<FontKey, Shaper>;
  const metrics = {} as Record<FontKey, FontTable[FontKey]>;
  // Faces that stand in for one another (bold for the bold italic Old Standard lacks) share a shaper.
  const shapers = new Map<Sfnt, Shaper>();
  for (const key of FONT_KEYS) {
    const face = faces[key];
    let shaper = shapers.get(face);
    if (!shaper) shapers.set(face, (shaper = new Shaper(face)));
    fonts[key] = shaper;
    metrics[key] = shaper.metrics(); // the shaper caches every string it shapes
  }
  const load = PATTERNS[language] ?? (language.startsWith('en') ? PATTERNS['en-US'] : undefined);
  return { fonts, context: typesetContext(metrics, load ? liangHyphenator(await load()) : undefined), images: new Map() };
}

export interface BuiltEdition {
  /** Files to write beside the manifest, by name. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly manifest: EditionManifest;
  readonly qa: { readonly stats: QaStats; readonly findings: readonly QaFinding[] };
  /** Where the time went, for the progress line and the benchmark. */
  readonly timings: {
    readonly layoutMs: number;
    /** The whole PDF and the one-page PDFs. */
    readonly pdfMs: number;
    /** Hashes, the manifest and the previews when those are made. */
    readonly restMs: number;
  };
}

const FONT_OF_STYLE: Readonly<Record<RunStyle, FontKey>> = {
  plain: 'body',
  em: 'body-italic',
  strong: 'body-bold',
  'strong-em': 'body-bold-italic',
};
/** Inside a block quote (set in italic), emphasis turns upright, as in print. */
const QUOTE_FONT_OF_STYLE: Readonly<Record<RunStyle, FontKey>> = {
  plain: 'body-italic',
  em: 'body',
  strong: 'body-bold-italic',
  'strong-em': 'body-bold',
};

/** The manifest's blocks become the layout's blocks, runs gaining their fonts. */
export function layoutBlocks(blocks: readonly Block[]): BodyBlock[] {
  const out: BodyBlock[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
        out.push({ kind: 'paragraph', runs: block.runs.map((r): TextRun => ({ text: r.text, font: FONT_OF_STYLE[r.style] })) });
        break;
      case 'quote':
        out.push({ kind: 'quote', runs: block.runs.map((r): TextRun => ({ text: r.text, font: QUOTE_FONT_OF_STYLE[r.style] })) });
        break;
      case 'subhead':
        out.push({ kind: 'subhead', text: block.text });
        break;
      case 'list':
        block.items.forEach((item, i) =>
          out.push({
            kind: 'list-item',
            marker: block.ordered ? `${i + 1}.` : '•',
            runs: item.map((r): TextRun => ({ text: r.text, font: FONT_OF_STYLE[r.style] })),
          }),
        );
        break;
    }
  }
  return out;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "Saturday, November 8, 2025": the date as the nameplate prints it, in the
 * paper's language. American English is written here, as CLDR writes it (a
 * test holds it to `Intl` for many dates): the first `Intl` formatter of a
 * process loads ICU's data, some 13 ms of a cold build.
 */
export function writtenDate(date: string, language: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  if (language === 'en-US' || language === 'en') {
    return `${WEEKDAYS[day.getUTCDay()]}, ${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}, ${day.getUTCFullYear()}`;
  }
  return new Intl.DateTimeFormat(language, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(day);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * An output file under a content-hashed name, so a CDN may cache it forever,
 * with its manifest entry: one digest serves both.
 */
function hashedFile(stem: string, bytes: Uint8Array, extension = 'pdf'): FileRef {
  const digest = sha256(bytes);
  return { url: `${stem}.${digest.slice(0, 10)}.${extension}`, bytes: bytes.length, sha256: digest };
}

/**
 * Width of page previews in pixels: sharp enough for a fitted page on a
 * phone at 2× or a laptop at 1×, and small enough (about 60–90 KB in WebP at
 * quality 75) to arrive before pdf.js has started.
 */
export const PREVIEW_WIDTH = 800;

export interface EditionOptions {
  /** Render a preview image of every page (pdf.js in Node); a step of its own, off in benchmarks. */
  readonly previews: boolean;
}

/**
 * Builds one edition: layout, the whole PDF, one PDF per page, and the
 * manifest that ties them to the articles. Pure apart from the fonts: no
 * file is read or written here.
 */
export async function buildEdition(
  source: EditionSource,
  publication: PublicationSource,
  assets: BuildAssets,
  options: EditionOptions = { previews: false },
): Promise<BuiltEdition> {
  const title = `${publication.name}, ${writtenDate(source.date, publication.language)}`;
  const encoded = (file: ImageFile): PdfImage => {
    let image = assets.images.get(file.bytes);
    if (!image) {
      image = pdfImage(file);
      assets.images.set(file.bytes, image);
    }
    return image;
  };
  const images = new Map<string, PdfImage>();
  for (const ad of publication.adverts) images.set(ad.key, encoded(ad.image));
  const stories: StoryInput[] = source.articles.map((a) => {
    const key = a.image ? `${source.date}/${a.image.file}` : '';
    if (a.image) images.set(key, encoded(a.image.data));
    return {
      id: a.id,
      section: a.section,
      priority: a.priority,
      headline: a.headline,
      body: layoutBlocks(a.body),
      ...(a.kicker ? { kicker: a.kicker } : {}),
      ...(a.deck ? { deck: a.deck } : {}),
      ...(a.byline ? { byline: a.byline } : {}),
      ...(a.bio ? { bio: a.bio } : {}),
      ...(a.pullquote ? { pullquote: a.pullquote } : {}),
      ...(a.image
        ? { image: { key, width: a.image.data.width, height: a.image.data.height, caption: a.image.caption, credit: a.image.credit } }
        : {}),
    };
  });
  const input: EditionInput = {
    publication,
    dateLine: writtenDate(source.date, publication.language),
    volume: source.volume,
    issue: source.issue,
    ...(source.label ? { label: source.label } : {}),
    page: publication.page,
    sections: publication.sections,
    stories,
    adverts: publication.adverts.map((a) => ({ key: a.key, width: a.image.width, height: a.image.height })),
  };
  const started = performance.now();
  const layout = layoutEdition(input, assets.context);
  const laidOut = performance.now();

  const metadata = {
    title,
    author: publication.name,
    subject: `${publication.name} e-paper edition of ${source.date}`,
    language: publication.language,
    date: new Date(`${source.date}T05:00:00Z`),
  };
  const common = { width: publication.page.width, height: publication.page.height, fonts: assets.fonts, images, metadata, deflate, deflateInBackground };
  const articlesById = new Map(source.articles.map((a) => [a.id, a]));
  const outline: OutlineEntry[] = layout.sections.map((section) => ({
    title: section.title,
    page: section.firstPage,
    children: layout.placements
      .filter((p) => articlesById.get(p.article)?.section === section.id)
      .filter((p, i, all) => all.findIndex((q) => q.article === p.article) === i)
      .map((p) => ({ title: articlesById.get(p.article)!.headline, page: p.page })),
  }));
  const { whole, pages: pagePdfs } = await writeEditionPdfs(layout.pages, { ...common, outline });
  const wrotePdfs = performance.now();
  const files = new Map<string, Uint8Array>();
  const wholeFile = hashedFile('edition', whole);
  files.set(wholeFile.url, whole);
  const pages: Page[] = [];
  // Loaded only when wanted: pdf.js and the canvas are a large part of start-up.
  const renderPagePreview = options.previews ? (await import('./render-preview.js')).renderPagePreview : undefined;
  for (const [i, page] of layout.pages.entries()) {
    const bytes = pagePdfs[i]!;
    const stem = `page-${String(page.number).padStart(2, '0')}`;
    const pdf = hashedFile(stem, bytes);
    files.set(pdf.url, bytes);
    let preview: Page['preview'];
    if (renderPagePreview) {
      const image = await renderPagePreview(bytes, { width: PREVIEW_WIDTH, quality: 75 });
      const file = hashedFile(stem, image.bytes, image.type.split('/')[1]);
      files.set(file.url, image.bytes);
      preview = { ...file, width: image.width, height: image.height, type: image.type };
    }
    pages.push({
      number: page.number,
      label: page.label,
      section: page.section,
      width: publication.page.width,
      height: publication.page.height,
      pdf,
      ...(preview ? { preview } : {}),
      links: page.elements.flatMap((e) =>
        e.kind === 'link' && e.page >= 1 && e.page <= layout.pages.length ? [{ box: e.box, page: e.page, ...(e.article ? { article: e.article } : {}) }] : [],
      ),
    });
  }
  const articles: Article[] = readingOrder(source.articles, layout.placements).map((a) => {
    const placements: Placement[] = layout.placements
      .filter((p) => p.article === a.id)
      .sort((x, y) => x.page - y.page)
      .map((p) => ({ page: p.page, boxes: p.boxes.map((b) => b.map((n) => Math.round(n * 100) / 100) as unknown as typeof b) }));
    return {
      id: a.id,
      section: a.section,
      headline: a.headline,
      ...(a.kicker ? { kicker: a.kicker } : {}),
      ...(a.deck ? { deck: a.deck } : {}),
      ...(a.byline ? { byline: a.byline } : {}),
      ...(a.bio ? { bio: a.bio } : {}),
      ...(a.pullquote ? { pullquote: a.pullquote } : {}),
      ...(a.image ? { image: { caption: a.image.caption, credit: a.image.credit } } : {}),
      words: a.words,
      // 230 words a minute: the usual adult silent-reading rate (Brysbaert, 2019).
      readingMinutes: Math.max(1, Math.round(a.words / 230)),
      body: a.body,
      placements,
    };
  });
  const manifest: EditionManifest = {
    format: 1,
    publication: { name: publication.name, motto: publication.motto, city: publication.city, language: publication.language },
    date: source.date,
    title,
    volume: source.volume,
    issue: source.issue,
    ...(source.label ? { label: source.label } : {}),
    pdf: wholeFile,
    sections: layout.sections,
    pages,
    articles,
  };
  const timings = { layoutMs: laidOut - started, pdfMs: wrotePdfs - laidOut, restMs: performance.now() - wrotePdfs };
  return { files, manifest, qa: layout.qa, timings };
}

/**
 * Articles in the order a reader meets them: by the page they start on,
 * then left to right by column, then top to bottom.
 */
function readingOrder<T extends { readonly id: string }>(articles: readonly T[], placements: readonly ArticlePlacement[]): T[] {
  const start = new Map<string, readonly [number, number, number]>();
  for (const placement of placements) {
    const [x = 0, y = 0] = placement.boxes[0] ?? [];
    const key = [placement.page, Math.round(x), y] as const;
    const known = start.get(placement.article);
    if (!known || compare(key, known) < 0) start.set(placement.article, key);
  }
  const far = [Infinity, Infinity, Infinity] as const;
  return [...articles].sort((a, b) => compare(start.get(a.id) ?? far, start.get(b.id) ?? far));
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
