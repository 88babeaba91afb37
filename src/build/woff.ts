import { inflateSync } from 'node:zlib';
import { dataView, tagAt, writeSfnt } from '../fonts/sfnt.js';

/**
 * Unpacks a WOFF 1.0 font (W3C, "WOFF File Format 1.0", 2012) into the
 * TrueType/OpenType bytes it wraps: font packages ship WOFF, and the font
 * readers (`fonts/`) and the PDF's embedded subsets work on plain OpenType.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = dataView(woff);
  if (view.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 font (bad signature)');
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    const offset = view.getUint32(entry + 4);
    const compLength = view.getUint32(entry + 8);
    const origLength = view.getUint32(entry + 12);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? new Uint8Array(inflateSync(raw)) : raw;
    if (data.length !== origLength) throw new Error(`WOFF table ${i} unpacks to ${data.length} bytes, expected ${origLength}`);
    tables.set(tagAt(view, entry), data);
  }
  return writeSfnt(tables, flavor);
}
