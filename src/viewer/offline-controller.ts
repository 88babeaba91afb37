/**
 * The viewer's side of the offline cache: which editions are saved, saves in
 * progress, and the reader's storage settings. Holds no edition data itself;
 * `src/offline/` does the storing and checking.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CatalogEntry, EditionManifest, IsoDate } from '../manifest/types.js';
import { OfflineError, type SaveOptions, type SaveProgress, type SavedEdition, SaveWorker, deleteAll, deleteEdition, evictOldest, savedEditions, setPinned } from '../offline/index.js';
import saveWorkerUrl from '../offline/save-worker.ts?worker&url';
import { workerScript } from './worker-script.js';
import { type EditionHit, type LibraryIndex, buildLibraryIndex, searchLibrary } from './search.js';

/** Reader settings, kept in `localStorage` (small, synchronous, per origin). */
export interface OfflineSettings {
  /** Keep at most this many unpinned saved editions; 0 keeps all. */
  readonly keepNewest: number;
  /** Save the newest edition automatically when online. */
  readonly autoSave: boolean;
}

const SETTINGS_KEY = 'epaper:offline-settings';
const DEFAULT_SETTINGS: OfflineSettings = { keepNewest: 0, autoSave: false };

export interface StorageInfo {
  /** Bytes the browser counts for this origin, and its quota (`navigator.storage.estimate()`). */
  readonly usage?: number;
  readonly quota?: number;
  readonly persisted: boolean;
}

/** One save worker for every viewer on the page, started when a reader is about to save. */
const saver = new SaveWorker(() => new Worker(workerScript(new URL(saveWorkerUrl, import.meta.url), location.origin), { type: 'module', name: 'epaper-save' }));

export class OfflineController implements ReactiveController {
  /** Saved editions by date. */
  saved: ReadonlyMap<IsoDate, SavedEdition> = new Map();
  /** Saves in progress by date. */
  progress: ReadonlyMap<IsoDate, SaveProgress> = new Map();
  /** The last failure, for the reader. */
  error: OfflineError | undefined;
  storage: StorageInfo = { persisted: false };
  settings: OfflineSettings = readSettings();
  /** What the reader searches the saved editions for. */
  query = '';

  readonly #host: ReactiveControllerHost;
  /** The animation frame that will draw the save progress, if one is pending. */
  #frame = 0;
  /** The saved editions' articles, prepared for search; built on the first search after `saved` changes. */
  #index: { readonly of: ReadonlyMap<IsoDate, SavedEdition>; readonly index: LibraryIndex } | undefined;
  readonly #requests: () => SaveOptions['request'];
  readonly #saves = new Map<IsoDate, { readonly done: Promise<SavedEdition | undefined>; readonly abort: AbortController }>();
  /** `blob:` URLs of the saved editions' front pages, by `coverKey`. */
  readonly #covers = new Map<string, string>();

  /** `requests` gives the cookies and headers the host wants on every download. */
  constructor(host: ReactiveControllerHost, requests: () => SaveOptions['request'] = () => undefined) {
    this.#host = host;
    this.#requests = requests;
    host.addController(this);
  }

  hostConnected(): void {
    void this.refresh();
  }

