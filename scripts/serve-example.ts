/**
 * Serves the example news site (`examples/news-site/`) the way a newspaper's
 * own web server would: the host page at `/`, the embed build of
 * `<epaper-viewer>` at `/epaper/`, the editions at `/epaper/editions/`, every
 * response with the strict Content-Security-Policy the viewer must work under.
 *
 * Usage: `tsx scripts/serve-example.ts [--port 4180] [--editions DIR]`
 *
 * It builds the element (`vite build --mode embed`) into `.cache/example/epaper/`
 * first. Editions come from `--editions`, else `public/editions/` when the
 * sample editions have been built (`npm run build:editions`), else the test
 * editions (tests/viewer/fixtures/make-edition.ts) written into
 * `.cache/example/editions/`.
 *
 * The browser tests (tests/e2e/embed.e2e.ts) start the same server with
 * `serveExample()`.
 */
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const ROOT = resolve(import.meta.dirname, '..');
export const EXAMPLE_DIR = join(ROOT, 'examples', 'news-site');

/** The policy of vite.config.ts (`CONTENT_SECURITY_POLICY`), repeated so this script does not load Vite's config. */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; img-src 'self' blob:; style-src 'self'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface ExampleOptions {
  /** The folder with `epaper-viewer.js` and its `assets/` (an embed build). */
  readonly embedDir: string;
  /** The folder with the catalog (`index.json`) and the edition folders. */
  readonly editionsDir: string;
  /** The host page's folder; `examples/news-site/` by default. */
  readonly siteDir?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Content-Security-Policy header; the strict policy by default. */
  readonly csp?: string;
  /** Answer every origin with CORS headers, as a CDN serving the element and the editions to a news site would. */
  readonly cors?: boolean;
}

export interface ExampleServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Mount points: URL prefix → folder. Longest prefix first. */
function mounts(options: ExampleOptions): [string, string][] {
  return [
    ['/epaper/editions/', options.editionsDir],
    ['/epaper/', options.embedDir],
    ['/', options.siteDir ?? EXAMPLE_DIR],
  ];
}

/** The file a URL path names, or undefined when it is outside every mount. */
function fileFor(path: string, table: [string, string][]): string | undefined {
  for (const [prefix, dir] of table) {
    if (!path.startsWith(prefix)) continue;
    const base = resolve(dir);
    const file = resolve(base, `.${path.slice(prefix.length - 1)}`);
    return file === base || file.startsWith(base + sep) ? file : undefined;
  }
  return undefined;
}

/** Starts the example's static server; resolves once it listens. */
export async function serveExample(options: ExampleOptions): Promise<ExampleServer> {
  const table = mounts(options);
  const csp = options.csp ?? CONTENT_SECURITY_POLICY;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (options.cors) res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = fileFor(path, table);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, 'localhost', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Builds `<epaper-viewer>` alone (`vite build --mode embed`) into `outDir`. */
export async function buildEmbed(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ root: ROOT, mode: 'embed', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4180' }, editions: { type: 'string' } },
  });
  const cache = join(ROOT, '.cache', 'example');
  const embedDir = join(cache, 'epaper');
  process.stdout.write('Building <epaper-viewer> (vite build --mode embed)…\n');
  await buildEmbed(embedDir);
  let editionsDir = values.editions ? resolve(values.editions) : join(ROOT, 'public', 'editions');
  if (!existsSync(join(editionsDir, 'index.json'))) {
    if (values.editions) throw new Error(`${editionsDir} has no index.json: point --editions at a folder the edition build wrote.`);
    editionsDir = join(cache, 'editions');
    process.stdout.write('No sample editions in public/editions (npm run build:editions writes them): using the test editions.\n');
    const { writeFixture } = await import('../tests/viewer/fixtures/make-edition.js');
    await writeFixture(editionsDir);
  }
  const { url } = await serveExample({ embedDir, editionsDir, port: Number(values.port) });
  process.stdout.write(`Example news site: ${url}\n  viewer   ${embedDir}\n  editions ${editionsDir}\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
