import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { styleProps } from './style-props.js';
import type { Article, Catalog, EditionManifest, Page } from '../manifest/types.js';
import { viewerStyles } from './epaper-viewer.styles.js';
import { emit } from './events.js';
import { GestureController } from './gestures.js';
import { type Route, formatHash, parseHash } from './hash-route.js';
import { icons } from './icons.js';
import { EditionLoadError, type RequestPolicy, asLoadError, loadCatalog, loadManifest, loadPdfBytes, resolveUrl } from './loader.js';
import { libraryPanel } from './library-panel.js';
import { savedEdition, savedEditions, type SavedEdition } from '../offline/index.js';
import { PageViewTimer } from './page-views.js';
import { FetchedImages } from './fetched-images.js';
import { OfflineController } from './offline-controller.js';
import { type OpenedSaved, openSaved, savedPages } from './saved-source.js';
import { checkManifest } from './validate.js';
import { PdfPages, startPdfWorker, startPdfjs } from './pdf.js';
import type { PreviewImages } from './preview-images.js';
import { readingOrder } from './reading-order.js';
import { type PageView, type Rect, planRenders } from './render-plan.js';
import { RenderQueue } from './render-queue.js';
import './reader-panel.js';
import { type EditionHit, type Hit, type SearchIndex, buildIndex, search } from './search.js';
import { hitButton, hitCount } from './search-hits.js';
import { Thumbnails } from './thumbnails.js';
import { type View, clampPage, nextPage, previousPage, showsSpreads, spreadOf } from './spreads.js';
import { type Point, type Size, type Zoom, clampScale, contentOffset, fitScale, resolveScale, scrollForZoom, stepScale, zoomPercent } from './zoom.js';

const STATUS = { idle: 'idle', loading: 'loading', ready: 'ready', error: 'error' } as const;
type Status = (typeof STATUS)[keyof typeof STATUS];

const PANELS = { none: 'none', pages: 'pages', search: 'search', library: 'library' } as const;
type Panel = (typeof PANELS)[keyof typeof PANELS];

const PANEL_LABELS: Record<Exclude<Panel, 'none'>, string> = { pages: 'All pages', search: 'Search', library: 'Saved editions' };
/** What takes the focus when a panel opens. */
const PANEL_FOCUS: Record<Panel, string> = {
  none: '.stage',
  pages: '.panel [aria-current="page"]',
  search: '.panel input',
  library: '.panel .library :is(button, select, input)',
};

/** Double-click zooms to this multiple of the fitted page, or back to fit when already zoomed. */
const DOUBLE_TAP_ZOOM = 2.5;

/**
 * `<epaper-viewer>`: reads an e-paper edition page by page.
 *
 * Opens the catalog at `src`, shows the newest edition's front page (or the
 * edition of `date`), and lets the reader turn pages, zoom and pan, follow
 * jump lines, open a story as text, search the edition and pick another date.
 * Pages are the edition's one-page PDFs drawn by pdf.js; a preview image made
 * at build time is painted first while pdf.js starts.
 *
 * Editions can be saved for offline reading (the "Saved editions" panel,
 * `src/offline/`): a saved edition opens from IndexedDB without network
 * requests for its files, and with no network the saved editions stand in for
 * the catalog.
 *
 * @element epaper-viewer
 *
 * @attr src - URL of the catalog (`index.json`) the edition build wrote.
 * @attr date - Edition date `YYYY-MM-DD`; the newest when absent. Set when the reader picks another date.
 * @attr page - 1-based page number; reflected as the reader turns pages.
 * @attr view - `single`, `spread` (facing pages, front page alone) or `auto` (spreads on wide screens). Default `auto`.
 * @attr deep-links - Keep the URL fragment in step (`#2025-11-10/p/3`, `#2025-11-10/a/<id>`), so links and back/forward work.
 * @attr credentials - Whether requests for the catalog, manifests and PDFs carry cookies: `same-origin` (default), `include` or `omit`.
 *
 * @fires {CustomEvent<EditionLoadDetail>} epaper-edition-load - An edition's manifest was loaded. `detail: { date, title, publication, pages }`.
 * @fires {CustomEvent<PageChangeDetail>} epaper-page-change - The reader turned to another page (never when the host sets `page`). `detail: { page, previousPage, date }`.
 * @fires {CustomEvent<ArticleOpenDetail>} epaper-article-open - The reader opened a story in the reader panel. `detail: { id, headline, date }`.
 * @fires {CustomEvent<PageRenderDetail>} epaper-page-render - A page's pixels are on screen: first its preview (`sharp: false`), then pdf.js's rendering (`sharp: true`). `detail: { page, sharp }`.
 * @fires {CustomEvent<PageViewDetail>} epaper-page-view - A page has been on screen, painted, for 2 s without a break (for a host's analytics; the viewer itself sends nothing). `detail: { date, page, label, section, sectionTitle }`.
 * @fires {CustomEvent<ErrorDetail>} epaper-error - The catalog, an edition or a page could not be loaded. `detail: { scope, code, message, url, page? }`; code `offline` when there is no network and no saved copy.
 *
 * @csspart toolbar - The bar with the controls.
 * @csspart edition-picker - The date `<select>`.
 * @csspart sections - The section tabs.
 * @csspart pager - Previous/next buttons and the page-number box.
 * @csspart zoom - The zoom buttons.
 * @csspart stage - The scrolling area that holds the pages.
 * @csspart page - Each page sheet.
 * @csspart hotspot - Each story's clickable area on a page.
 * @csspart link - Each jump-line link on a page.
 * @csspart panel - The side panel (page thumbnails or search).
 * @csspart error - The message shown when the edition cannot be opened.
 *
 * @cssproperty --epaper-background - Behind the pages. Default `#dcd9d2`.
 * @cssproperty --epaper-toolbar-background - Default `#ffffff`.
 * @cssproperty --epaper-toolbar-color - Default `#1d1b18`.
 * @cssproperty --epaper-accent - Focus rings, current page and section. Default `#0b5cad`.
 * @cssproperty --epaper-hotspot-highlight - Fill of a story under the pointer or focus. Default translucent accent.
 * @cssproperty --epaper-search-highlight - Fill of a story found by search. Default translucent yellow.
 * @cssproperty --epaper-font - Font of the controls. Default `system-ui`.
 * @cssproperty --epaper-reader-font - Body font of the reader panel. Default Old Standard TT, then Georgia.
 * @cssproperty --epaper-headline-font - Headline font of the reader panel. Default Playfair Display, then Georgia.
 * @cssproperty --epaper-reader-background - Reader panel background (`--epaper-reader-background-dark` in dark mode).
 * @cssproperty --epaper-reader-color - Reader panel text colour (`--epaper-reader-color-dark` in dark mode).
 * @cssproperty --epaper-kicker-color - Colour of the kicker above a headline in the reader panel. Default `#a0281e`.
 * @cssproperty --epaper-page-shadow - Shadow around each page.
 * @cssproperty --epaper-turn-duration - Length of the page-turn slide. Default `220ms`; none under reduced motion.
 */