  hostDisconnected(): void {
    for (const url of this.#covers.values()) URL.revokeObjectURL(url);
    this.#covers.clear();
  }

  /**
   * A `blob:` URL of the saved edition's front page, for the library's list; the same one while the
   * edition stays saved (each read of the store gives new Blob objects for the same image).
   */
  coverUrl(edition: SavedEdition): string | undefined {
    if (!edition.cover) return undefined;
    const key = coverKey(edition);
    let url = this.#covers.get(key);
    if (!url) this.#covers.set(key, (url = URL.createObjectURL(edition.cover)));
    return url;
  }

  /** Reads the list of saved editions and the storage estimate again. */
  async refresh(): Promise<void> {
    const list = await savedEditions().catch(() => []);
    this.saved = new Map(list.map((e) => [e.date, e]));
    const kept = new Set(list.map(coverKey));
    for (const [key, url] of this.#covers) {
      if (kept.has(key)) continue;
      URL.revokeObjectURL(url);
      this.#covers.delete(key);
    }
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    const [estimate, persisted] = await Promise.all([storage?.estimate?.().catch(() => undefined), storage?.persisted?.().catch(() => false)]);
    this.storage = { usage: estimate?.usage, quota: estimate?.quota, persisted: persisted ?? false };
    this.#host.requestUpdate();
  }

  /** Sets the words to search the saved editions for. */
  search(query: string): void {
    this.query = query;
    this.#host.requestUpdate();
  }

  /**
   * Stories of the saved editions with every word of `query`, from their saved
   * manifests (no network): best first, newer editions first among equals.
   */
  hits(): EditionHit[] {
    if (!this.query.trim()) return [];
    if (this.#index?.of !== this.saved) this.#index = { of: this.saved, index: buildLibraryIndex([...this.saved.values()].map((e) => e.manifest)) };
    return searchLibrary(this.#index.index, this.query);
  }

  /**
   * Saves `entry` of the catalog at `catalogUrl`; a second call for the same date joins the first.
   * `manifest`, the edition's manifest when the viewer has it open, lets its files start downloading
   * while the manifest is fetched again and checked.
   */
  save(catalogUrl: string, entry: CatalogEntry, manifest?: EditionManifest): Promise<SavedEdition | undefined> {
    const running = this.#saves.get(entry.date);
    if (running) return running.done;
    this.error = undefined;
    this.#setProgress(entry.date, { loaded: 0, total: 0 });
    let done = false;
    const abort = new AbortController();
    const saving = saver.save(catalogUrl, entry, { onProgress: (p) => done || this.#setProgress(entry.date, p), signal: abort.signal, request: this.#requests(), manifest })
      .then(
        async (saved) => {
          // Listed at once, so the panel goes from the progress bar straight to "saved"; the refresh below confirms it.
          this.saved = new Map([...new Map(this.saved).set(saved.date, saved)].sort(([a], [b]) => b.localeCompare(a)));
          if (this.settings.keepNewest > 0) await evictOldest(this.settings.keepNewest).catch(() => []);
          return saved;
        },
        (error: unknown) => {
          if (abort.signal.aborted) return undefined;
          this.error = error instanceof OfflineError ? error : new OfflineError('storage', entry.date, `The edition of ${entry.date} could not be saved.`);
          return undefined;
        },
      )
      .finally(() => {
        done = true;
        this.#saves.delete(entry.date);
        this.#setProgress(entry.date, undefined);
        void this.refresh();
      });
    this.#saves.set(entry.date, { done: saving, abort });
    return saving;
  }

  /** Gets saving ready (the library panel is open: a save is likely). */
  prepare(): void {
    saver.warm();
  }

  /** Stops every save in progress and deletes every saved edition (signing out). */
  async clear(): Promise<void> {
    const running = [...this.#saves.values()];
    for (const save of running) save.abort.abort();
    await Promise.all(running.map((save) => save.done));
    await deleteAll();
    this.error = undefined;
    await this.refresh();
  }

  async remove(date: IsoDate): Promise<void> {
    await deleteEdition(date);
    await this.refresh();
  }

  async pin(date: IsoDate, pinned: boolean): Promise<void> {
    await setPinned(date, pinned);
    await this.refresh();
  }

  /** Asks the browser not to evict saved editions under storage pressure. */
  async persist(): Promise<void> {
    await navigator.storage?.persist?.().catch(() => false);
    await this.refresh();
  }

  async updateSettings(change: Partial<OfflineSettings>): Promise<void> {
    this.settings = { ...this.settings, ...change };
    try {
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(this.settings));
    } catch {
      // Storage blocked (private mode): the setting lasts for this page only.
    }
    if (this.settings.keepNewest > 0) await evictOldest(this.settings.keepNewest).catch(() => []);
    await this.refresh();
  }

  #setProgress(date: IsoDate, progress: SaveProgress | undefined): void {
    const next = new Map(this.progress);
    if (progress) next.set(date, progress);
    else next.delete(date);
    this.progress = next;
    // Files finish in quick succession: the bar is drawn at most once a frame, not once a file.
    if (progress && progress.loaded > 0 && typeof requestAnimationFrame === 'function') {
      this.#frame ||= requestAnimationFrame(() => {
        this.#frame = 0;
        this.#host.requestUpdate();
      });
      return;
    }
    this.#host.requestUpdate();
  }
}

/** Which save of which edition a cover belongs to. */
const coverKey = (edition: SavedEdition): string => `${edition.date} ${edition.savedAt}`;

function readSettings(): OfflineSettings {
  try {
    const value = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<OfflineSettings>;
    return {
      keepNewest: Number.isInteger(value.keepNewest) && value.keepNewest! >= 0 ? value.keepNewest! : DEFAULT_SETTINGS.keepNewest,
      autoSave: value.autoSave === true,
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}
