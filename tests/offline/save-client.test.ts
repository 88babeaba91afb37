import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OfflineError, SaveWorker, type SaveProgress, deleteAll, savedEdition } from '../../src/offline/index.js';
import type { SaveReply, SaveRequest } from '../../src/offline/save-protocol.js';
import { saveService } from '../../src/offline/save-service.js';
import { CATALOG_URL, type FakeServer, fakeServer, memoryEdition } from './memory-edition.js';

const NOV_10 = memoryEdition('2025-11-10');

/**
 * A worker in the same thread: messages cross as structured clones, a task
 * later, both ways, and the other side is the real save service.
 */
class InThreadWorker extends EventTarget {
  readonly received: SaveRequest[] = [];
  readonly #handle = saveService((reply: SaveReply) => setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: structuredClone(reply) }))));
  postMessage(message: SaveRequest): void {
    this.received.push(message);
    setTimeout(() => this.#handle(structuredClone(message)));
  }
  terminate(): void {}
}

/** A worker whose script never loads: it reports an error and answers nothing. */
class FailingWorker extends EventTarget {
  readonly received: SaveRequest[] = [];
  constructor() {
    super();
    setTimeout(() => this.dispatchEvent(new Event('error', { cancelable: true })));
  }
  postMessage(message: SaveRequest): void {
    this.received.push(message);
  }
  terminate(): void {}
}

let server: FakeServer;

beforeEach(() => {
  server = fakeServer(NOV_10);
  vi.stubGlobal('fetch', server.fetch);
  vi.stubGlobal('Worker', InThreadWorker);
});

afterEach(async () => {
  await deleteAll();
  vi.unstubAllGlobals();
});

describe('SaveWorker', () => {
  it('saves in the worker, with progress up to the total and the record as the result', async () => {
    const worker = new InThreadWorker();
    const saver = new SaveWorker(() => worker as unknown as Worker);
    const progress: SaveProgress[] = [];
    const saved = await saver.save(CATALOG_URL, NOV_10.entry, { onProgress: (p) => progress.push(p) });
    expect(worker.received.map((m) => m.type)).toEqual(['save']);
    expect(saved.date).toBe('2025-11-10');
    expect(saved.entry).toEqual(NOV_10.entry);
    expect((await savedEdition('2025-11-10'))?.savedAt).toBe(saved.savedAt);
    const last = progress.at(-1)!;
    expect(last.total).toBeGreaterThan(0);
    expect(last.loaded).toBe(last.total);
  });

  it('fails with the OfflineError the worker met, code and message intact', async () => {
    server.corrupt = /pages\/2/;
    const saver = new SaveWorker(() => new InThreadWorker() as unknown as Worker);
    const error = await saver.save(CATALOG_URL, NOV_10.entry).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfflineError);
    expect(error).toMatchObject({ code: 'integrity', date: '2025-11-10' });
    expect((error as Error).message).toContain('did not match the edition');
    expect(await savedEdition('2025-11-10')).toBeUndefined();
  });

  it('stops the save in the worker when the signal aborts, and stores nothing', async () => {
    // One page's PDF never arrives, so only the abort can end the save.
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).includes('pages/2')
        ? new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))
        : server.fetch(input, init),
    );
    const worker = new InThreadWorker();
    const saver = new SaveWorker(() => worker as unknown as Worker);
    const abort = new AbortController();
    const saving = saver.save(CATALOG_URL, NOV_10.entry, { signal: abort.signal, onProgress: (p) => p.loaded > 0 && abort.abort() });
    const error = await saving.catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(worker.received.map((m) => m.type)).toEqual(['save', 'abort']);
    expect(await savedEdition('2025-11-10')).toBeUndefined();
  });

  it('saves on this thread when the worker cannot start', async () => {
    const worker = new FailingWorker();
    const saver = new SaveWorker(() => worker as unknown as Worker);
    const saved = await saver.save(CATALOG_URL, NOV_10.entry);
    expect(saved.date).toBe('2025-11-10');
    expect(await savedEdition('2025-11-10')).toBeDefined();
    // Later saves do not wait for a worker that failed.
    await deleteAll();
    await saver.save(CATALOG_URL, NOV_10.entry);
    expect(worker.received.map((m) => m.type)).toEqual(['save']);
  });

  it('saves on this thread where there are no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    const start = vi.fn(() => new InThreadWorker() as unknown as Worker);
    const saved = await new SaveWorker(start).save(CATALOG_URL, NOV_10.entry);
    expect(saved.date).toBe('2025-11-10');
    expect(start).not.toHaveBeenCalled();
  });
});
