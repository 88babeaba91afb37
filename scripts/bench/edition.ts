/**
 * The generated edition that bench:build builds and bench:typst sets with
 * Typst: one function makes its articles, so the two cannot drift apart.
 */
import { generateArticles, prng } from './corpus.js';

/** Section ids of `editions/publication.yaml`, in paper order. */
export const SECTIONS = ['front', 'city', 'world', 'business', 'opinion', 'sport'] as const;

export interface EditionArticle {
  readonly id: string;
  readonly headline: string;
  readonly section: (typeof SECTIONS)[number];
  /** 1–10, higher goes first (as the build's pagination orders a section). */
  readonly priority: number;
  readonly byline: string;
  readonly paragraphs: readonly string[];
  readonly words: number;
}

/** 60 articles, about 45,000 words, split evenly over the sections; the same every run. */
export function generateEdition(): EditionArticle[] {
  const random = prng(7);
  const articles = generateArticles(60, 45_000);
  return articles.map((article, i) => {
    // Two draws per article, headline length first: the order fixes the edition.
    const headlineWords = 3 + Math.floor(random() * 6);
    const priority = 1 + Math.floor(random() * 10);
    return {
      id: article.id,
      headline: article.paragraphs[0]!.split(/\s+/).slice(0, headlineWords).join(' ').replace(/[.,;:”“"]/g, ''),
      section: SECTIONS[Math.min(SECTIONS.length - 1, Math.floor((i * SECTIONS.length) / articles.length))]!,
      priority,
      byline: 'By Bench Writer',
      paragraphs: article.paragraphs,
      words: article.words,
    };
  });
}
