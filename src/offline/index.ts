/**
 * The offline cache: editions saved into IndexedDB for reading with no
 * network. See `saveEdition` for the guarantees a save gives.
 */
export { saveEdition, type SaveOptions, type SaveProgress } from './save.js';
export { SaveWorker } from './save-client.js';
export { deleteAll, deleteEdition, evictOldest, isIntact, loadSavedBlobs, loadSavedFile, savedEdition, savedEditions, setPinned, usedBytes, verifySaved } from './library.js';
export { OfflineError, type OfflineErrorCode } from './errors.js';
export { defaultStore, type SavedEdition, type UseStore } from './store.js';
