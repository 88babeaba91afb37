/**
 * The save worker's side of the protocol: runs the saves asked for and
 * answers with their progress and outcome. Kept apart from the worker's
 * globals (`save-worker.ts`) so that it can be driven directly.
 */
import { saveEdition } from './save.js';
import { type SaveReply, type SaveRequest, toFailure } from './save-protocol.js';

/** Returns the handler of requests; `reply` sends an answer back to the page. */
export function saveService(reply: (message: SaveReply) => void): (message: SaveRequest) => void {
  const running = new Map<number, AbortController>();
  return (message) => {
    if (message.type === 'abort') {
      running.get(message.id)?.abort(new DOMException('The save was stopped.', 'AbortError'));
      return;
    }
    const { id, catalogUrl, entry, request, manifest } = message;
    const abort = new AbortController();
    running.set(id, abort);
    saveEdition(catalogUrl, entry, { signal: abort.signal, request, manifest, onProgress: (progress) => reply({ type: 'progress', id, progress }) })
      .then(
        (saved) => reply({ type: 'saved', id, saved }),
        (error: unknown) => reply({ type: 'failed', id, failure: toFailure(error) }),
      )
      .finally(() => running.delete(id));
  };
}
