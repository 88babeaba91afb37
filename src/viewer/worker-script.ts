/**
 * The script to start the worker from. A worker's script must come from the
 * page's own origin (HTML, "new Worker": a cross-origin URL throws a
 * SecurityError), so when the element is served from a CDN the worker starts
 * from a `blob:` module that imports the worker's script from there (the CDN
 * sends CORS headers; the page's CSP allows `worker-src blob:`).
 */
export function workerScript(url: URL, pageOrigin: string): string {
  if (url.origin === pageOrigin) return url.href;
  return URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};\n`], { type: 'text/javascript' }));
}
