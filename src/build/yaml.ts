import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import { SourceError } from './errors.js';

/** A parsed YAML mapping that can tell the line of each of its keys. */
export interface YamlMap {
  readonly data: Record<string, unknown>;
  /** Line of `field` (dotted for nested keys) in the file, or of the mapping's start. */
  line(field: string): number;
}

/**
 * Parses YAML text that must be a mapping. `firstLine` is the line of the
 * text within its file (front matter starts on line 2).
 */
export function parseYamlMap(text: string, file: string, firstLine = 1): YamlMap {
  const counter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    // An unterminated quote is reported at the end of the input; name the line where it opened.
    const offset = error.code === 'MISSING_CHAR' ? openingQuote(text, error.pos[0]) : error.pos[0];
    const pos = counter.linePos(offset);
    throw new SourceError(file, pos.line + firstLine - 1, undefined, `malformed YAML: ${error.message.split('\n')[0]}`);
  }
  const data = doc.toJS() as unknown;
  if (data === null || data === undefined) return { data: {}, line: () => firstLine };
  if (typeof data !== 'object' || Array.isArray(data) || !isMap(doc.contents)) {
    throw new SourceError(file, firstLine, undefined, 'expected a YAML mapping of fields (key: value)');
  }
  const line = (field: string): number => {
    let node: unknown = doc.contents;
    let offset: number | undefined;
    for (const key of field.split('.')) {
      if (!isMap(node)) break;
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair) break;
      offset = (pair.key as { range?: [number, number, number] }).range?.[0];
      node = pair.value;
    }
    return offset === undefined ? firstLine : counter.linePos(offset).line + firstLine - 1;
  };
  return { data: data as Record<string, unknown>, line };
}

/** Start of the last line before `end` whose value opens with a quote mark, or `end`. */
function openingQuote(text: string, end: number): number {
  let lineStart = text.lastIndexOf('\n', end - 1) + 1;
  while (lineStart > 0 || end > 0) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    if (/:\s*["']/.test(line)) return lineStart;
    if (lineStart === 0) break;
    lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  }
  return end;
}
