/**
 * Shared steps for the tests of the example host page (tests/e2e/embed.e2e.ts):
 * the example news site (`examples/news-site/`) served by
 * scripts/serve-example.ts with the strict Content-Security-Policy, the
 * element built with `vite build --mode embed` into `.cache/embed-e2e/`, and
 * the test editions (tests/viewer/fixtures/make-edition.ts):
 *
 *   2025-11-10  4 pages  A1 front · A2 city · A3 city · A4 opinion   (#today, with request headers)
 *   2025-11-09  3 pages  A1 front · A2 city · A3 sport               (#yesterday, the house theme)
 */
import { join } from 'node:path';
import { type Locator, type Page, type Response, expect } from '@playwright/test';
import { type ExampleServer, ROOT, buildEmbed, serveExample } from '../../scripts/serve-example.js';
import { writeFixture } from '../viewer/fixtures/make-edition.js';

export const TODAY = '2025-11-10';
export const YESTERDAY = '2025-11-09';
export type ViewerId = 'today' | 'yesterday';

const CACHE = join(ROOT, '.cache', 'embed-e2e');

/** Builds the element and the test editions, and serves the example on a free port. */
export async function startExample(): Promise<ExampleServer> {
  await Promise.all([buildEmbed(join(CACHE, 'epaper')), writeFixture(join(CACHE, 'editions'))]);
  return serveExample({ embedDir: join(CACHE, 'epaper'), editionsDir: join(CACHE, 'editions') });
}

/** What the example page is made of; each part can be left out to compare with and without it. */
export interface Variant {
  /** The host's stylesheet, news-site.css (default true). */
  readonly hostCss?: boolean;
  /** The host's module, news-site.js (default true). */
  readonly hostScript?: boolean;
  /** The viewer's script, /epaper/epaper-viewer.js (default true). */
  readonly viewerScript?: boolean;
  /** A stylesheet of the test's own, added in place of the host's (served through a route, so CSP allows it). */
  readonly extraCss?: string;
}

const TAGS = {
  hostCss: '<link rel="stylesheet" href="news-site.css" />',
  hostScript: '<script type="module" src="news-site.js"></script>',
  viewerScript: '<script type="module" src="/epaper/epaper-viewer.js"></script>',
} as const;

/**
 * Before any script of the page: record CSP violations and every `epaper-*`
 * event reaching `window`, with the id of the viewer it came from.
 */
const RECORDER = `
  window.__embed = { csp: [], events: [] };
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__embed.csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);
  });
  for (const type of ['epaper-edition-load', 'epaper-page-change', 'epaper-page-view', 'epaper-article-open', 'epaper-page-render', 'epaper-error']) {
    window.addEventListener(type, (e) => window.__embed.events.push({ type, viewer: e.target.id, detail: e.detail }));
  }
`;

export interface Opened {
  readonly response: Response;
  /** Console errors and uncaught exceptions since the page started loading. */
  readonly errors: string[];
}

/** Opens the example page (the `variant` of it) at `base`, recording events, CSP violations and errors. */
export async function openExample(page: Page, base: string, variant: Variant = {}): Promise<Opened> {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.addInitScript(RECORDER);
  const home = new URL(base);
  await page.route(
    (url) => url.origin === home.origin && url.pathname === '/',
    async (route) => {
      const response = await route.fetch();
      let body = await response.text();
      for (const part of ['hostCss', 'hostScript', 'viewerScript'] as const) {
        if (variant[part] !== false) continue;
        if (!body.includes(TAGS[part])) throw new Error(`The example page no longer has ${TAGS[part]}: update embed-helpers.ts`);
        body = body.replace(TAGS[part], '');
      }
      if (variant.extraCss !== undefined) body = body.replace('</head>', '<link rel="stylesheet" href="/__test.css" /></head>');
      const headers = { ...response.headers() };
      delete headers['content-length'];
      await route.fulfill({ response, body, headers });
    },
  );
  if (variant.extraCss !== undefined) {
    const css = variant.extraCss;
    await page.route(new URL('/__test.css', base).href, (route) => route.fulfill({ contentType: 'text/css', body: css }));
  }
  const response = await page.goto(base);
  if (!response) throw new Error(`No response for ${base}`);
  return { response, errors };
}

export interface Recorded {
  readonly type: string;
  readonly viewer: string;
  readonly detail: Record<string, unknown>;
}

export async function events(page: Page, type?: string, viewer?: ViewerId): Promise<Recorded[]> {
  const all = await page.evaluate(() => (window as unknown as { __embed: { events: Recorded[] } }).__embed.events);
  return all.filter((e) => (!type || e.type === type) && (!viewer || e.viewer === viewer));
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __embed: { csp: string[] } }).__embed.csp);
}

