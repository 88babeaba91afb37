import type { PDFArray, PDFDict, PDFDocument, PDFPage, PDFRef } from 'pdf-lib';
import type { Shaper } from '../fonts/shaper.js';
import type { LaidOutPage } from '../layout/types.js';
import type { FontKey } from '../typeset/metrics.js';
import { contentStream } from './content.js';
import { embedFont } from './fonts.js';
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
 * The one-page PDFs are copies of the edition's pages, made after it is
 * saved: their content streams, images and font subsets are the edition's
 * objects, already compressed, rather than written and subset again for
 * every page (which took most of the build's PDF time). The price is that a
 * page carries the edition's subset of each face it uses, not its own.
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
      const source = options.images.get(key);
      if (!source) throw new Error(`no image ${key}`);
      entry = { ref: embedImage(doc.context, source), name: `Im${images.size + 1}` };
      images.set(key, entry);
    }
    return entry;
  };

  const pdfPages: PDFPage[] = [];
  for (const laid of pages) {
    const page = doc.addPage([options.width, options.height]);
    pdfPages.push(page);
    const fontNames = new Map<string, PDFRef>();
    const imageNames = new Map<string, PDFRef>();
    const content = contentStream(laid.elements, options.height, {
      font(key) {
        const entry = fontFor(key);
        fontNames.set(entry.name, entry.ref);
        return entry;
      },
      image(key) {
        const entry = imageFor(key);
        imageNames.set(entry.name, entry.ref);
        return entry.name;
      },
    });
    for (const [name, ref] of fontNames) page.node.setFontDictionary(PDFName.of(name), ref);
    for (const [name, ref] of imageNames) page.node.setXObject(PDFName.of(name), ref);
    const stream = doc.context.flateStream(content);
    page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  }

  for (const [shaper, entry] of fonts) embedFont(doc.context, entry.ref, shaper, entry.encoder.used);
  addLinks(doc, pages, pdfPages, options.height);
  if (options.outline && options.outline.length > 0) addOutline(doc, options.outline, pdfPages);
  const whole = serializePdf(doc.context, options.deflate);

  // A link's destination is another page: copying it would copy that page too.
  for (const page of pdfPages) page.node.delete(PDFName.of('Annots'));
  const single: Uint8Array[] = [];
  for (const [i, laid] of pages.entries()) {
    const one = await newDocument(options, laid.number);
    const [copy] = await one.copyPages(doc, [i]);
    one.addPage(copy);
    single.push(serializePdf(one.context, options.deflate));
  }
  return { whole, pages: single };
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