@customElement('epaper-viewer')
export class EpaperViewer extends LitElement {
  static override styles = viewerStyles;

  /** URL of the catalog (`index.json`). */
  @property() src = '';
  /** Edition date `YYYY-MM-DD`; the newest when empty. */
  @property({ reflect: true }) date = '';
  /** 1-based page number. */
  @property({ type: Number, reflect: true }) page = 1;
  /** `single`, `spread` or `auto`. */
  @property({ reflect: true }) view: View = 'auto';
  /** Keep the URL fragment in step with the page and story shown. */
  @property({ type: Boolean, attribute: 'deep-links' }) deepLinks = false;
  /**
   * Whether requests for the catalog, manifests and PDFs carry cookies:
   * `same-origin` (the default), `include` (also to an edition server on
   * another origin, which must allow it with CORS), or `omit`.
   */
  @property() credentials: RequestCredentials = 'same-origin';
  /**
   * Extra headers for those requests, e.g. `{ Authorization: 'Bearer …' }`.
   * An image element cannot send headers, so with any set, preview images
   * are fetched and shown through `blob:` URLs.
   */
  @property({ attribute: false }) requestHeaders: Readonly<Record<string, string>> = {};

  @state() private catalog: Catalog | undefined;
  @state() private manifest: EditionManifest | undefined;
  @state() private status: Status = STATUS.idle;
  @state() private error: EditionLoadError | undefined;
  @state() private pageErrors: ReadonlyMap<number, EditionLoadError> = new Map();
  @state() private zoom: Zoom = { fit: 'page' };
  @state() private stageSize: Size = { width: 0, height: 0 };
  @state() private storyOpen: string | null = null;
  @state() private highlighted: string | null = null;
  @state() private panel: Panel = PANELS.none;
  @state() private query = '';
  @state() private announcement = '';
  /** Bumped when a canvas arrives, so the template picks it up. */
  @state() private renders = 0;

  /** The catalog could not be fetched: it lists the editions saved on this device instead. */
  @state() private offlineCatalog = false;

  @query('.stage') private stage!: HTMLElement;

  readonly #offline = new OfflineController(this, () => this.#requests());
  readonly #views = new PageViewTimer((key) => this.#onPageView(key));
  #visibility: IntersectionObserver | undefined;
  #inViewport = true;
  /** The saved copy the open edition was read from, if any. */
  #savedCopy: OpenedSaved | undefined;
  /** Preview images fetched with `requestHeaders`, when the host set any. */
  #images: PreviewImages | undefined;

  #catalogUrl = '';
  #manifestUrl = '';
  #load: AbortController | undefined;
  #pdf: PdfPages | undefined;
  #queue: RenderQueue | undefined;
  #thumbs: Thumbnails | undefined;
  #index: SearchIndex | undefined;
  #stories: Article[] = [];
  #resize: ResizeObserver | undefined;
  #planFrame = 0;
  #pendingScroll: Point | undefined;
  #pendingRoute: Route | null = null;
  #pendingFocus: string | undefined;
  /** A hit from the saved editions' search, to highlight once its edition has loaded. */
  #pendingHit: EditionHit | undefined;
  #turn: 'next' | 'previous' | undefined;
  #shownKey = '';
  /** Per page on screen: `false` once its preview is painted, `true` once pdf.js's rendering is. */
  #painted = new Map<number, boolean>();
  /**
   * While the edition's first previews load, pdf.js's library and the page
   * PDFs wait: on a small CPU they would compete with the preview for it (on
   * a 2-core machine the first pixels came about 90 ms later). The worker
   * starts as soon as the manifest arrives, on its own thread.
   */
  #previewFirst = false;

