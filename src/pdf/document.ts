import type { PDFArray, PDFDict, PDFDocument, PDFPage, PDFRawStream, PDFRef } from 'pdf-lib';
import type { Shaper } from '../fonts/shaper.js';
import type { LaidOutPage } from '../layout/types.js';
import type { FontKey } from '../typeset/metrics.js';
import { contentStream, type ContentResources } from './content.js';
import { embeddedFont, placeFont, type EmbeddedFont } from './fonts.js';
import { GlyphEncoder } from './glyph-encoder.js';
import { embedImage, type PdfImage } from './images.js';
import { pdfLib } from './pdf-lib.js';
import { serializePdf } from './writer.js';

const { PDFHexString, PDFName, PDFNumber } = pdfLib;

export type { PdfImage };

export interface PdfMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  /** BCP 47 tag. */
  readonly language: string;
  /** Creation and modification date, fixed so the same edition gives the same bytes. */
  readonly date: Date;
}

/** Bookmarks: sections, each with its articles. */
export interface OutlineEntry {
  readonly title: string;
  /** 1-based page within this document. */
  readonly page: number;
  readonly children?: readonly OutlineEntry[];
}

export interface PdfOptions {
  readonly width: number;
  readonly height: number;
  /** The shaper of each font slot; slots with the same shaper share one embedded font. */
  readonly fonts: Readonly<Record<FontKey, Shaper>>;
  readonly images: ReadonlyMap<string, PdfImage>;
  readonly metadata: PdfMetadata;
  readonly outline?: readonly OutlineEntry[];
  /**
   * Zlib compression for every stream, object streams and the
   * cross-reference stream included: the Node build passes native zlib.
   */
  readonly deflate: (bytes: Uint8Array) => Uint8Array;
  /**
   * The same compression, done elsewhere while the caller goes on: the
   * pages' content streams (the bulk of what is compressed) go through it,
   * so they are compressed while the next pages are written. The Node build
   * passes zlib's asynchronous deflate, which runs on libuv's thread pool.
   * Without it, they are compressed with `deflate` in turn.
   */
  readonly deflateInBackground?: (bytes: Uint8Array) => Promise<Uint8Array>;
}

export interface EditionPdfs {
  /** The whole edition: links between pages, outline, page labels from 1. */
  readonly whole: Uint8Array;
  /** Each page as a PDF of its own, labelled with its page number, without links (their targets are elsewhere). */
  readonly pages: readonly Uint8Array[];
}

/**
 * Writes laid-out pages as the edition's PDF and as one PDF per page, with
 * pdf-lib: fonts as subsets, images embedded once, our own content streams,
 * links, outline, page labels and fixed metadata for byte-identical output.
 *
 * A one-page PDF is made of the edition's own parts: the page's compressed
 * content stream, and the edition's subsets of the faces it uses (glyph IDs
 * are the same in every subset, so the content stream holds for both), with
 * new small dictionaries around them. Nothing is subset or compressed twice.
 * The price is that a page carries the edition's subset of each face it
 * uses, not its own.
 */
export async function writeEditionPdfs(pages: readonly LaidOutPage[], options: PdfOptions): Promise<EditionPdfs> {
  const doc = await newDocument(options, 1);

  // A font's dictionary is written once every page is drawn: its subset holds the glyphs they used.
  const fonts = new Map<Shaper, { ref: PDFRef; encoder: GlyphEncoder; name: string }>();
  const images = new Map<string, { ref: PDFRef; name: string }>();
  const fontFor = (key: FontKey) => {
    const shaper = options.fonts[key];
    let entry = fonts.get(shaper);
    if (!entry) {
      entry = { ref: doc.context.nextRef(), encoder: new GlyphEncoder(shaper), name: `F${fonts.size + 1}` };
      fonts.set(shaper, entry);
    }
    return entry;
  };
  const imageFor = (key: string) => {
    let entry = images.get(key);
    if (!entry) {
      entry = { ref: embedImage(doc.context, imageSource(options, key)), name: `Im${images.size + 1}` };
      images.set(key, entry);
    }
    return entry;
  };

  const pdfPages: PDFPage[] = [];
  /** What each page's PDF of its own needs: its content stream and the resources it names. */
  const parts: { contents: Promise<PDFRawStream>; fonts: Map<string, Shaper>; images: Map<string, string> }[] = [];
  const deflateInBackground = options.deflateInBackground ?? ((bytes: Uint8Array) => Promise.resolve(options.deflate(bytes)));
  // The names the page being written uses. One resources object for every
  // page: a new closure per page is a new call target where the content
  // stream writer calls `font`, and its optimised code was thrown away for it.
  let fontNames = new Map<string, Shaper>();
  let imageNames = new Map<string, string>();
  const resources: ContentResources = {
    font(key) {
      const entry = fontFor(key);
      fontNames.set(entry.name, options.fonts[key]);
      return entry;
    },
    image(key) {
      const entry = imageFor(key);
      imageNames.set(entry.name, key);
      return entry.name;
    },
  };
  for (const laid of pages) {
    const page = doc.addPage([options.width, options.height]);
    pdfPages.push(page);
    fontNames = new Map();
    imageNames = new Map();
    const content = contentStream(laid.elements, options.height, resources);
    for (const [name, shaper] of fontNames) page.node.setFontDictionary(PDFName.of(name), fonts.get(shaper)!.ref);
    for (const [name, key] of imageNames) page.node.setXObject(PDFName.of(name), images.get(key)!.ref);
    // The stream's object number is taken now, so numbering (and the file's bytes) do not depend on when compression ends.
    const ref = doc.context.nextRef();
    page.node.set(PDFName.of('Contents'), ref);
    const contents = deflateInBackground(new TextEncoder().encode(content)).then((bytes) => {
      const stream = doc.context.stream(bytes, { Filter: 'FlateDecode' });
      doc.context.assign(ref, stream);
      return stream;
    });
    // Awaited one by one below: a failure is thrown there, and not reported
    // meanwhile as unhandled for a page not yet reached.
    contents.catch(() => undefined);
    parts.push({ contents, fonts: fontNames, images: imageNames });
  }
  // Everything that does not need the compressed content streams is done
  // while libuv's threads are still compressing the last pages: the fonts
  // (their subsets hold every glyph drawn), links, outline and the one-page
  // documents but for their contents.
  const embedded = new Map<Shaper, EmbeddedFont>();
  for (const [shaper, entry] of fonts) {
    const font = embeddedFont(doc.context, shaper, entry.encoder.used);
    embedded.set(shaper, font);
    placeFont(doc.context, entry.ref, font);
  }
  addLinks(doc, pages, pdfPages, options.height);
  if (options.outline && options.outline.length > 0) addOutline(doc, options.outline, pdfPages);
  // Links are left out: their destinations are other pages.
  const singles: { doc: PDFDocument; page: PDFPage }[] = [];
  for (const [i, laid] of pages.entries()) {
    const one = await newDocument(options, laid.number);
    const page = one.addPage([options.width, options.height]);
    const { fonts: fontNames, images: imageNames } = parts[i]!;
    for (const [name, shaper] of fontNames) {
      const ref = one.context.nextRef();
      placeFont(one.context, ref, embedded.get(shaper)!);
      page.node.setFontDictionary(PDFName.of(name), ref);
    }
    for (const [name, key] of imageNames) page.node.setXObject(PDFName.of(name), embedImage(one.context, imageSource(options, key)));
    singles.push({ doc: one, page });
  }

  // Each one-page PDF is written as soon as its page's stream is compressed,
  // while the later pages' streams still are; the edition's own once all are.
  const single: Uint8Array[] = [];
  for (const [i, { doc: one, page }] of singles.entries()) {
    page.node.set(PDFName.of('Contents'), one.context.register(await parts[i]!.contents));
    single.push(serializePdf(one.context, options.deflate));
  }
  await Promise.all(parts.map((part) => part.contents));
  const whole = serializePdf(doc.context, options.deflate);
  return { whole, pages: single };
}

