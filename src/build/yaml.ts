import { constructFromEvents, EVENT_ALIAS, EVENT_MAPPING, EVENT_POP, EVENT_SCALAR, EVENT_SEQUENCE, getScalarValue, parseEvents, YAMLException, type Event } from 'js-yaml';
import { lineAt, SourceError } from './errors.js';

/** A parsed YAML mapping that can tell the line of each of its keys. */
export interface YamlMap {
  readonly data: Record<string, unknown>;
  /** Line of `field` (dotted for nested keys) in the file, or of the mapping's start. */
  line(field: string): number;
}

/**
 * Parses YAML text that must be a mapping. `firstLine` is the line of the
 * text within its file (front matter starts on line 2).
 *
 * js-yaml parses the text into a flat stream of events that point into the
 * text (`parseEvents`); the data is built from those events, with the
 * default YAML 1.2 core schema, and the same events give each key's place.
 */
export function parseYamlMap(text: string, file: string, firstLine = 1): YamlMap {
  let events: Event[];
  let data: unknown;
  try {
    events = parseEvents(text, {});
    data = constructFromEvents(events, { source: text })[0];
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const at = error.mark?.position ?? text.length;
    // A quote left open runs on until the indentation gives out; name the line where it opened.
    const offset = unclosedQuote(text, at) ?? at;
    throw new SourceError(file, lineAt(text, offset) + firstLine - 1, undefined, `malformed YAML: ${error.reason}`);
  }
  if (data === null || data === undefined) return { data: {}, line: () => firstLine };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new SourceError(file, firstLine, undefined, 'expected a YAML mapping of fields (key: value)');
  }
  const keys = keyOffsets(events, text);
  const line = (field: string): number => {
    // The field's own key, or failing that the nearest enclosing key that is there.
    for (let path = field; path !== ''; path = path.slice(0, Math.max(0, path.lastIndexOf('.')))) {
      const offset = keys.get(path);
      if (offset !== undefined) return lineAt(text, offset) + firstLine - 1;
    }
    return firstLine;
  };
  return { data: data as Record<string, unknown>, line };
}

/** A node open in the event stream: a mapping's children alternate key and value. */
interface Open {
  readonly kind: 'document' | 'mapping' | 'sequence';
  /** Dotted path of a mapping's keys, with a trailing dot ('' at the top). */
  readonly path: string;
  children: number;
  /** The key whose value comes next, in a mapping. */
  key: string;
}

/** Where each key of the mappings within mappings starts, by dotted path ("image.file"). */
function keyOffsets(events: readonly Event[], text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  const open: Open[] = [];
  for (const event of events) {
    if (event.type === EVENT_POP) {
      open.pop();
      continue;
    }
    const parent = open[open.length - 1];
    const isKey = parent?.kind === 'mapping' && parent.children % 2 === 0;
    if (parent) parent.children++;
    if (isKey && event.type === EVENT_SCALAR) {
      parent.key = getScalarValue(text, event);
      offsets.set(parent.path + parent.key, event.valueStart);
    } else if (event.type === EVENT_MAPPING || event.type === EVENT_SEQUENCE) {
      // Only a mapping's values are named; what is inside a sequence or a key is not.
      const path = !parent || parent.kind === 'document' ? '' : parent.kind === 'mapping' && !isKey ? `${parent.path}${parent.key}.` : '\u0000';
      open.push({ kind: event.type === EVENT_MAPPING ? 'mapping' : 'sequence', path, children: 0, key: '' });
    } else if (event.type !== EVENT_SCALAR && event.type !== EVENT_ALIAS) {
      open.push({ kind: 'document', path: '', children: 0, key: '' });
    }
  }
  return offsets;
}

/**
 * Start of the line where a quoted value that is still open at `end`
 * opened, or undefined: the nearest line at or before `end`, back to the
 * key it belongs to, whose value opens with a quote that the line does not
 * close.
 */
function unclosedQuote(text: string, end: number): number | undefined {
  let lineStart = text.lastIndexOf('\n', Math.max(0, end - 1)) + 1;
  for (let first = true; ; first = false) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    const quoted = /:\s*(["'])(.*)$/.exec(line);
    if (quoted && !closes(quoted[1]!, quoted[2]!)) return lineStart;
    // A key at the start of a line above the error ends the search: a quote
    // opened before it was closed. (The error's own line may look like a key
    // and still be inside the open quote.)
    if (lineStart === 0 || (!first && /^[^\s#][^:]*:/.test(line))) return undefined;
    lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  }
}

/** Whether `rest` (what follows an opening quote) closes it: `"` unescaped, or `'` not doubled. */
function closes(quote: string, rest: string): boolean {
  return quote === '"' ? /(^|[^\\])(\\\\)*"/.test(rest) : /'(?!')/.test(rest.replaceAll("''", ''));
}
