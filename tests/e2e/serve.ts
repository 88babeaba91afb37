/**
 * The site the browser tests run against: a production build of the viewer
 * with the test editions (not the sample editions) under `editions/`, served
 * by `vite preview` with the strict Content-Security-Policy.
 *
 * Usage: `tsx tests/e2e/serve.ts <port>` (Playwright's `webServer` runs it).
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { writeFixture } from '../viewer/fixtures/make-edition.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const port = Number(process.argv[2] ?? 4179);
// One folder per port, so that two runs on one machine do not build over each other.
const SITE = join(ROOT, '.cache', port === 4179 ? 'e2e-site' : `e2e-site-${port}`);

await build({ root: ROOT, logLevel: 'warn', publicDir: false, build: { outDir: SITE, emptyOutDir: true } });
await rm(join(SITE, 'editions'), { recursive: true, force: true });
await writeFixture(join(SITE, 'editions'));
const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir: SITE }, preview: { port, strictPort: true, open: false } });
server.printUrls();
