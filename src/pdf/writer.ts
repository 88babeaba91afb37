import type { PDFContext, PDFObject, PDFRef, PDFStream as Stream } from 'pdf-lib';
import { pdfLib } from './pdf-lib.js';

const { PDFInvalidObject, PDFStream } = pdfLib;

/**
 * Serialises a pdf-lib document as PDF 1.7 with its objects packed into
 * compressed object streams and a cross-reference stream (ISO 32000-1
 * §7.5.7 and §7.5.8), as pdf-lib's own writer does with `useObjectStreams`,
 * but compressed with `deflate` (native zlib in the build) rather than pako,
 * JavaScript deflate, which cost a fifth of the build's PDF time and as much
 * again of V8 compiling it. Synchronous: a build has nothing to yield to.
 * The same document gives the same bytes.
 */
export function serializePdf(context: PDFContext, deflate: (bytes: Uint8Array) => Uint8Array): Uint8Array {
  const out = new Chunks();
  // A comment of bytes above 127 after the header marks the file as binary (§7.5.2).
  out.push(latin1('%PDF-1.7\n%\x81\x81\x81\x81\n\n'));
  /** Cross-reference entry of each object: [type, field 2, field 3] (§7.5.8.3, table 18). */
  const entries = new Map<number, readonly [number, number, number]>();
  const encrypt = context.trailerInfo.Encrypt;
  const packed: [PDFRef, PDFObject][] = [];
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    // Streams cannot go into object streams, nor can the encryption dictionary or old generations (§7.5.7).
    if (object instanceof PDFStream || object instanceof PDFInvalidObject || ref.generationNumber !== 0 || ref === encrypt) {
      entries.set(ref.objectNumber, [1, out.length, ref.generationNumber]);
      out.push(latin1(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
      if (object instanceof PDFStream) out.push(...streamParts(object));
      else out.push(bytesOf(object));
      out.push(latin1('\nendobj\n\n'));
    } else {
      packed.push([ref, object]);
    }
  }
  let next = context.largestObjectNumber + 1;
  for (let i = 0; i < packed.length; i += OBJECTS_PER_STREAM) {
    const number = next++;
    const chunk = packed.slice(i, i + OBJECTS_PER_STREAM);
    const bodies = chunk.map(([, object]) => bytesOf(object));
    let index = '';
    let at = 0;
    chunk.forEach(([ref], k) => {
      index += `${ref.objectNumber} ${at} `;
      at += bodies[k]!.length + 1;
      entries.set(ref.objectNumber, [2, number, k]);
    });
    const head = latin1(`${index.trimEnd()}\n`);
    const body = new Chunks();
    body.push(head);
    for (const bytes of bodies) body.push(bytes, NEWLINE);
    const data = deflate(body.join());
    entries.set(number, [1, out.length, 0]);
    out.push(latin1(`${number} 0 obj\n<<\n/Type /ObjStm\n/N ${chunk.length}\n/First ${head.length}\n/Filter /FlateDecode\n/Length ${data.length}\n>>\nstream\n`), data, latin1('\nendstream\nendobj\n\n'));
  }

  // The cross-reference stream: object 0 heads the free list, then a subsection per run of objects.
  const xref = next;
  const xrefOffset = out.length;
  entries.set(xref, [1, xrefOffset, 0]);
  entries.set(0, [0, 0, 65535]);
  const numbers = [...entries.keys()].sort((a, b) => a - b);
  const widths = [1, byteWidth(Math.max(...[...entries.values()].map((e) => e[1]))), byteWidth(Math.max(...[...entries.values()].map((e) => e[2])))] as const;
  const rows = new Uint8Array(numbers.length * (widths[0] + widths[1] + widths[2]));
  const subsections: number[] = [];
  let row = 0;
  numbers.forEach((number, i) => {
    if (i === 0 || number !== numbers[i - 1]! + 1) subsections.push(number, 0);
    subsections[subsections.length - 1]! += 1;
    const entry = entries.get(number)!;
    for (let field = 0; field < 3; field++) {
      for (let b = widths[field]! - 1; b >= 0; b--) rows[row++] = Math.floor(entry[field]! / 256 ** b) % 256;
    }
  });
  const data = deflate(rows);
  const trailer = [
    '/Type /XRef',
    `/Size ${xref + 1}`,
    `/W [ ${widths.join(' ')} ]`,
    `/Index [ ${subsections.join(' ')} ]`,
    ...(['Root', 'Info', 'Encrypt', 'ID'] as const).flatMap((key) => {
      const value = context.trailerInfo[key];
      return value ? [`/${key} ${latin1Text(bytesOf(value))}`] : [];
    }),
    '/Filter /FlateDecode',
    `/Length ${data.length}`,
  ];
  out.push(latin1(`${xref} 0 obj\n<<\n${trailer.join('\n')}\n>>\nstream\n`), data, latin1(`\nendstream\nendobj\n\nstartxref\n${xrefOffset}\n%%EOF`));
  return out.join();
}

/** Objects per object stream: pdf-lib's 50 doubled; fewer streams, the same size within a few bytes. */
const OBJECTS_PER_STREAM = 100;
const NEWLINE = new Uint8Array([10]);

const STREAM_START = latin1('\nstream\n');
const STREAM_END = latin1('\nendstream');

/**
 * A stream as pdf-lib writes it (§7.3.8), in parts: its contents go into
 * the file as they are. pdf-lib's own `copyBytesInto` copies them a byte at
 * a time in JavaScript, and the fonts' subsets go into every page's PDF.
 */
function streamParts(stream: Stream): Uint8Array[] {
  stream.updateDict();
  return [bytesOf(stream.dict), STREAM_START, stream.getContents(), STREAM_END];
}

function bytesOf(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

/** Bytes a cross-reference field needs for `max`, at least one. */
function byteWidth(max: number): number {
  let width = 1;
  while (max >= 256 ** width) width++;
  return width;
}

function latin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function latin1Text(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/** Byte arrays gathered in order, joined once at the end. */
class Chunks {
  readonly #parts: Uint8Array[] = [];
  length = 0;

  push(...parts: Uint8Array[]): void {
    for (const part of parts) {
      this.#parts.push(part);
      this.length += part.length;
    }
  }

  join(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const part of this.#parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}
