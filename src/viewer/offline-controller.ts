/**
 * The viewer's side of the offline cache: which editions are saved, saves in
 * progress, and the reader's storage settings. Holds no edition data itself;
 * `src/offline/` does the storing and checking.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CatalogEntry, IsoDate } from '../manifest/types.js';
import { OfflineError, type SaveProgress, type SavedEdition, deleteEdition, evictOldest, saveEdition, savedEditions, setPinned } from '../offline/index.js';

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

export class OfflineController implements ReactiveController {
  /** Saved editions by date. */
  saved: ReadonlyMap<IsoDate, SavedEdition> = new Map();
  /** Saves in progress by date. */
  progress: ReadonlyMap<IsoDate, SaveProgress> = new Map();
  /** The last failure, for the reader. */
  error: OfflineError | undefined;
  storage: StorageInfo = { persisted: false };
  settings: OfflineSettings = readSettings();

  readonly #host: ReactiveControllerHost;
  readonly #saves = new Map<IsoDate, Promise<SavedEdition | undefined>>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    void this.refresh();
  }

  /** Reads the list of saved editions and the storage estimate again. */
  async refresh(): Promise<void> {
    const list = await savedEditions().catch(() => []);
    this.saved = new Map(list.map((e) => [e.date, e]));
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    const [estimate, persisted] = await Promise.all([storage?.estimate?.().catch(() => undefined), storage?.persisted?.().catch(() => false)]);
    this.storage = { usage: estimate?.usage, quota: estimate?.quota, persisted: persisted ?? false };
    this.#host.requestUpdate();
  }

  /** Saves `entry` of the catalog at `catalogUrl`; a second call for the same date joins the first. */
  save(catalogUrl: string, entry: CatalogEntry): Promise<SavedEdition | undefined> {
    const running = this.#saves.get(entry.date);
    if (running) return running;
    this.error = undefined;
    this.#setProgress(entry.date, { loaded: 0, total: 0 });
    let done = false;
    const saving = saveEdition(catalogUrl, entry, { onProgress: (p) => done || this.#setProgress(entry.date, p) })
      .then(
        async (saved) => {
          if (this.settings.keepNewest > 0) await evictOldest(this.settings.keepNewest).catch(() => []);
          return saved;
        },
        (error: unknown) => {
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
    this.#saves.set(entry.date, saving);
    return saving;
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
    this.#host.requestUpdate();
  }
}

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
