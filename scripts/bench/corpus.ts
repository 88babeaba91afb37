import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small seeded PRNG (mulberry32): the same seed gives the same edition. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences of the sample editions' article bodies: realistic English word lengths and punctuation. */
export function corpusSentences(root = 'editions'): string[] {
  const sentences: string[] = [];
  for (const date of readdirSync(root).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort()) {
    for (const name of readdirSync(join(root, date)).filter((n) => n.endsWith('.md')).sort()) {
      const text = readFileSync(join(root, date, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      for (const para of text.split(/\n\s*\n/)) {
        if (/^(#|>|[-*] )/.test(para.trim())) continue;
        const clean = para.replace(/\*\*?|_/g, '').replace(/\s+/g, ' ').trim();
        sentences.push(...(clean.match(/[^.!?]+[.!?]+[”’"]?/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 20));
      }
    }
  }
  return sentences;
}

export interface GeneratedArticle {
  readonly id: string;
  readonly paragraphs: readonly string[];
  readonly words: number;
}

/** `count` articles totalling about `words` words, paragraphs of 1–4 sentences, deterministic for a seed. */
export function generateArticles(count: number, words: number, seed = 20251110): GeneratedArticle[] {
  const sentences = corpusSentences();
  if (sentences.length === 0) throw new Error('no sample articles to draw sentences from (editions/*/*.md)');
  const random = prng(seed);
  const articles: GeneratedArticle[] = [];
  for (let a = 0; a < count; a++) {
    // Lengths vary like a real paper's: briefs to long reads, averaging words/count.
    const target = Math.round((words / count) * (0.3 + 1.4 * random()));
    const paragraphs: string[] = [];
    let total = 0;
    while (total < target) {
      const n = 1 + Math.floor(random() * 3);
      const para: string[] = [];
      for (let i = 0; i < n; i++) para.push(sentences[Math.floor(random() * sentences.length)]!);
      const text = para.join(' ');
      paragraphs.push(text);
      total += text.split(/\s+/).length;
    }
    articles.push({ id: `article-${String(a + 1).padStart(2, '0')}`, paragraphs, words: total });
  }
  return articles;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