function imageSource(options: PdfOptions, key: string): PdfImage {
  const source = options.images.get(key);
  if (!source) throw new Error(`no image ${key}`);
  return source;
}

/** An empty document with the edition's metadata, its pages labelled from `firstPageNumber` (ISO 32000-1 §12.4.2). */
async function newDocument(options: PdfOptions, firstPageNumber: number): Promise<PDFDocument> {
  const doc = await pdfLib.PDFDocument.create({ updateMetadata: false });
  const { metadata, deflate } = options;
  // Fonts, cmaps and content streams all go through this one method.
  const context = doc.context;
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflate(typeof contents === 'string' ? new TextEncoder().encode(contents) : contents), { ...dict, Filter: 'FlateDecode' });
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setAuthor(metadata.author);
  doc.setSubject(metadata.subject);
  doc.setLanguage(metadata.language);
  doc.setCreator('epaper');
  doc.setProducer('epaper (pdf-lib)');
  doc.setCreationDate(metadata.date);
  doc.setModificationDate(metadata.date);
  doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: [0, { S: 'D', St: firstPageNumber }] }));
  return doc;
}

function addLinks(doc: PDFDocument, pages: readonly LaidOutPage[], pdfPages: readonly PDFPage[], height: number): void {
  pages.forEach((laid, i) => {
    const annots: PDFRef[] = [];
    for (const element of laid.elements) {
      if (element.kind !== 'link') continue;
      const target = pdfPages[element.page - 1];
      if (!target) continue;
      const [x, top, w, h] = element.box;
      const link = doc.context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [x, height - top - h, x + w, height - top],
        Border: [0, 0, 0],
        Dest: [target.ref, 'XYZ', null, null, null],
      });
      annots.push(doc.context.register(link));
    }
    if (annots.length > 0) pdfPages[i]!.node.set(PDFName.of('Annots'), doc.context.obj(annots));
  });
}

/** Builds the outline tree (ISO 32000-1 §12.3.3) by hand: pdf-lib has no API for it. */
function addOutline(doc: PDFDocument, entries: readonly OutlineEntry[], pdfPages: readonly PDFPage[]): void {
  const { context } = doc;
  const root = context.obj({ Type: 'Outlines' }) as PDFDict;
  const rootRef = context.register(root);
  const build = (list: readonly OutlineEntry[], parent: PDFRef, parentDict: PDFDict): number => {
    const refs = list.map(() => context.nextRef());
    let total = 0;
    list.forEach((entry, i) => {
      const page = pdfPages[entry.page - 1] ?? pdfPages[0]!;
      const dict = context.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
      dict.set(PDFName.of('Parent'), parent);
      dict.set(PDFName.of('Dest'), context.obj([page.ref, 'XYZ', null, null, null]) as PDFArray);
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < list.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      const children = entry.children ?? [];
      if (children.length > 0) {
        const count = build(children, refs[i]!, dict);
        dict.set(PDFName.of('Count'), PDFNumber.of(-count)); // closed by default
      }
      context.assign(refs[i]!, dict);
      total += 1;
    });
    parentDict.set(PDFName.of('First'), refs[0]!);
    parentDict.set(PDFName.of('Last'), refs[refs.length - 1]!);
    return total;
  };
  const count = build(entries, rootRef, root);
  root.set(PDFName.of('Count'), PDFNumber.of(count));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
