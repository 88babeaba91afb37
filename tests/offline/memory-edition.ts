/**
 * A tiny edition served from memory for the offline cache's Node tests:
 * `fetch` is replaced by a function answering from a map of URLs, which a
 * test can make fail, corrupt or count.
 */
import { createHash } from 'node:crypto';
import type { Article, CatalogEntry, EditionManifest } from '../../src/manifest/types.js';

export const CATALOG_URL = 'https://paper.test/editions/index.json';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface MemoryEdition {
  readonly entry: CatalogEntry;
  readonly manifest: EditionManifest;
  /** Absolute URL → bytes. */
  readonly files: Map<string, Uint8Array>;
}

export interface MemoryEditionOptions {
  readonly articles?: readonly Article[];
  /** Give every page a preview "image" of `pageBytes / 2` bytes. */
  readonly previews?: boolean;
}

/** An edition of `date` with `pages` one-page "PDFs" of `pageBytes` bytes each; `version` changes every byte. */
export function memoryEdition(date: string, pages = 3, pageBytes = 1000, version = 1, { articles = [], previews = false }: MemoryEditionOptions = {}): MemoryEdition {
  const files = new Map<string, Uint8Array>();
  const base = new URL(`${date}/`, CATALOG_URL);
  const pageList = Array.from({ length: pages }, (_, i) => {
    const bytes = new Uint8Array(pageBytes).fill((i + 1) * version);
    const url = `pages/${i + 1}.v${version}.pdf`;
    files.set(new URL(url, base).href, bytes);
    const page = { number: i + 1, label: `A${i + 1}`, section: 'front', width: 800, height: 1100, pdf: { url, bytes: pageBytes, sha256: sha(bytes) }, links: [] };
    if (!previews) return page;
    const image = new Uint8Array(pageBytes / 2).fill(100 + i);
    const imageUrl = `pages/${i + 1}.v${version}.webp`;
    files.set(new URL(imageUrl, base).href, image);
    return { ...page, preview: { url: imageUrl, bytes: image.byteLength, sha256: sha(image), width: 400, height: 550, type: 'image/webp' } };
  });
  const manifest = {
    format: 1,
    publication: { name: 'Test', motto: '', city: '', language: 'en' },
    date,
    title: date,
    volume: 1,
    issue: 1,
    pdf: { url: 'edition.pdf', bytes: 0, sha256: '' },
    sections: [{ id: 'front', title: 'Front', firstPage: 1 }],
    pages: pageList,
    articles,
  } as EditionManifest;
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
  files.set(new URL('edition.json', base).href, manifestBytes);
  const entry: CatalogEntry = { date, title: date, pages, manifest: `${date}/edition.json`, sha256: sha(manifestBytes) };
  return { entry, manifest, files };
}

export interface FakeServer {
  fetch: typeof fetch;
  /** URLs requested, in order. */
  readonly requests: string[];
  /** Makes requests for URLs matching `pattern` fail like a dropped connection. */
  failing: RegExp | undefined;
  /** Serves bytes that differ from the manifest's for URLs matching `pattern`. */
  corrupt: RegExp | undefined;
}

export function fakeServer(...editions: MemoryEdition[]): FakeServer {
  const server: FakeServer = {
    requests: [],
    failing: undefined,
    corrupt: undefined,
    fetch: async (input) => {
      const url = String(input);
      server.requests.push(url);
      if (server.failing?.test(url)) throw new TypeError('Failed to fetch');
      const bytes = editions.map((e) => e.files.get(url)).find((b) => b);
      if (!bytes) return new Response('', { status: 404 });
      const body = server.corrupt?.test(url) ? bytes.map((b) => b ^ 0xff) : bytes;
      return new Response(body as Uint8Array<ArrayBuffer>);
    },
  };
  return server;
}
