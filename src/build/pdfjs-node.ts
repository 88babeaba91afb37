/**
 * pdf.js in Node: its legacy build is the only one that runs there, and
 * from 6.3 on it uses two ES2024 built-ins that Node 20 lacks, so they are
 * installed before pdf.js loads. Used by the preview renderer and by tests
 * that read PDFs back.
 */
export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<Pdfjs> | undefined;

export function loadPdfjs(): Promise<Pdfjs> {
  installNode20Polyfills();
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** pdf.js 6.3+ uses two ES2024 built-ins that Node 20 lacks. */
function installNode20Polyfills(): void {
  if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
    Object.defineProperty(Promise, 'withResolvers', {
      configurable: true,
      writable: true,
      value<T>() {
        let resolve!: (value: T | PromiseLike<T>) => void;
        let reject!: (reason?: unknown) => void;
        const promise = new Promise<T>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        return { promise, resolve, reject };
      },
    });
  }
  const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: unknown };
  if (typeof proto.transferToFixedLength !== 'function') {
    Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
      configurable: true,
      writable: true,
      // A copy, not a transfer: the source stays attached, which pdf.js does not rely on.
      value(this: ArrayBuffer, length: number = this.byteLength) {
        const copy = new ArrayBuffer(length);
        new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
        return copy;
      },
    });
  }
}

