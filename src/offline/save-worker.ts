/**
 * The save worker: runs saves (`saveService`) off the page's main thread.
 * Reading the downloads, hashing them and copying them into IndexedDB all
 * take turns on the thread that asked for them; on the page's thread they
 * wait behind its rendering and slow the downloads themselves (measured in
 * Chromium: the same downloads, hashes and writes took about 1.25 times as
 * long as the downloads alone on the main thread, and about as long as the
 * downloads alone in a worker). Page turns during a save stay smooth too.
 */
import type { SaveRequest } from './save-protocol.js';
import { saveService } from './save-service.js';

const handle = saveService((message) => postMessage(message));
addEventListener('message', (event: MessageEvent<SaveRequest>) => handle(event.data));
