/**
 * The npm package, as a user gets it: `npm pack` (its `prepack` builds lib/,
 * the declarations, dist/embed/ and custom-elements.json) in a copy of the
 * project, then the tarball installed into an empty project that imports the
 * element, the manifest types and the build API, runs `epaper`, and shows an
 * edition in Chromium.
 *
 * Slow (about a minute): it builds and installs a package. The copy keeps the
 * working tree's lib/ and dist/ untouched.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.js';
import { writeFixture } from '../viewer/fixtures/make-edition.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..', '..');
/** What `npm pack` needs from the project to build the package. */
const SOURCES = ['package.json', 'package-lock.json', 'README.md', 'bin', 'src', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.types.json', 'vite.config.ts', 'custom-elements-manifest.config.mjs'];
const CSP = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; img-src 'self' blob:; style-src 'self'";
const MINUTES = 60_000;

let work: string;
/** The project copy the package is built in. */
let project: string;
let tarball: string;
/** The project that installed the tarball. */
let consumer: string;

async function npm(args: readonly string[], cwd: string): Promise<string> {
  const { stdout } = await run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, maxBuffer: 64 << 20, env: { ...process.env, npm_config_update_notifier: 'false' } });
  return stdout;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'epaper-package-'));
  project = join(work, 'project');
  for (const name of SOURCES) await cp(join(ROOT, name), join(project, name), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  // What `npm pack` runs first (its output would mix with pack's JSON).
  await npm(['run', 'prepack'], project);
  const packed = JSON.parse(await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], project)) as { filename: string }[];
  tarball = join(work, packed[0]!.filename);

  consumer = join(work, 'consumer');
  await mkdir(consumer);
  await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // From npm's cache when it has the dependencies, from the registry otherwise.
  await npm(['install', '--prefer-offline', tarball], consumer);
}, 8 * MINUTES);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('npm pack --dry-run', () => {
  let files: string[];
  beforeAll(async () => {
    const [report] = JSON.parse(await npm(['pack', '--dry-run', '--json', '--ignore-scripts'], project)) as { files: { path: string }[] }[];
    files = report!.files.map((f) => f.path).sort();
  });

  it('ships the command, the compiled build with declarations, the element and its manifest', () => {
    for (const file of [
      'package.json',
      'README.md',
      'bin/epaper.js',
      'custom-elements.json',
      'dist/embed/epaper-viewer.js',
      'lib/scripts/epaper.js',
      'lib/src/build/index.js',
      'lib/src/build/index.d.ts',
      'lib/src/manifest/types.js',
      'lib/src/manifest/types.d.ts',
      'lib/src/viewer/index.d.ts',
      'lib/src/viewer/events.d.ts',
    ]) {
      expect(files).toContain(file);
    }
    expect(files.some((f) => /^dist\/embed\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/.test(f))).toBe(true);
    expect(files.some((f) => /^dist\/embed\/assets\/pdfjs-[\w-]+\.js$/.test(f))).toBe(true);
  });

  it('ships no sources, tests, editions, site, caches, source maps or precompressed copies', () => {
    const unexpected = files.filter(
      (f) =>
        /^(src|tests|editions|public|scripts|node_modules|\.cache|test-results)\//.test(f) ||
        (f.startsWith('dist/') && !f.startsWith('dist/embed/')) ||
        /\.(map|br|gz|tgz)$/.test(f) ||
        /^(tsconfig.*\.json|vite\.config\.ts|vitest\.config\.ts|playwright\.config\.ts|index\.html)$/.test(f) ||
        (f.startsWith('lib/') && !/\.(js|d\.ts)$/.test(f)),
    );
    expect(unexpected).toEqual([]);
  });

  it('ships every file that package.json points to', async () => {
    const pkg = JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as {
      exports: Record<string, string | Record<string, string>>;
      bin: Record<string, string>;
      types: string;
      customElements: string;
    };
    const targets = [
      ...Object.entries(pkg.exports)
        .filter(([key]) => !key.includes('*'))
        .flatMap(([, target]) => (typeof target === 'string' ? [target] : Object.values(target))),
      ...Object.values(pkg.bin),
      pkg.types,
      pkg.customElements,
    ];
    for (const target of targets) expect(files).toContain(target.replace(/^\.\//, ''));
  });
});

describe('custom-elements.json', () => {
  it('describes <epaper-viewer>: attributes, properties, methods, events, CSS properties and parts', async () => {
    const manifest = JSON.parse(await readFile(join(consumer, 'node_modules/epaper/custom-elements.json'), 'utf8')) as {
      modules: { path: string; declarations: Record<string, unknown>[] }[];
    };
    const element = manifest.modules.flatMap((m) => m.declarations).find((d) => d.tagName === 'epaper-viewer') as Record<string, { name: string; kind?: string }[]>;
    const names = (key: string) => (element[key] ?? []).map((x) => x.name);
    expect(names('attributes')).toEqual(expect.arrayContaining(['src', 'date', 'page', 'view', 'deep-links']));
    expect(names('members')).toEqual(expect.arrayContaining(['src', 'date', 'page', 'view', 'deepLinks', 'next', 'previous', 'focus']));
    expect(names('events')).toEqual(
      expect.arrayContaining(['epaper-edition-load', 'epaper-page-change', 'epaper-article-open', 'epaper-page-render', 'epaper-error']),
    );
    expect(names('cssProperties')).toEqual(expect.arrayContaining(['--epaper-background', '--epaper-accent', '--epaper-font']));
    expect(names('cssParts')).toEqual(expect.arrayContaining(['toolbar', 'stage', 'page', 'panel']));
    // Only what a host may use: no private state.
    expect(names('members')).not.toContain('catalog');
    expect(manifest.modules.map((m) => m.path)).toEqual(['dist/embed/epaper-viewer.js']);
  });
});

describe('the installed package', () => {
  it('runs `npx epaper --help` with plain Node', async () => {
    const { stdout } = await run('npx', ['--no-install', 'epaper', '--help'], { cwd: consumer });
    expect(stdout).toContain('Usage:');
    expect(stdout).toContain('epaper build');
  });

  it('builds an edition with the build API, previews included', async () => {
    const script = `
      import { build, check } from 'epaper/build';
      const checked = await check({ input: ${JSON.stringify(join(ROOT, 'editions'))}, date: '2025-11-10' });
      const built = await build({ input: ${JSON.stringify(join(ROOT, 'editions'))}, out: 'site/editions', date: '2025-11-10' });
      console.log(JSON.stringify({ checked: checked.built, built: built.built }));
    `;
    const { stdout } = await run('node', ['--input-type=module', '-e', script], { cwd: consumer });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ checked: ['2025-11-10'], built: ['2025-11-10'] });
    const manifest = JSON.parse(await readFile(join(consumer, 'site/editions/2025-11-10/edition.json'), 'utf8')) as { pages: { preview?: unknown }[] };
    expect(manifest.pages.length).toBeGreaterThan(0);
    expect(manifest.pages.every((p) => p.preview)).toBe(true);
  }, 2 * MINUTES);

  it('type-checks a consumer of the element, its events, the manifest types and the build API', async () => {
    await writeFile(
      join(consumer, 'check.ts'),
      `import { EpaperViewer, type PageChangeDetail } from 'epaper';
import { RUN_STYLES, type Catalog, type EditionManifest } from 'epaper/manifest';
import { build, check, type BuildOptions } from 'epaper/build';

const viewer: EpaperViewer = document.createElement('epaper-viewer');
viewer.src = '/editions/index.json';
viewer.addEventListener('epaper-page-change', (e) => {
  const detail: PageChangeDetail = e.detail;
  console.log(detail.page + 1, detail.date.length);
});
export const first = (catalog: Catalog): string | undefined => catalog.editions[0]?.manifest;
export const pages = (manifest: EditionManifest): number => manifest.pages.length;
export const styles: readonly string[] = RUN_STYLES;
const options: BuildOptions = { input: 'editions', out: 'site/editions', previews: false };
export const done = Promise.all([build(options), check({ strict: true })]);
// The types are real, not \`any\`: each of these is an error.
// @ts-expect-error page is a number
viewer.page = 'two';
// @ts-expect-error a manifest has pages
export const bad: EditionManifest = { date: '2025-11-10' };
`,
    );
    await writeFile(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules/@types')],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
        },
        files: ['check.ts'],
      }),
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const result = await run('node', [tsc, '-p', 'tsconfig.json'], { cwd: consumer }).catch((e: { stdout: string }) => e);
    expect(result.stdout).toBe('');
  }, 2 * MINUTES);
});

