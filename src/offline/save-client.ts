/**
 * Saving through the save worker (`save-worker.ts`), with the contract of
 * `saveEdition`: the same options, progress, result and `OfflineError`s.
 * Where no worker can start (no `Worker`, or a page whose policy refuses the
 * script) the save runs on the page's thread instead; a save is all or
 * nothing and takes a lock per date, so running it again there is safe.
 */
import type { CatalogEntry } from '../manifest/types.js';
import { type SaveOptions, saveEdition } from './save.js';
import { type SaveReply, type SaveRequest, fromFailure } from './save-protocol.js';
import { type SavedEdition, defaultStore, endSharedRead } from './store.js';

interface Pending {
  readonly resolve: (saved: SavedEdition) => void;
  readonly reject: (error: unknown) => void;
  readonly onProgress?: SaveOptions['onProgress'];
  /** Runs the save on this thread instead, if the worker turns out unusable. */
  readonly fallBack: () => void;
}

export class SaveWorker {
  readonly #start: () => Worker;
  #worker: Worker | undefined;
  #broken = typeof Worker === 'undefined';
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();

  /** `start` creates the worker; it is called once, on `warm()` or the first save. */
  constructor(start: () => Worker) {
    this.#start = start;
  }

  /** Starts the worker ahead of a save that is likely to come (its script loads and compiles meanwhile). */
  warm(): void {
    this.#ensure();
  }

  /** Saves like `saveEdition` (into the default store), in the worker. */
  save(catalogUrl: string, entry: CatalogEntry, options: SaveOptions = {}): Promise<SavedEdition> {
    const worker = this.#ensure();
    if (!worker) return saveEdition(catalogUrl, entry, options);
    const { signal, onProgress, request, manifest } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const id = this.#nextId++;
    return new Promise<SavedEdition>((resolve, reject) => {
      const onAbort = () => this.#post({ type: 'abort', id });
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => {
        signal?.removeEventListener('abort', onAbort);
        this.#pending.delete(id);
        // The worker wrote through a connection of its own: reads shared on this side are stale.
        endSharedRead(defaultStore());
      };
      this.#pending.set(id, {
        resolve: (saved) => (settle(), resolve(saved)),
        reject: (error) => (settle(), reject(error)),
        onProgress,
        fallBack: () => (settle(), saveEdition(catalogUrl, entry, options).then(resolve, reject)),
      });
      this.#post({ type: 'save', id, catalogUrl, entry, request, manifest });
    });
  }

  #ensure(): Worker | undefined {
    if (this.#broken) return undefined;
    if (this.#worker) return this.#worker;
    try {
      const worker = this.#start();
      worker.addEventListener('message', (event: MessageEvent<SaveReply>) => this.#receive(event.data));
      // A script that fails to load or is refused (CSP `worker-src`) ends here, before any work.
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.#giveUp();
      });
      this.#worker = worker;
    } catch {
      this.#broken = true;
    }
    return this.#worker;
  }

  #post(message: SaveRequest): void {
    this.#worker?.postMessage(message);
  }

  #receive(message: SaveReply): void {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    switch (message.type) {
      case 'progress':
        pending.onProgress?.(message.progress);
        break;
      case 'saved':
        pending.resolve(message.saved);
        break;
      case 'failed':
        pending.reject(fromFailure(message.failure));
        break;
    }
  }

  #giveUp(): void {
    this.#broken = true;
    this.#worker?.terminate();
    this.#worker = undefined;
    const pending = [...this.#pending.values()];
    for (const save of pending) save.fallBack();
  }
}
