/**
 * The viewer's events. All bubble out of the shadow root (`composed`) and are
 * prefixed `epaper-`. None fires on the first render or when the host sets a
 * property: they report what the reader did or what the network answered.
 */
import type { IsoDate } from '../manifest/types.js';

/** Where a failure happened: the catalog, an edition's manifest, or one page's PDF. */
export const ERROR_SCOPES = ['catalog', 'edition', 'page'] as const;
export type ErrorScope = (typeof ERROR_SCOPES)[number];

/**
 * What went wrong: no answer, a 404, a 401 or 403 (`unauthorized`: the
 * reader is not signed in as a subscriber), another HTTP status, unreadable
 * JSON or a manifest of the wrong shape, a PDF pdf.js cannot read, or no
 * network and no saved copy (`offline`).
 */
export const ERROR_CODES = ['network', 'not-found', 'unauthorized', 'http', 'malformed', 'pdf', 'offline'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface EditionLoadDetail {
  readonly date: IsoDate;
  /** The edition's title, e.g. "Monday, November 10, 2025". */
  readonly title: string;
  /** The newspaper's name. */
  readonly publication: string;
  readonly pages: number;
}

export interface PageChangeDetail {
  /** 1-based page number now shown (the first page of a spread). */
  readonly page: number;
  readonly previousPage: number;
  readonly date: IsoDate;
}

export interface ArticleOpenDetail {
  readonly id: string;
  readonly headline: string;
  readonly date: IsoDate;
}

export interface PageViewDetail {
  readonly date: IsoDate;
  /** 1-based page number. */
  readonly page: number;
  /** The printed label, e.g. `A3`. */
  readonly label: string;
  /** The id of the section the page belongs to, e.g. `city`. */
  readonly section: string;
  /** The section's name as printed, e.g. `City`. */
  readonly sectionTitle: string;
}

export interface PageRenderDetail {
  readonly page: number;
  /** `false` for the preview image painted while pdf.js starts, `true` for pdf.js's rendering. */
  readonly sharp: boolean;
}

export interface ErrorDetail {
  readonly scope: ErrorScope;
  readonly code: ErrorCode;
  /** A sentence for people, the same one the viewer shows. */
  readonly message: string;
  readonly url: string;
  /** The page, when `scope` is `page`. */
  readonly page?: number;
}

export interface EpaperEventMap {
  'epaper-edition-load': CustomEvent<EditionLoadDetail>;
  'epaper-page-change': CustomEvent<PageChangeDetail>;
  'epaper-article-open': CustomEvent<ArticleOpenDetail>;
  'epaper-page-render': CustomEvent<PageRenderDetail>;
  'epaper-page-view': CustomEvent<PageViewDetail>;
  'epaper-error': CustomEvent<ErrorDetail>;
}

type DetailOf<K extends keyof EpaperEventMap> = EpaperEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Fires `type` on `target`, bubbling and composed. */
export function emit<K extends keyof EpaperEventMap>(target: EventTarget, type: K, detail: DetailOf<K>): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends EpaperEventMap {}
}