describe('the element from the installed package in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    // A page that imports the element by package name, bundled by Vite as a user's site would be…
    const site = join(consumer, 'www');
    await mkdir(join(consumer, 'app'), { recursive: true });
    await writeFile(join(consumer, 'app/main.js'), `import { EpaperViewer } from 'epaper';\nwindow.__defined = customElements.get('epaper-viewer') === EpaperViewer;\n`);
    await writeFile(join(consumer, 'app/index.html'), page('<script type="module" src="./main.js"></script>', '../editions/index.json'));
    await viteBuild({ root: join(consumer, 'app'), configFile: false, logLevel: 'warn', base: './', build: { outDir: join(site, 'bundled'), emptyOutDir: true } });
    // …and the installed script itself, by a script tag, as a news site embeds it.
    await cp(join(consumer, 'node_modules/epaper/dist/embed'), join(site, 'embed'), { recursive: true });
    await writeFile(join(site, 'embed.html'), page('<script type="module" src="embed/epaper-viewer.js"></script>', 'editions/index.json'));
    await writeFixture(join(site, 'editions'));
    server = await serve(site);
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({ executablePath: findChromium().executablePath, args: [...CHROMIUM_ARGS] });
  }, 3 * MINUTES);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  for (const [name, path] of [
    ['bundled by Vite from `import "epaper"`', 'bundled/index.html'],
    ['loaded by a script tag', 'embed.html'],
  ] as const) {
    it(`renders the first page sharp when ${name}`, async () => {
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
      const tab = await context.newPage();
      const problems: string[] = [];
      tab.on('pageerror', (e) => problems.push(e.message));
      tab.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()));
      tab.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`${r.status()} ${r.url()}`));
      await tab.addInitScript(`
        window.__renders = [];
        window.addEventListener('epaper-page-render', (e) => window.__renders.push(e.detail));
        document.addEventListener('securitypolicyviolation', (e) => window.__renders.push({ csp: e.violatedDirective + ' ' + e.blockedURI }));
      `);
      await tab.goto(`${origin}/${path}`);
      await expect.poll(() => tab.evaluate(() => (window as unknown as { __renders: object[] }).__renders), { timeout: 30_000 }).toContainEqual({ page: 1, sharp: true });
      const renders = await tab.evaluate(() => (window as unknown as { __renders: object[] }).__renders);
      expect(renders.filter((r) => 'csp' in r)).toEqual([]);
      // The first page's canvas holds pixels, and pdf.js's worker came from beside the script.
      const canvas = await tab.locator('epaper-viewer').evaluate((el) => {
        const c = el.shadowRoot!.querySelector<HTMLCanvasElement>('.sheet[data-page="1"] canvas');
        return c ? c.width * c.height : 0;
      });
      expect(canvas).toBeGreaterThan(0);
      const worker = await tab.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.includes('pdf.worker')));
      expect(worker).toMatch(new RegExp(`^${origin}/${path.startsWith('bundled') ? 'bundled/assets' : 'embed/assets'}/pdf\\.worker`));
      if (path.startsWith('bundled')) expect(await tab.evaluate(() => (window as unknown as { __defined: boolean }).__defined)).toBe(true);
      expect(problems).toEqual([]);
      await context.close();
    }, 2 * MINUTES);
  }
});

/** A host page with one viewer of the catalog at `src`. */
function page(script: string, src: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>${script}</head>
<body><epaper-viewer src="${src}"></epaper-viewer></body></html>`;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.webp': 'image/webp',
  '.css': 'text/css',
};

/** A plain static server with the strict CSP, on a free port. */
async function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(dir + sep)) return void res.writeHead(403).end();
    readFile(path).then(
      (body) => res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}
