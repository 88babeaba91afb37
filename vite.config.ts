/**
 * The standalone e-paper site: `index.html` with `<epaper-viewer>`, editions
 * in `public/editions/` (written by the edition build).
 *
 * The build writes Brotli and gzip copies of the scripts next to them, and
 * `vite preview` serves those (as a production server or CDN would) with the
 * strict Content-Security-Policy the viewer must work under; the browser tests
 * and the benchmark run against it.
 */
import { createReadStream, existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { type Plugin, defineConfig } from 'vite';
import { appShell } from './src/viewer/app-shell.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  // blob: for the preview images of editions saved for offline reading, read from IndexedDB.
  "img-src 'self' blob:",
  "style-src 'self'",
].join('; ');

const HEADERS = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY };

/** Types worth compressing ahead of time. */
const COMPRESSIBLE: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

function precompressed(): Plugin {
  let outDir = '';
  return {
    name: 'epaper:precompressed',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!COMPRESSIBLE[extname(name)]) continue;
        const file = join(outDir, name);
        const bytes = await readFile(file);
        await writeFile(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        await writeFile(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

function servePrecompressed(): Plugin {
  return {
    name: 'epaper:serve-precompressed',
    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((req, res, next) => {
        let path: string;
        try {
          path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
        } catch {
          return next();
        }
        if (path.endsWith('/')) path += 'index.html';
        const type = COMPRESSIBLE[extname(path)];
        const accepted = String(req.headers['accept-encoding'] ?? '');
        if (!type || req.method !== 'GET') return next();
        for (const [encoding, suffix] of ENCODINGS) {
          const file = join(outDir, `${path}${suffix}`);
          if (!accepted.includes(encoding) || !file.startsWith(outDir + sep) || !existsSync(file)) continue;
          res.setHeader('Content-Type', type);
          res.setHeader('Content-Encoding', encoding);
          res.setHeader('Vary', 'Accept-Encoding');
          // Hashed file names never change; everything else is checked each time.
          res.setHeader('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
          for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
          createReadStream(file).pipe(res);
          return;
        }
        next();
      });
    },
  };
}

/** Names pdf.js's chunk `pdfjs-[hash].js`, so the size budget (`bench:viewer`'s `viewerJsGzipKb`) can leave it out. */
const chunkFileNames = (chunk: { moduleIds: readonly string[] }): string =>
  chunk.moduleIds.some((id) => id.includes('/pdfjs-dist/')) ? 'assets/pdfjs-[hash].js' : 'assets/[name]-[hash].js';

/**
 * `vite build --mode embed`: the element alone as an ES module, for news sites
 * to embed and for the npm package (`exports["."]`), in `dist/embed/`:
 * `epaper-viewer.js` (Lit included, so a host needs nothing else) plus
 * `assets/` with pdf.js's chunk and worker, found relative to the script
 * (`import.meta.url`) wherever it is served, not relative to the host page.
 *
 * Runs after the site build (`npm run build`), which empties `dist/`.
 */
const embed = defineConfig({
  base: './',
  publicDir: false,
  plugins: [precompressed()],
  // The save worker is a module, like the page's scripts and pdf.js's worker.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist/embed',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // An app build with a script entry (not library mode, which would inline the worker).
    rolldownOptions: {
      input: { 'epaper-viewer': 'src/viewer/index.ts' },
      preserveEntrySignatures: 'exports-only',
      checks: { pluginTimings: false },
      output: { entryFileNames: '[name].js', chunkFileNames },
    },
  },
});

const site = defineConfig({
  plugins: [precompressed(), servePrecompressed(), appShell()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    // The pdf.js worker is an asset of its own; never inline it.
    assetsInlineLimit: 0,
    rolldownOptions: {
      // Brotli at its best setting takes a few seconds for the pdf.js worker; that is expected.
      checks: { pluginTimings: false },
      output: { chunkFileNames },
    },
  },
  preview: {
    headers: HEADERS,
  },
});

export default defineConfig(({ mode }) => (mode === 'embed' ? embed : site));