export function viewer(page: Page, id: ViewerId): Locator {
  return page.locator(`epaper-viewer#${id}`);
}

/** Waits until page `n` of viewer `id` has been rendered by pdf.js. */
export async function waitForSharp(page: Page, id: ViewerId, n: number): Promise<void> {
  await expect
    .poll(async () => (await events(page, 'epaper-page-render', id)).some((e) => e.detail.page === n && e.detail.sharp === true), {
      message: `page ${n} of #${id} rendered by pdf.js`,
    })
    .toBe(true);
}

/** The page numbers viewer `id` shows. */
export async function shownPages(page: Page, id: ViewerId): Promise<number[]> {
  return viewer(page, id)
    .locator('.sheet')
    .evaluateAll((sheets) => sheets.map((s) => Number((s as HTMLElement).dataset.page)));
}

/** Share of dark pixels in page `n`'s pdf.js canvas in viewer `id`: 0 for a blank page. */
export async function ink(page: Page, id: ViewerId, n: number): Promise<number> {
  return viewer(page, id)
    .locator(`.sheet[data-page="${n}"] canvas.base`)
    .evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 384) dark++;
      return dark / (data.length / 4);
    });
}

/** The analytics list of the host page: what its own script received. */
export async function analytics(page: Page): Promise<{ type: string; viewer: string; detail: Record<string, unknown> }[]> {
  return page.locator('#analytics-log li').evaluateAll((items) =>
    items.map((li) => {
      const d = (li as HTMLElement).dataset;
      return { type: d.type ?? '', viewer: d.viewer ?? '', detail: JSON.parse(d.detail ?? '{}') as Record<string, unknown> };
    }),
  );
}

/** Computed styles keyed by a path of tag, classes and index among like siblings. */
export type StyleSnapshot = Record<string, Record<string, string>>;

/**
 * Every computed property of `target` and every element under it (or, with
 * `shadow`, of every element of its shadow tree), descending into shadow roots
 * found on the way. Of custom properties, only those named in
 * `customProperties` count.
 */
export async function computedStyles(target: Locator, options: { shadow: boolean; skip?: string; customProperties?: readonly string[] }): Promise<StyleSnapshot> {
  return target.evaluate(
    (host, { shadow, skip, customProperties }) => {
      const out: Record<string, Record<string, string>> = {};
      const walk = (parent: Element | ShadowRoot, path: string): void => {
        const seen = new Map<string, number>();
        for (const el of parent.children) {
          if (skip && el.matches(skip)) continue;
          const classes = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).sort().join('.')}` : '';
          const name = `${el.localName}${classes}`;
          const n = seen.get(name) ?? 0;
          seen.set(name, n + 1);
          const key = `${path}/${name}[${n}]`;
          out[key] = snapshot(el);
          if (el.shadowRoot) walk(el.shadowRoot, `${key}#shadow`);
          walk(el, key);
        }
      };
      const snapshot = (el: Element): Record<string, string> => {
        const style = getComputedStyle(el);
        const props: Record<string, string> = {};
        for (let i = 0; i < style.length; i++) {
          const name = style[i]!;
          // Custom properties inherited from the page but not the viewer's own names affect nothing.
          if (name.startsWith('--') && !customProperties.includes(name)) continue;
          props[name] = style.getPropertyValue(name);
        }
        for (const name of customProperties) props[name] = style.getPropertyValue(name);
        return props;
      };
      if (shadow) walk(host.shadowRoot!, '#shadow');
      else {
        out['.'] = snapshot(host);
        walk(host, '');
      }
      return out;
    },
    { shadow: options.shadow, skip: options.skip ?? '', customProperties: options.customProperties ?? [] },
  );
}

/**
 * The differences between two snapshots, one line per property and pair of
 * values: `font-size: 15px ≠ 9.375px (71 elements, e.g. #shadow/div.toolbar[0])`,
 * most frequent first; and a line per element found in one snapshot only.
 */
export function styleDifferences(a: StyleSnapshot, b: StyleSnapshot): string[] {
  const missing: string[] = [];
  const groups = new Map<string, string[]>();
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key];
    const y = b[key];
    if (!x || !y) {
      missing.push(`${key}: only in the ${x ? 'first' : 'second'}`);
      continue;
    }
    for (const prop of new Set([...Object.keys(x), ...Object.keys(y)])) {
      if (x[prop] === y[prop]) continue;
      const line = `${prop}: ${x[prop]} ≠ ${y[prop]}`;
      groups.set(line, [...(groups.get(line) ?? []), key]);
    }
  }
  const lines = [...groups].sort((p, q) => q[1].length - p[1].length).map(([line, keys]) => `${line} (${keys.length === 1 ? keys[0] : `${keys.length} elements, e.g. ${keys[0]}`})`);
  return [...missing, ...lines];
}
