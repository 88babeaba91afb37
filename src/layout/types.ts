import type { Box } from '../manifest/types.js';
import type { TextRun } from '../typeset/items.js';
import type { SetLine } from '../typeset/position.js';

/** Colours a page uses, by role. The PDF writer maps them to RGB. */
export const INKS = ['ink', 'accent', 'muted', 'paper', 'rule'] as const;
export type Ink = (typeof INKS)[number];

/**
 * A laid-out page is a list of drawing instructions in page coordinates
 * (points from the top-left corner). The PDF writer turns each into
 * operators; tests read them without writing a file.
 */
export type Element =
  | {
      readonly kind: 'text';
      readonly line: SetLine;
      /** Left edge of the line's column. */
      readonly x: number;
      readonly baseline: number;
      readonly ink: Ink;
      /** The article this text belongs to, for reading order and hotspots. */
      readonly article?: string;
    }
  | { readonly kind: 'rule'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly weight: number; readonly ink: Ink }
  | { readonly kind: 'rect'; readonly box: Box; readonly fill?: Ink; readonly stroke?: Ink; readonly weight?: number }
  | {
      readonly kind: 'image';
      /** Key of the image in the edition's image table. */
      readonly image: string;
      /** Where the image is drawn (it may extend beyond `clip` to crop). */
      readonly box: Box;
      readonly clip: Box;
    }
  | { readonly kind: 'link'; readonly box: Box; readonly page: number; readonly article?: string };

/** An image as the layout needs to know it: its pixel size. */
export interface ImageInfo {
  readonly key: string;
  readonly width: number;
  readonly height: number;
}

/** A body block before setting: the manifest's blocks map one to one onto these. */
export type BodyBlock =
  | { readonly kind: 'paragraph'; readonly runs: readonly TextRun[] }
  | { readonly kind: 'subhead'; readonly text: string }
  | { readonly kind: 'quote'; readonly runs: readonly TextRun[] }
  | { readonly kind: 'list-item'; readonly marker: string; readonly runs: readonly TextRun[] };

export interface StoryInput {
  readonly id: string;
  readonly section: string;
  /** Higher goes first and larger. */
  readonly priority: number;
  readonly kicker?: string;
  readonly headline: string;
  readonly deck?: string;
  readonly byline?: string;
  readonly bio?: string;
  readonly pullquote?: string;
  readonly image?: ImageInfo & { readonly caption: string; readonly credit: string };
  readonly body: readonly BodyBlock[];
}

export interface PageGeometry {
  readonly width: number;
  readonly height: number;
  readonly margins: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  readonly columns: number;
  readonly gutter: number;
}

export interface EditionInput {
  readonly publication: { readonly name: string; readonly motto: string; readonly city: string; readonly price: string };
  /** Written out, e.g. "Saturday, November 8, 2025". */
  readonly dateLine: string;
  readonly volume: number;
  readonly issue: number;
  readonly label?: string;
  readonly page: PageGeometry;
  readonly sections: readonly { readonly id: string; readonly title: string }[];
  readonly stories: readonly StoryInput[];
  readonly adverts: readonly ImageInfo[];
}

export interface LaidOutPage {
  readonly number: number;
  readonly label: string;
  readonly section: string;
  readonly elements: readonly Element[];
}

/** Where each article ended up: its boxes per page, in reading order. */
export interface ArticlePlacement {
  readonly article: string;
  readonly page: number;
  readonly boxes: readonly Box[];
}