  constructor() {
    super();
    new GestureController(this, () => this.stage, {
      swipe: (direction) => (direction === 'next' ? this.next() : this.previous()),
      pan: (dx, dy) => this.stage.scrollBy(dx, dy),
      zoom: (factor, center) => this.#zoomTo(this.#scale() * factor, center),
      doubleTap: (point) => this.#doubleTap(point),
      canPan: () => this.stage.scrollWidth > this.stage.clientWidth + 1 || this.stage.scrollHeight > this.stage.clientHeight + 1,
    });
    this.addEventListener('keydown', (e) => this.#onKey(e));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#visibility = new IntersectionObserver(([entry]) => {
      this.#inViewport = entry!.isIntersecting;
      this.#onVisibility();
    });
    this.#visibility.observe(this);
    // Moved in the document: disconnecting closed the edition; open it again where the reader was.
    if (this.hasUpdated) {
      this.#observeStage();
      if (this.src) void this.#loadCatalog();
    }
    if (this.deepLinks) {
      this.#pendingRoute = parseHash(location.hash);
      window.addEventListener('popstate', this.#onHistory);
      window.addEventListener('hashchange', this.#onHistory);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#visibility?.disconnect();
    this.#views.dispose();
    window.removeEventListener('popstate', this.#onHistory);
    window.removeEventListener('hashchange', this.#onHistory);
    this.#resize?.disconnect();
    this.#resize = undefined;
    cancelAnimationFrame(this.#planFrame);
    this.#load?.abort();
    this.#thumbs?.dispose();
    this.#queue?.dispose();
    this.#pdf?.destroy();
    this.#thumbs = undefined;
    this.#queue = undefined;
    this.#pdf = undefined;
  }

  /** Focuses the page area, so the keyboard turns pages at once. */
  override focus(options?: FocusOptions): void {
    this.stage?.focus(options);
  }

  /** Shows the next page or spread. */
  next(): void {
    const n = this.#count() && nextPage(this.#page(), this.#count(), this.#spreads());
    if (n) this.#goTo(n);
  }

  /** Shows the previous page or spread. */
  previous(): void {
    const p = this.#count() && previousPage(this.#page(), this.#count(), this.#spreads());
    if (p) this.#goTo(p);
  }

  /**
   * Shows page `page`: its number (1-based) or its printed label, such as
   * `A3`. Called before the edition has loaded, the edition opens there.
   * Returns `false` when the open edition has no such page.
   */
  goToPage(page: number | string): boolean {
    if (!this.manifest) {
      const n = Number(page);
      if (!Number.isInteger(n) || n < 1) return false;
      this.#pendingRoute = { kind: 'page', date: this.date, page: n };
      return true;
    }
    const target = this.#pageNumber(page);
    if (!target) return false;
    this.#goTo(target, { event: false });
    return true;
  }

  /**
   * Opens the story `id` (an article id of the manifest) in the reader panel
   * and turns to its first page. Called before the edition has loaded, the
   * edition opens with it. Returns `false` when the open edition has no such
   * story.
   */
  openArticle(id: string): boolean {
    if (!this.manifest) {
      this.#pendingRoute = { kind: 'article', date: this.date, article: id };
      return true;
    }
    const article = this.manifest.articles.find((a) => a.id === id);
    if (!article) return false;
    const page = article.placements[0]?.page;
    if (page && !this.#spread().includes(page)) this.#goTo(page, { history: false, event: false });
    this.#openStory(id, { event: false });
    return true;
  }

  /**
   * Saves the edition of `date` (by default the one shown) on this device for
   * offline reading, as the "Saved editions" panel does. Resolves when it is
   * saved and verified; rejects with an `OfflineError` (`network`,
   * `integrity`, `quota` or `storage`) whose message a reader can act on.
   */
  async save(date: string = this.manifest?.date ?? this.date): Promise<void> {
    if (!this.catalog) throw new Error('The list of editions has not loaded yet: wait for epaper-edition-load.');
    const entry = this.catalog.editions.find((e) => e.date === (date || newest(this.catalog!)));
    if (!entry) throw new Error(`There is no edition for ${date}.`);
    if (this.offlineCatalog) return;
    const saved = await this.#offline.save(this.#catalogUrl, entry);
    if (!saved) throw this.#offline.error ?? new Error(`The edition of ${entry.date} could not be saved.`);
  }

  /**
   * Removes every edition saved on this device and stops saves in progress:
   * for signing out. The edition on screen stays open until the reader
   * leaves it.
   */
  async clearSaved(): Promise<void> {
    await this.#offline.clear();
  }

  // ——— Loading ———

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) {
      void this.#loadCatalog();
    } else if (changed.has('date') && this.catalog && this.date && this.date !== this.manifest?.date) {
      void this.#loadEdition(this.date);
    }
  }

  async #loadCatalog(): Promise<void> {
    this.#load?.abort();
    const abort = (this.#load = new AbortController());
    this.#reset();
    if (!this.src) return;
    this.status = STATUS.loading;
    this.#catalogUrl = new URL(this.src, document.baseURI).href;
    try {
      // `navigator.onLine` false is reliable (true is not): with no network, go straight to the saved editions.
      if (!navigator.onLine) throw new EditionLoadError('catalog', 'network', this.#catalogUrl, 'You are offline.');
      this.catalog = await loadCatalog(this.#catalogUrl, abort.signal, this.#requests());
      this.offlineCatalog = false;
    } catch (error) {
      if (abort.signal.aborted) return;
      const failure = asLoadError(error, 'catalog', this.#catalogUrl);
      // No connection: the editions saved on this device stand in for the catalog.
      const saved = failure.code === 'network' ? await savedEditions().catch(() => []) : [];
      if (abort.signal.aborted) return;
      if (saved.length === 0) {
        const offline = !navigator.onLine && failure.code === 'network';
        this.#fail(offline ? new EditionLoadError('catalog', 'offline', failure.url, 'You are offline, and no edition is saved on this device. Connect to the internet to read the paper.') : failure);
        return;
      }
      this.catalog = { editions: saved.map((e) => e.entry) };
      this.offlineCatalog = true;
    }
    const latest = newest(this.catalog);
    if (this.#offline.settings.autoSave && !this.offlineCatalog) {
      const entry = this.catalog.editions.find((e) => e.date === latest);
      if (entry) void this.#offline.save(this.#catalogUrl, entry);
    }
    const wanted = this.#pendingRoute?.date ?? this.date;
    await this.#loadEdition(wanted || latest, abort);
  }

  async #loadEdition(date: string, abort = this.#restartLoad()): Promise<void> {
    const entry = this.catalog?.editions.find((e) => e.date === date);
    if (!entry) {
      const missing = new EditionLoadError('edition', 'not-found', this.#catalogUrl, `There is no edition for ${date}.`);
      // Offline, the catalog lists only saved editions: say so rather than "there is none".
      this.#fail(this.offlineCatalog ? this.#offlineAware(new EditionLoadError('edition', 'network', this.#catalogUrl, ''), date) : missing);
      return;
    }
    this.status = STATUS.loading;
    this.error = undefined;
    this.#manifestUrl = resolveUrl(entry.manifest, this.#catalogUrl);
    const saved = await this.#usableSavedCopy(entry.date, entry.sha256);
    let manifest: EditionManifest;
    try {
      manifest = saved ? checkManifest(saved.manifest) : await loadManifest(this.#manifestUrl, abort.signal, this.#requests());
    } catch (error) {
      if (!abort.signal.aborted) this.#fail(this.#offlineAware(asLoadError(error, 'edition', this.#manifestUrl), date));
      return;
    }
    if (abort.signal.aborted) return;
    const switching = this.manifest !== undefined && this.manifest.date !== manifest.date;
    this.#closeEdition();
    const manifestUrl = this.#manifestUrl;
    const rerender = () => this.requestUpdate();
    this.#savedCopy = saved && openSaved(saved, (url) => resolveUrl(url, manifestUrl), rerender, () => void this.#offline.refresh());
    if (this.#savedCopy) this.#images = this.#savedCopy.images;
    else if (Object.keys(this.requestHeaders).length > 0) this.#images = new FetchedImages(this.#requests(), rerender);
    const urlOf = (page: number) => resolveUrl(manifest.pages[page - 1]!.pdf.url, manifestUrl);
    const requests = this.#requests();
    const fromNetwork = (url: string, page: number, signal?: AbortSignal) => loadPdfBytes(url, page, signal, requests);
    this.#pdf = new PdfPages(urlOf, saved ? savedPages(saved, () => void this.#offline.refresh(), fromNetwork) : fromNetwork);
    const pdf = this.#pdf;
    this.#queue = new RenderQueue({
      getPage: (page) => pdf.get(page),
      onRender: (page) => this.#onRender(page),
      onError: (page, error) => this.#onPageError(page, error),
    });
    this.#thumbs = new Thumbnails(
      (page) => pdf.get(page),
      () => this.renders++,
    );
    this.manifest = manifest;
    this.#stories = readingOrder(manifest.articles);
    this.date = manifest.date;
    this.status = STATUS.ready;
    const route = this.#pendingRoute;
    this.#pendingRoute = null;
    if (route?.kind === 'page') this.page = clampPage(route.page, manifest.pages.length);
    else if (switching || route) this.page = 1;
    if (route?.kind === 'article' && manifest.articles.some((a) => a.id === route.article)) {
      const article = manifest.articles.find((a) => a.id === route.article)!;
      this.page = article.placements[0]?.page ?? 1;
      this.storyOpen = article.id;
    }
    const hit = this.#pendingHit;
    this.#pendingHit = undefined;
    if (hit?.date === manifest.date && manifest.articles.some((a) => a.id === hit.id)) {
      this.highlighted = hit.id;
      this.#pendingFocus = hit.id;
    }
    this.zoom = { fit: 'page' };
    this.#previewFirst = !switching && this.#spread().every((n) => manifest.pages[n - 1]?.preview);
    // The worker is the biggest download before a sharp page, and its thread is slow to start: start it
    // now, while the preview loads; pdf.js's main-thread library waits for the preview to be painted.
    // A saved preview needs no download: there the worker's start would only compete with its decoding.
    if (this.#previewFirst) {
      if (!saved) startPdfWorker();
    } else startPdfjs();
    emit(this, 'epaper-edition-load', { date: manifest.date, title: manifest.title, publication: manifest.publication.name, pages: manifest.pages.length });
  }

  /**
   * The saved copy of `date` to open, if any: always when offline; when
   * online only if it is the edition the catalog lists (`sha256`). A saved
   * copy of an edition corrected since is replaced in the background.
   */
  async #usableSavedCopy(date: string, sha256: string): Promise<SavedEdition | undefined> {
    const saved = await savedEdition(date).catch(() => undefined);
    if (!saved) return undefined;
    if (this.offlineCatalog || !navigator.onLine || saved.entry.sha256 === sha256) return saved;
    const entry = this.catalog?.editions.find((e) => e.date === date);
    if (entry) void this.#offline.save(this.#catalogUrl, entry);
    return undefined;
  }

  /** A network failure while offline says which editions can be read instead. */
  #offlineAware(error: EditionLoadError, date: string): EditionLoadError {
    if (error.code !== 'network' || (navigator.onLine && !this.offlineCatalog)) return error;
    const saved = [...this.#offline.saved.keys()].map((d) => this.#dateLabel(d));
    const instead = saved.length ? ` Saved on this device: ${saved.join(', ')}.` : ' No edition is saved on this device.';
    return new EditionLoadError(error.scope, 'offline', error.url, `You are offline, and the edition of ${this.#dateLabel(date)} is not saved on this device.${instead}`);
  }

  #restartLoad(): AbortController {
    this.#load?.abort();
    return (this.#load = new AbortController());
  }

  #reset(): void {
    this.#closeEdition();
    this.catalog = undefined;
    this.manifest = undefined;
    this.error = undefined;
    this.status = STATUS.idle;
  }

  #closeEdition(): void {
    this.#savedCopy?.close();
    this.#savedCopy = undefined;
    this.#images?.dispose();
    this.#images = undefined;
    this.#thumbs?.dispose();
    this.#thumbs = undefined;
    this.#queue?.dispose();
    this.#pdf?.destroy();
    this.#queue = undefined;
    this.#pdf = undefined;
    this.#index = undefined;
    this.#stories = [];
    this.pageErrors = new Map();
    this.#painted.clear();
    this.#shownKey = '';
    this.storyOpen = null;
    this.highlighted = null;
    this.query = '';
  }

  #fail(error: EditionLoadError): void {
    this.error = error;
    this.status = STATUS.error;
    emit(this, 'epaper-error', { scope: error.scope, code: error.code, message: error.message, url: error.url });
  }

  #retry(): void {
    if (this.error?.scope === 'edition' && this.catalog) void this.#loadEdition(this.date || newest(this.catalog));
    else void this.#loadCatalog();
  }

  #onPageError(page: number, error: unknown): void {
    const url = this.manifest ? resolveUrl(this.manifest.pages[page - 1]!.pdf.url, this.#manifestUrl) : '';
    const failure = asLoadError(error, 'page', url, page);
    if (this.pageErrors.has(page)) return;
    this.pageErrors = new Map(this.pageErrors).set(page, failure);
    emit(this, 'epaper-error', { scope: 'page', code: failure.code, message: failure.message, url: failure.url, page });
  }

  #retryPage(page: number): void {
    const errors = new Map(this.pageErrors);
    errors.delete(page);
    this.pageErrors = errors;
  }

