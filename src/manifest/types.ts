/**
 * The edition manifest and catalog: the contract between the edition build
 * (which writes them) and the viewer, the offline cache and search (which
 * read them). Pure types, no runtime code, so both Node and the browser
 * import this module.
 *
 * Coordinates are PDF points (1/72 inch) measured from the page's top-left
 * corner, x to the right and y downwards, as a reader sees the page.
 */

/** `YYYY-MM-DD`, the edition's publication date. Sorts as a string. */
export type IsoDate = string;

/** `[x, y, width, height]` in PDF points from the page's top-left corner. */
export type Box = readonly [x: number, y: number, width: number, height: number];

/** A file the build wrote. `url` is relative to the manifest that names it. */
export interface FileRef {
  readonly url: string;
  readonly bytes: number;
  /** Lower-case hex SHA-256 of the file's bytes. */
  readonly sha256: string;
}

/** `<out>/index.json`: every built edition, newest first. */
export interface Catalog {
  readonly editions: readonly CatalogEntry[];
}

export interface CatalogEntry {
  readonly date: IsoDate;
  readonly title: string;
  readonly pages: number;
  /** Relative to the catalog, e.g. `2025-11-10/edition.json`. */
  readonly manifest: string;
  /** SHA-256 of the manifest's bytes: changes whenever the edition is rebuilt differently. */
  readonly sha256: string;
}

export interface Publication {
  readonly name: string;
  readonly motto: string;
  readonly city: string;
  /** BCP 47 tag, e.g. `en-US`. */
  readonly language: string;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  /** 1-based page number where the section starts. */
  readonly firstPage: number;
}

/** A link drawn on a page, such as a jump line's "Continued on page 5". */
export interface PageLink {
  readonly box: Box;
  /** 1-based page number the link leads to. */
  readonly page: number;
  /** The article a jump line continues; absent for links of the page itself, such as the Inside index. */
  readonly article?: string;
}

export interface Page {
  /** 1-based position in the edition. */
  readonly number: number;
  /** Printed page label, e.g. `A1` or `5`. */
  readonly label: string;
  /** Section id. */
  readonly section: string;
  readonly width: number;
  readonly height: number;
  /** The page as a one-page PDF of its own, so a viewer can show it without fetching the edition. */
  readonly pdf: FileRef;
  /**
   * A small raster image of the page, made at build time, that a viewer can
   * paint while pdf.js starts. Absent when the build ran without previews.
   */
  readonly preview?: PreviewRef;
  readonly links: readonly PageLink[];
}

export interface PreviewRef extends FileRef {
  /** Pixel size of the image. */
  readonly width: number;
  readonly height: number;
  /** e.g. `image/webp`, `image/jpeg`. */
  readonly type: string;
}

/** A run of inline text with its style. */
export interface Run {
  readonly text: string;
  readonly style: RunStyle;
}

export const RUN_STYLES = ['plain', 'em', 'strong', 'strong-em'] as const;
export type RunStyle = (typeof RUN_STYLES)[number];

/** A block of an article's body, in reading order. Never HTML. */
export type Block =
  | { readonly kind: 'paragraph'; readonly runs: readonly Run[] }
  | { readonly kind: 'subhead'; readonly text: string }
  | { readonly kind: 'quote'; readonly runs: readonly Run[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Run[])[] };

export interface Placement {
  /** 1-based page number. */
  readonly page: number;
  /** The rectangles the article covers on that page: headline, photo, text columns. */
  readonly boxes: readonly Box[];
}

export interface ArticleImage {
  readonly caption: string;
  readonly credit: string;
}

export interface Article {
  /** Unique within the edition; the Markdown file name without `.md`. */
  readonly id: string;
  readonly section: string;
  readonly kicker?: string;
  readonly headline: string;
  readonly deck?: string;
  readonly byline?: string;
  /** "The writer is …" line of an opinion piece. */
  readonly bio?: string;
  readonly pullquote?: string;
  readonly image?: ArticleImage;
  readonly words: number;
  readonly readingMinutes: number;
  readonly body: readonly Block[];
  /** Pages in reading order: the first is where the story starts. */
  readonly placements: readonly Placement[];
}

export interface EditionManifest {
  /** Format version of this manifest; bumped on incompatible changes. */
  readonly format: 1;
  readonly publication: Publication;
  readonly date: IsoDate;
  readonly title: string;
  readonly volume: number;
  readonly issue: number;
  readonly label?: string;
  /** The whole edition as one PDF. */
  readonly pdf: FileRef;
  readonly sections: readonly Section[];
  readonly pages: readonly Page[];
  readonly articles: readonly Article[];
}