  // ——— Geometry ———

  #count(): number {
    return this.manifest?.pages.length ?? 0;
  }

  #page(): number {
    return clampPage(this.page, this.#count());
  }

  #spreads(): boolean {
    return showsSpreads(this.view, this.stageSize.width, this.stageSize.height);
  }

  #spread(page = this.#page()): number[] {
    return spreadOf(page, this.#count(), this.#spreads());
  }

  #pageData(n: number): Page {
    return this.manifest!.pages[n - 1]!;
  }

  /** The size in points of the pages shown together, side by side. */
  #spreadSize(pages: readonly number[]): Size {
    return pages.reduce<Size>(
      (size, n) => ({ width: size.width + this.#pageData(n).width, height: Math.max(size.height, this.#pageData(n).height) }),
      { width: 0, height: 0 },
    );
  }

  /** CSS pixels per point for the spread on screen. */
  #scale(pages = this.#spread()): number {
    if (!this.manifest || this.stageSize.width === 0) return 1;
    return resolveScale(this.zoom, this.#spreadSize(pages), this.stageSize);
  }

  // ——— Navigation ———

  /** Options of a move: `history: false` leaves the URL fragment alone; `event: false` is the host's doing, not the reader's. */
  #goTo(page: number, options: { history?: boolean; event?: boolean } = {}): void {
    if (!this.manifest) return;
    const target = clampPage(page, this.#count());
    const previous = this.#page();
    if (target === previous) return;
    this.#turn = target > previous ? 'next' : 'previous';
    this.page = target;
    if (!('fit' in this.zoom)) this.#pendingScroll = { x: 0, y: 0 };
    this.announcement = `Page ${this.#pageData(target).label}, ${target} of ${this.#count()}`;
    if (options.event !== false) emit(this, 'epaper-page-change', { page: target, previousPage: previous, date: this.manifest.date });
    if (options.history !== false) this.#pushRoute({ kind: 'page', date: this.manifest.date, page: target });
  }

  #openStory(id: string, options: { history?: boolean; event?: boolean } = {}): void {
    const article = this.manifest?.articles.find((a) => a.id === id);
    if (!article || !this.manifest) return;
    this.storyOpen = id;
    if (options.event !== false) emit(this, 'epaper-article-open', { id, headline: article.headline, date: this.manifest.date });
    if (options.history !== false) this.#pushRoute({ kind: 'article', date: this.manifest.date, article: id });
  }

  #closeStory(): void {
    if (!this.storyOpen || !this.manifest) return;
    this.storyOpen = null;
    this.#replaceRoute({ kind: 'page', date: this.manifest.date, page: this.#page() });
  }

  #stepStory(direction: number): void {
    const i = this.#articleIndex();
    const next = this.#stories[i + direction];
    if (!next) return;
    const page = next.placements[0]?.page;
    if (page && !this.#spread().includes(page)) this.#goTo(page, { history: false });
    this.#openStory(next.id);
  }

  #pickDate(date: string): void {
    if (!date || date === this.manifest?.date) return;
    this.#pendingRoute = { kind: 'edition', date };
    this.#pushRoute({ kind: 'edition', date });
    this.date = date;
  }

  // ——— Deep links ———

  #pushRoute(route: Route): void {
    if (!this.deepLinks) return;
    const hash = formatHash(route);
    if (location.hash !== hash) history.pushState(history.state, '', hash);
  }

  #replaceRoute(route: Route): void {
    if (!this.deepLinks) return;
    const hash = formatHash(route);
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
  }

  #onHistory = (): void => {
    if (!this.catalog) return;
    // Back to the entry without a fragment: the site as first opened, the newest edition.
    const route = location.hash ? parseHash(location.hash) : { kind: 'edition' as const, date: newest(this.catalog) };
    if (!route) return;
    if (route.date !== this.manifest?.date) {
      this.#pendingRoute = route;
      this.date = route.date;
      return;
    }
    if (route.kind === 'article') {
      if (route.article !== this.storyOpen) {
        const article = this.manifest.articles.find((a) => a.id === route.article);
        const page = article?.placements[0]?.page;
        if (page && !this.#spread().includes(page)) this.#goTo(page, { history: false });
        this.#openStory(route.article, { history: false });
      }
      return;
    }
    this.storyOpen = null;
    this.#goTo(route.kind === 'page' ? route.page : 1, { history: false });
  };

  // ——— Zoom ———

  #zoomTo(scale: number, center?: Point): void {
    if (!this.manifest) return;
    const pages = this.#spread();
    const from = this.#scale(pages);
    const to = clampScale(scale);
    if (Math.abs(to - from) < 1e-4) return;
    const point = center ?? { x: this.stageSize.width / 2, y: this.stageSize.height / 2 };
    this.#pendingScroll = scrollForZoom({ x: this.stage.scrollLeft, y: this.stage.scrollTop }, point, this.#spreadSize(pages), this.stageSize, from, to);
    this.zoom = { scale: to };
  }

  #zoomStep(direction: 1 | -1): void {
    this.#zoomTo(stepScale(this.#scale(), direction));
  }

  #fit(mode: 'page' | 'width'): void {
    this.zoom = { fit: mode };
    this.#pendingScroll = { x: 0, y: 0 };
  }

  #doubleTap(point: Point): void {
    const pages = this.#spread();
    const fitted = fitScale(this.#spreadSize(pages), this.stageSize, 'page');
    if (this.#scale(pages) > fitted * 1.1) this.#fit('page');
    else this.#zoomTo(fitted * DOUBLE_TAP_ZOOM, point);
  }

  // ——— Keyboard ———

  #onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.altKey || e.metaKey || e.ctrlKey || !this.manifest) return;
    // Keys typed in a field, or pressed in the reader panel (PageDown scrolls the story there), are not for the pages.
    const path = e.composedPath();
    if (path.some((n) => n instanceof Element && (n.localName === 'epaper-reader-panel' || n.matches('input, select, textarea')))) return;
    const s = this.stage;
    const handled = (() => {
      switch (e.key) {
        case 'ArrowRight':
          // Zoomed in, the arrow keys scroll until the edge, then turn the page.
          if (s.scrollLeft + s.clientWidth < s.scrollWidth - 1) return false;
          this.next();
          return true;
        case 'ArrowLeft':
          if (s.scrollLeft > 1) return false;
          this.previous();
          return true;
        case 'PageDown':
          this.next();
          return true;
        case 'PageUp':
          this.previous();
          return true;
        case 'Home':
          this.#goTo(1);
          return true;
        case 'End':
          this.#goTo(this.#count());
          return true;
        case '+':
        case '=':
          this.#zoomStep(1);
          return true;
        case '-':
        case '_':
          this.#zoomStep(-1);
          return true;
        case 'Escape':
          return this.#escape();
        default:
          return false;
      }
    })();
    if (handled) e.preventDefault();
  }

  /** Esc closes the side panel, then clears a search highlight, then returns to the whole page. */
  #escape(): boolean {
    if (this.panel !== PANELS.none) {
      this.#closePanel();
      return true;
    }
    if (this.highlighted) {
      this.highlighted = null;
      return true;
    }
    if (!('fit' in this.zoom) || this.zoom.fit !== 'page') {
      this.#fit('page');
      return true;
    }
    return false;
  }

  // ——— Panels ———

  #togglePanel(panel: Panel): void {
    if (this.panel === panel) {
      this.#closePanel();
      return;
    }
    this.panel = panel;
    if (panel === PANELS.library) this.#offline.prepare();
    if (panel === PANELS.pages) {
      // Pages without a preview image get a thumbnail from pdf.js, starting with the one on screen.
      const missing = (this.manifest?.pages ?? []).filter((p) => !p.preview).map((p) => p.number);
      const current = this.#page();
      void this.#thumbs?.render([...missing.filter((n) => n >= current), ...missing.filter((n) => n < current)]);
    } else {
      this.#thumbs?.stop();
    }
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<HTMLElement>(PANEL_FOCUS[panel])?.focus();
    });
  }

  #closePanel(): void {
    this.#thumbs?.stop();
    const was = this.panel;
    this.panel = PANELS.none;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-panel="${was}"]`)?.focus());
  }

  #hits(): Hit[] {
    if (!this.manifest || !this.query.trim()) return [];
    this.#index ??= buildIndex(this.manifest);
    return search(this.#index, this.query);
  }

  #chooseHit(hit: Hit): void {
    this.highlighted = hit.id;
    if (!this.#spread().includes(hit.page)) this.#goTo(hit.page);
    this.panel = PANELS.none;
    this.#pendingFocus = hit.id;
  }

  /** A hit from the saved editions' search: its edition at its page, the story highlighted. */
  #openHit(hit: EditionHit): void {
    if (hit.date === this.manifest?.date) {
      this.#chooseHit(hit);
      return;
    }
    this.panel = PANELS.none;
    this.#pendingHit = hit;
    this.#pendingRoute = { kind: 'page', date: hit.date, page: hit.page };
    this.#pushRoute(this.#pendingRoute);
    this.date = hit.date;
  }

  // ——— Rendering pages ———

  protected override firstUpdated(): void {
    this.#observeStage();
    // Sizes follow the reader's default font size, not the host page's root font size (which `rem` would).
    const probe = this.renderRoot.querySelector<HTMLElement>('.rem-probe')!;
    this.renderRoot.querySelector<HTMLElement>('.root')!.style.setProperty('--_rem', getComputedStyle(probe).fontSize);
  }

  #observeStage(): void {
    this.#resize?.disconnect();
    this.#resize = new ResizeObserver(([entry]) => {
      const box = entry!.contentRect;
      if (box.width !== this.stageSize.width || box.height !== this.stageSize.height) {
        this.stageSize = { width: box.width, height: box.height };
      }
    });
    this.#resize.observe(this.stage);
  }

  protected override updated(): void {
    if (this.#pendingScroll) {
      this.stage.scrollTo(this.#pendingScroll.x, this.#pendingScroll.y);
      this.#pendingScroll = undefined;
    }
    if (this.#pendingFocus) {
      const id = this.#pendingFocus;
      this.#pendingFocus = undefined;
      this.renderRoot.querySelector<HTMLElement>(`.hotspot[data-article="${CSS.escape(id)}"]`)?.focus();
    }
    if (this.status !== STATUS.ready || this.stageSize.width === 0) {
      this.#trackViews();
      return;
    }
    const key = `${this.manifest!.date}:${this.#spread().join('-')}`;
    if (key !== this.#shownKey) {
      this.#shownKey = key;
      this.#painted.clear();
    }
    this.#reportSharp();
    this.#trackViews();
    this.#schedulePlan();
  }

  #schedulePlan(): void {
    if (this.#planFrame) return;
    this.#planFrame = requestAnimationFrame(() => {
      this.#planFrame = 0;
      this.#plan();
    });
  }

  #plan(): void {
    const queue = this.#queue;
    if (!queue || !this.manifest || this.stageSize.width === 0 || this.#previewFirst) return;
    const count = this.#count();
    const spreads = this.#spreads();
    const current = this.#spread();
    const stageRect = this.stage.getBoundingClientRect();
    const scale = this.#scale(current);
    const visible = current.map((n): PageView => {
      const sheet = this.renderRoot.querySelector(`.sheet[data-page="${n}"]`);
      const data = this.#pageData(n);
      return { page: n, width: data.width, height: data.height, cssScale: scale, visible: sheet ? visibleRect(sheet.getBoundingClientRect(), stageRect, scale, data) : undefined };
    });
    const around = (page: number | null): PageView[] => {
      if (!page) return [];
      const pages = spreadOf(page, count, spreads);
      const s = this.#scale(pages);
      return pages.map((n) => ({ page: n, width: this.#pageData(n).width, height: this.#pageData(n).height, cssScale: s }));
    };
    const plan = planRenders({
      devicePixelRatio: window.devicePixelRatio || 1,
      visible,
      ahead: around(nextPage(this.#page(), count, spreads)),
      behind: around(previousPage(this.#page(), count, spreads)),
      rendered: queue.rendered(),
      failed: new Set(this.pageErrors.keys()),
    });
    queue.update(plan);
    this.#pdf?.release(plan.keep);
  }

  #onRender(page: number): void {
    if (this.#spread().includes(page)) this.renders++;
  }

  /** Reports pdf.js renderings now in the DOM for pages on screen. */
  #reportSharp(): void {
    for (const page of this.#spread()) {
      if (this.#painted.get(page) !== true && this.#queue?.canvases(page).base) {
        this.#painted.set(page, true);
        emit(this, 'epaper-page-render', { page, sharp: true });
      }
    }
  }

  #onPreviewLoad(page: number, e: Event): void {
    const img = e.target as HTMLImageElement;
    void img
      .decode()
      .catch(() => {})
      .then(() => {
        if (!this.#spread().includes(page) || this.#painted.has(page)) return;
        this.#painted.set(page, false);
        emit(this, 'epaper-page-render', { page, sharp: false });
        this.#trackViews();
        // After the frame that shows the preview: compiling pdf.js's library would hold that frame back.
        if (this.#previewFirst && this.#spread().every((n) => this.#painted.has(n))) requestAnimationFrame(() => setTimeout(() => this.#startPdf()));
      });
  }

  /** Lets pdf.js start once the first previews are on screen (or could not be). */
  #startPdf(): void {
    if (!this.#previewFirst) return;
    this.#previewFirst = false;
    startPdfjs();
    this.#schedulePlan();
  }

  // ——— Templates ———

  protected override render(): TemplateResult {
    return html`<div class="root">
      <span class="rem-probe" aria-hidden="true"></span>
      ${this.#toolbar()}
      <div class="body">
        <div
          class="stage"
          part="stage"
          tabindex="0"
          role="region"
          aria-label=${this.manifest ? `Page ${this.#pageData(this.#page()).label}` : 'Pages'}
          aria-busy=${this.status === STATUS.loading ? 'true' : 'false'}
          @scroll=${this.#schedulePlan}
        >
          ${this.#stageContent()}
        </div>
        ${this.#panel()}
      </div>
      ${this.offlineCatalog
        ? html`<p class="offline-note" role="status">You are offline: only the editions saved on this device can be opened.</p>`
        : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <epaper-reader-panel
        .article=${this.#article()}
        language=${this.manifest?.publication.language ?? 'en'}
        ?has-previous=${this.#articleIndex() > 0}
        ?has-next=${this.#articleIndex() >= 0 && this.#articleIndex() < this.#stories.length - 1}
        position=${this.#articleIndex() >= 0 ? `Article ${this.#articleIndex() + 1} of ${this.#stories.length}` : ''}
        link=${this.#articleLink()}
        @reader-close=${this.#closeStory}
        @reader-step=${(e: CustomEvent<number>) => this.#stepStory(e.detail)}
      ></epaper-reader-panel>
    </div>`;
  }

  #article(): Article | null {
    return this.manifest?.articles.find((a) => a.id === this.storyOpen) ?? null;
  }

  /** The open story's position in reading order, or -1. */
  #articleIndex(): number {
    return this.#stories.findIndex((a) => a.id === this.storyOpen);
  }

  #articleLink(): string {
    if (!this.deepLinks || !this.manifest || !this.storyOpen) return '';
    const url = new URL(location.href);
    url.hash = formatHash({ kind: 'article', date: this.manifest.date, article: this.storyOpen });
    return url.href;
  }

  #toolbar(): TemplateResult {
    const m = this.manifest;
    const count = this.#count();
    const page = this.#page();
    const spread = m ? this.#spread() : [];
    const section = m ? this.#pageData(page).section : '';
    const scale = this.#scale();
    const disabled = !m;
    return html`
      <div class="toolbar" part="toolbar">
        <div class="group brand">
          <span class="title">${m?.publication.name ?? ''}</span>
          <select part="edition-picker" aria-label="Edition" ?disabled=${!this.catalog} @change=${(e: Event) => this.#pickDate((e.target as HTMLSelectElement).value)}>
            ${(this.catalog?.editions ?? []).map(
              (entry) =>
                html`<option value=${entry.date} ?selected=${entry.date === (m?.date ?? this.date)}>${this.#dateLabel(entry.date)}${this.#offline.saved.has(entry.date) ? ' (saved)' : ''}</option>`,
            )}
          </select>
        </div>
        <nav class="sections" part="sections" aria-label="Sections">
          ${(m?.sections ?? []).map(
            (s) => html`<button type="button" aria-current=${s.id === section ? 'true' : 'false'} @click=${() => this.#goTo(s.firstPage)}>${s.title}</button>`,
          )}
        </nav>
        <div class="group pager" part="pager">
          <button type="button" aria-label="Previous page" ?disabled=${disabled || spread[0] === 1} @click=${() => this.previous()}>${icons.previous}</button>
          <input
            class="page-box"
            aria-label="Page number"
            inputmode="numeric"
            enterkeyhint="go"
            autocomplete="off"
            .value=${m ? String(page) : ''}
            ?disabled=${disabled}
            @change=${this.#onPageBox}
            @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.#onPageBox(e)}
          />
          <span class="count">/ ${count || '–'}</span>
          <button type="button" aria-label="Next page" ?disabled=${disabled || spread[spread.length - 1] === count} @click=${() => this.next()}>${icons.next}</button>
        </div>
        <div class="group zoom" part="zoom">
          <button type="button" aria-label="Zoom out" ?disabled=${disabled} @click=${() => this.#zoomStep(-1)}>${icons.zoomOut}</button>
          <span class="percent" aria-hidden="true">${m ? `${zoomPercent(scale)} %` : ''}</span>
          <button type="button" aria-label="Zoom in" ?disabled=${disabled} @click=${() => this.#zoomStep(1)}>${icons.zoomIn}</button>
          <button type="button" aria-label="Fit width" aria-pressed=${'fit' in this.zoom && this.zoom.fit === 'width' ? 'true' : 'false'} ?disabled=${disabled} @click=${() => this.#fit('width')}>${icons.fitWidth}</button>
          <button type="button" aria-label="Fit page" aria-pressed=${'fit' in this.zoom && this.zoom.fit === 'page' ? 'true' : 'false'} ?disabled=${disabled} @click=${() => this.#fit('page')}>${icons.fitPage}</button>
        </div>
        <div class="group tools">
          <button type="button" data-panel="pages" aria-label="All pages" aria-expanded=${this.panel === PANELS.pages ? 'true' : 'false'} ?disabled=${disabled} @click=${() => this.#togglePanel(PANELS.pages)}>
            ${icons.pages}
          </button>
          <button type="button" data-panel="search" aria-label="Search this edition" aria-expanded=${this.panel === PANELS.search ? 'true' : 'false'} ?disabled=${disabled} @click=${() => this.#togglePanel(PANELS.search)}>
            ${icons.search}
          </button>
          <button type="button" data-panel="library" aria-label="Saved editions" aria-expanded=${this.panel === PANELS.library ? 'true' : 'false'} ?disabled=${!this.catalog} @click=${() => this.#togglePanel(PANELS.library)}>
            ${icons.saved}
          </button>
        </div>
      </div>
    `;
  }

  /** A short date for the picker, in the paper's language: "Mon, Nov 10", with the year when it is not the newest edition's. */
  #dateLabel(date: string): string {
    const language = this.manifest?.publication.language || document.documentElement.lang || 'en';
    const sameYear = this.catalog && date.slice(0, 4) === newest(this.catalog).slice(0, 4);
    try {
      return new Intl.DateTimeFormat(language, {
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        ...(sameYear ? {} : { year: 'numeric' }),
        timeZone: 'UTC',
      }).format(new Date(`${date}T12:00:00Z`));
    } catch {
      return date;
    }
  }

  #onPageBox(e: Event): void {
    const input = e.target as HTMLInputElement;
    const n = this.#pageNumber(input.value);
    if (n) this.#goTo(n);
    input.value = String(this.#page());
  }

  /** The number of the page named `page` (a number, or a printed label such as `A3`), if the edition has it. */
  #pageNumber(page: number | string): number | undefined {
    const pages = this.manifest?.pages ?? [];
    const text = String(page).trim();
    const byLabel = pages.find((p) => p.label.toLowerCase() === text.toLowerCase());
    const n = byLabel?.number ?? Number(text);
    return Number.isInteger(n) && n >= 1 && n <= pages.length ? n : undefined;
  }

  // ——— Requests and analytics ———

  #requests(): RequestPolicy {
    return { credentials: this.credentials, headers: this.requestHeaders };
  }

  /** The URL to show a page's preview image from; undefined while it is being fetched with the host's headers. */
  #previewUrl(preview: NonNullable<Page['preview']>): string | undefined {
    const url = resolveUrl(preview.url, this.#manifestUrl);
    return this.#images ? this.#images.url(url) : url;
  }

  #onVisibility = (): void => {
    this.#views.setVisible(this.#inViewport && document.visibilityState === 'visible');
  };

  /** Tells the page-view timer which pages are on screen: painted, and not covered by the reader panel. */
  #trackViews(): void {
    const m = this.manifest;
    const shown = m && this.status === STATUS.ready && !this.storyOpen ? this.#spread().filter((n) => this.#painted.has(n)) : [];
    this.#views.show(shown.map((n) => `${m!.date}:${n}`));
  }

  #onPageView(key: string): void {
    const [date, n] = key.split(':');
    const page = this.manifest?.date === date ? this.manifest.pages[Number(n) - 1] : undefined;
    const section = this.manifest?.sections.find((s) => s.id === page?.section);
    if (page) emit(this, 'epaper-page-view', { date: date!, page: page.number, label: page.label, section: page.section, sectionTitle: section?.title ?? page.section });
  }

  #stageContent(): TemplateResult | typeof nothing {
    if (this.status === STATUS.error && this.error) return this.#errorView(this.error);
    if (!this.manifest || this.stageSize.width === 0) {
      return this.status === STATUS.loading ? html`<p class="loading">Loading the edition…</p>` : nothing;
    }
    const pages = this.#spread();
    const size = this.#spreadSize(pages);
    const scale = this.#scale(pages);
    const offset = contentOffset(size, scale, this.stageSize);
    const surface = {
      width: `${Math.max(this.stageSize.width, size.width * scale + 2 * offset.x)}px`,
      height: `${Math.max(this.stageSize.height, size.height * scale + 2 * offset.y)}px`,
    };
    const turn = this.#turn;
    this.#turn = undefined;
    return html`
      <div class="surface" style=${styleProps(surface)}>
        ${keyed(
          `${this.manifest.date}:${pages.join('-')}`,
          html`<div class="spread ${turn ? `turn-${turn}` : ''}" style=${styleProps({ left: `${offset.x}px`, top: `${offset.y}px` })}>
            ${pages.map((n) => this.#sheet(this.#pageData(n), scale))}
          </div>`,
        )}
      </div>
    `;
  }

  #sheet(page: Page, scale: number): TemplateResult {
    const canvases = this.#queue?.canvases(page.number) ?? {};
    const base = canvases.base?.canvas;
    const previewUrl = page.preview && !base ? this.#previewUrl(page.preview) : undefined;
    const detail = canvases.detail;
    const failure = this.pageErrors.get(page.number);
    const section = this.manifest!.sections.find((s) => s.id === page.section)?.title;
    if (base) base.className = 'base';
    if (detail) {
      const c = detail.canvas;
      c.className = 'detail';
      c.style.left = `${(detail.rect.x / page.width) * 100}%`;
      c.style.top = `${(detail.rect.y / page.height) * 100}%`;
      c.style.width = `${(detail.rect.width / page.width) * 100}%`;
      c.style.height = `${(detail.rect.height / page.height) * 100}%`;
    }
    return html`
      <div
        class="sheet"
        part="page"
        data-page=${page.number}
        role="group"
        aria-label=${section ? `Page ${page.label}, ${section}` : `Page ${page.label}`}
        style=${styleProps({ width: `${page.width * scale}px`, height: `${page.height * scale}px` })}
      >
        ${previewUrl && !base
          ? html`<img class="preview" alt="" src=${previewUrl} fetchpriority="high" @load=${(e: Event) => this.#onPreviewLoad(page.number, e)} @error=${this.#startPdf} />`
          : nothing}
        ${base ?? nothing} ${detail?.canvas ?? nothing}
        <div class="overlay">${this.#hotspots(page)} ${this.#links(page)}</div>
        ${failure
          ? html`<div class="page-error" role="alert">
              <p>${failure.message}</p>
              <button type="button" @click=${() => this.#retryPage(page.number)}>Try again</button>
            </div>`
          : nothing}
      </div>
    `;
  }

  #hotspots(page: Page): TemplateResult[] {
    return this.manifest!.articles.flatMap((article) => {
      const boxes = article.placements.filter((p) => p.page === page.number).flatMap((p) => p.boxes);
      if (boxes.length === 0) return [];
      const x0 = Math.min(...boxes.map((b) => b[0]));
      const y0 = Math.min(...boxes.map((b) => b[1]));
      const x1 = Math.max(...boxes.map((b) => b[0] + b[2]));
      const y1 = Math.max(...boxes.map((b) => b[1] + b[3]));
      const w = x1 - x0;
      const h = y1 - y0;
      return [
        html`<button
          type="button"
          class="hotspot ${this.highlighted === article.id ? 'highlight' : ''}"
          part="hotspot"
          data-article=${article.id}
          aria-label=${article.headline}
          style=${styleProps(percentBox([x0, y0, w, h], page))}
          @click=${() => this.#openStory(article.id)}
        >
          ${boxes.map((b) => html`<span class="box" style=${styleProps(percentBox([b[0] - x0, b[1] - y0, b[2], b[3]], { width: w, height: h }))}></span>`)}
        </button>`,
      ];
    });
  }

  #links(page: Page): TemplateResult[] {
    return page.links.map((link) => {
      const target = this.manifest!.pages[link.page - 1];
      const article = link.article ? this.manifest!.articles.find((a) => a.id === link.article) : undefined;
      const section = this.manifest!.sections.find((s) => s.id === target?.section)?.title;
      // A jump line names its story; an index entry ("City … 3") names the section it leads to.
      const what = article?.headline ?? section;
      const name = `Go to page ${target?.label ?? link.page}${what ? `: ${what}` : ''}`;
      return html`<button type="button" class="link" part="link" aria-label=${name} style=${styleProps(percentBox(link.box, page))} @click=${() => this.#followLink(link.page, link.article)}></button>`;
    });
  }

  #followLink(page: number, article: string | undefined): void {
    this.#goTo(page);
    if (article && this.manifest?.articles.some((a) => a.id === article)) {
      this.highlighted = article;
      this.#pendingFocus = article;
    }
  }

  #errorView(error: EditionLoadError): TemplateResult {
    const title = error.scope === 'catalog' ? 'The e-paper could not be opened' : 'This edition could not be opened';
    return html`
      <div class="error" part="error" role="alert">
        <h2>${title}</h2>
        <p>${error.message}</p>
        <button type="button" @click=${this.#retry}>Try again</button>
      </div>
    `;
  }

  #panel(): TemplateResult | typeof nothing {
    if (this.panel === PANELS.none || (!this.manifest && this.panel !== PANELS.library)) return nothing;
    const label = PANEL_LABELS[this.panel];
    return html`
      <aside class="panel" part="panel" aria-label=${label}>
        <div class="panel-head">
          <h2>${label}</h2>
          <button type="button" aria-label=${`Close ${label.toLowerCase()}`} @click=${this.#closePanel}>${icons.close}</button>
        </div>
        ${this.panel === PANELS.pages ? this.#thumbnails() : this.panel === PANELS.library ? this.#libraryPanel() : this.#searchPanel()}
      </aside>
    `;
  }

  #libraryPanel(): TemplateResult {
    const date = this.manifest?.date;
    return libraryPanel({
      offline: this.#offline,
      catalogUrl: this.#catalogUrl,
      current: this.offlineCatalog ? undefined : this.catalog?.editions.find((e) => e.date === date),
      manifest: this.manifest,
      dateLabel: (d) => this.#dateLabel(d),
      open: (d) => this.#pickDate(d),
      openHit: (hit) => this.#openHit(hit),
    });
  }

  #thumbnails(): TemplateResult {
    const current = this.#spread();
    return html`
      <ol class="thumbnails">
        ${this.manifest!.pages.map((p) => {
          const section = this.manifest!.sections.find((s) => s.id === p.section)?.title ?? '';
          return html`<li>
            <button
              type="button"
              aria-label=${`Page ${p.label}${section ? `, ${section}` : ''}`}
              aria-current=${current.includes(p.number) ? 'page' : 'false'}
              @click=${() => {
                this.#goTo(p.number);
                this.#closePanel();
              }}
            >
              ${p.preview && this.#previewUrl(p.preview)
                ? html`<img alt="" loading="lazy" src=${this.#previewUrl(p.preview)!} style=${styleProps({ 'aspect-ratio': `${p.width} / ${p.height}` })} />`
                : (this.#thumbs?.canvas(p.number) ?? html`<span class="blank" style=${styleProps({ 'aspect-ratio': `${p.width} / ${p.height}` })}></span>`)}
              <span class="label">${p.label}</span>
            </button>
          </li>`;
        })}
      </ol>
    `;
  }

  #searchPanel(): TemplateResult {
    const hits = this.#hits();
    const pages = this.manifest!.pages;
    return html`
      <form class="search" role="search" @submit=${(e: Event) => {
        e.preventDefault();
        const first = hits[0];
        if (first) this.#chooseHit(first);
      }}>
        <input type="search" aria-label="Search words" placeholder="Search this edition" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      </form>
      <p class="hit-count" role="status">${hitCount(this.query, hits)}</p>
      <ul class="hits">
        ${hits.map((hit) => html`<li>${hitButton(hit, `Page ${pages[hit.page - 1]?.label ?? hit.page}`, () => this.#chooseHit(hit))}</li>`)}
      </ul>
    `;
  }
}

function newest(catalog: Catalog): string {
  return catalog.editions.reduce((a, b) => (b.date > a ? b.date : a), catalog.editions[0]!.date);
}

/** `box` (points) as percentages of `within`, for absolutely positioned overlays that scale with the page. */
function percentBox(box: readonly [number, number, number, number], within: { readonly width: number; readonly height: number }): Record<string, string> {
  return {
    left: `${(box[0] / within.width) * 100}%`,
    top: `${(box[1] / within.height) * 100}%`,
    width: `${(box[2] / within.width) * 100}%`,
    height: `${(box[3] / within.height) * 100}%`,
  };
}

/** The part of a sheet (its client rect) inside the stage, in the page's points; undefined when none is. */
function visibleRect(sheet: DOMRect, stage: DOMRect, scale: number, page: Size): Rect | undefined {
  const left = Math.max(sheet.left, stage.left);
  const top = Math.max(sheet.top, stage.top);
  const right = Math.min(sheet.right, stage.right);
  const bottom = Math.min(sheet.bottom, stage.bottom);
  if (right <= left || bottom <= top) return undefined;
  return {
    x: Math.max(0, (left - sheet.left) / scale),
    y: Math.max(0, (top - sheet.top) / scale),
    width: Math.min(page.width, (right - left) / scale),
    height: Math.min(page.height, (bottom - top) / scale),
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'epaper-viewer': EpaperViewer;
  }
}
