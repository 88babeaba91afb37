/**
 * Liang's hyphenation ("Word Hy-phen-a-tion by Com-put-er", 1983) over the
 * `hyphen` package's pattern data, for the one kind of input the typesetter
 * sends (a lower-case word, see `patternPieces`). The package's own
 * `hyphenateSync` scans any text for words first, with closures and regular
 * expressions per character; that scan was most of the cost of hyphenation
 * in a cold build. The result is the package's, break for break (as
 * offsets, where it puts soft hyphens): same trie walk, same levels, same
 * exceptions, same five-letter minimum. The data is compiled ahead
 * (`compilePatterns`, `npm run patterns`) into `patterns/`.
 */

/** The package's data: levels of each pattern, the pattern trie, exceptions (word → break offsets). */
export type PatternData = readonly [readonly (readonly number[])[], TrieNode, Readonly<Record<string, readonly number[]>>?];
type TrieNode = { readonly [letter: string]: TrieNode | number | readonly [TrieNode, number] };

/** The package's default: shorter words are left whole. */
const MIN_WORD_LENGTH = 5;

/**
 * The package's data compiled for fast loading (`npm run patterns` writes
 * it into `patterns/`, a test holds it to the package): the trie as numbered
 * nodes and edges, with the package's pattern levels and exceptions as they
 * are. Loading the package's module builds thousands of nested objects of
 * different shapes, and walking them to flatten the trie took longer still:
 * 37 ms of a cold build together, against 5 ms for this.
 */
export interface CompiledPatterns {
  /** Code unit of each letter index, in ascending order. */
  readonly letters: readonly number[];
  /** Pairs of `node * letters.length + letter` and `child + 1`. */
  readonly edges: readonly number[];
  /** Index into `levels` of each node's pattern, -1 for none. */
  readonly patterns: readonly number[];
  readonly levels: PatternData[0];
  readonly exceptions: Readonly<Record<string, readonly number[]>>;
}

/** The package's pattern data, compiled. */
export function compilePatterns(data: PatternData): CompiledPatterns {
  const [levels, trie, exceptions = {}] = data;
  const codes = new Set<number>();
  const nodes: TrieNode[] = [];
  const nodePatterns: number[] = [];
  // Number the nodes breadth-first; a number in the package's trie is a leaf with a pattern.
  const number = (node: TrieNode, pattern: number): number => {
    nodes.push(node);
    nodePatterns.push(pattern);
    return nodes.length - 1;
  };
  number(trie, -1);
  const edges: [from: number, code: number, to: number][] = [];
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    for (const key of Object.keys(node)) {
      const value = node[key]!;
      const code = key.charCodeAt(0);
      codes.add(code);
      const to = Array.isArray(value)
        ? number((value as readonly [TrieNode, number])[0], (value as readonly [TrieNode, number])[1])
        : typeof value === 'number'
          ? number({}, value)
          : number(value as TrieNode, -1);
      edges.push([n, code, to]);
    }
  }
  const letters = [...codes].sort((a, b) => a - b);
  const letterOf = new Map(letters.map((code, k) => [code, k]));
  const pairs: number[] = [];
  for (const [from, code, to] of edges) pairs.push(from * letters.length + letterOf.get(code)!, to + 1);
  return { letters, edges: pairs, patterns: nodePatterns, levels, exceptions };
}

/**
 * The trie in typed arrays: node `n`'s child for letter `k` is
 * `children[n * letters + k] - 1` (0 for none), and its pattern is
 * `patterns[n]` (-1 for none), walked with two reads a letter. Nested
 * objects keyed by letter are a dictionary look-up per step on objects of
 * thousands of different shapes, slow in every tier of V8.
 */
interface FlatTrie {
  readonly letters: number;
  /** Letter index of each UTF-16 code unit below 128, -1 if no pattern has it. */
  readonly ascii: Int8Array;
  /** Letter index of other code units. */
  readonly other: ReadonlyMap<number, number>;
  readonly children: Int32Array;
  readonly patterns: Int32Array;
}

function flatTrie(compiled: CompiledPatterns): FlatTrie {
  const ascii = new Int8Array(128).fill(-1);
  const other = new Map<number, number>();
  compiled.letters.forEach((code, k) => (code < 128 ? (ascii[code] = k) : other.set(code, k)));
  const patterns = Int32Array.from(compiled.patterns);
  const children = new Int32Array(patterns.length * compiled.letters.length);
  const { edges } = compiled;
  for (let i = 0; i < edges.length; i += 2) children[edges[i]!] = edges[i + 1]!;
  return { letters: compiled.letters.length, ascii, other, children, patterns };
}

const NO_BREAKS: readonly number[] = [];

/**
 * A hyphenator that gives every break the patterns allow, as offsets into
 * the word (`PatternHyphenator`): the places where the package's own
 * hyphenator puts U+00AD.
 */
export function liangHyphenator(compiled: CompiledPatterns): (word: string) => readonly number[] {
  const { levels: levelsTable, exceptions } = compiled;
  const flat = flatTrie(compiled);
  return (word) => {
    if (word.length < MIN_WORD_LENGTH) return NO_BREAKS;
    const lowered = word.toLocaleLowerCase();
    return Object.prototype.hasOwnProperty.call(exceptions, lowered) ? exceptions[lowered]! : breakMarkers(word, lowered, levelsTable, flat);
  };
}

/** Offsets where `word` may break: odd inter-letter levels of every pattern found in ".word.". */
function breakMarkers(word: string, lowered: string, levelsTable: PatternData[0], trie: FlatTrie): number[] {
  const levels: number[] = new Array<number>(word.length + 1).fill(0);
  const text = `.${lowered}.`;
  const { letters, ascii, other, children, patterns } = trie;
  // Patterns starting at the leading dot and at the first letter both write from level 0.
  for (let start = 0; text.length - start >= 3; start++) {
    const at = start === 0 ? 0 : start - 1;
    let node = 0;
    for (let i = start; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const letter = code < 128 ? ascii[code]! : (other.get(code) ?? -1);
      if (letter < 0) break;
      const child = children[node * letters + letter]!;
      if (child === 0) break;
      node = child - 1;
      const index = patterns[node]!;
      if (index < 0) continue;
      const pattern = levelsTable[index]!;
      // Past the word's end the package compares with `undefined` (NaN, never a break); so does this.
      for (let k = 0; k < pattern.length; k++) levels[at + k] = Math.max(pattern[k]!, levels[at + k]!);
    }
  }
  // No break before the first letter or after the last (the array may have grown past the word).
  levels[0] = levels[1] = levels[levels.length - 1] = levels[levels.length - 2] = 0;
  const markers: number[] = [];
  for (let i = 0; i < levels.length; i++) if ((levels[i]! & 1) === 1) markers.push(i);
  return markers;
}

/** The languages whose patterns are compiled into `patterns/`, with the `hyphen` package's module of each. */
export const PATTERN_SOURCES: Readonly<Record<string, string>> = {
  'en-US': 'hyphen/patterns/en-us.js',
  'en-GB': 'hyphen/patterns/en-gb.js',
};

/** The text of a compiled patterns module, as `npm run patterns` writes it. */
export function patternsModule(compiled: CompiledPatterns, source: string, version: string): string {
  const json = JSON.stringify(compiled);
  // Words of exceptions are letters; anything a template literal would read differently is refused.
  if (/[\\`]|\$\{/.test(json)) throw new Error(`${source}: pattern data a template literal cannot hold`);
  return [
    `// Compiled by \`npm run patterns\` from ${source} of hyphen ${version}; do not edit.`,
    "import type { CompiledPatterns } from '../liang.js';",
    '',
    // A JSON text in a string loads faster than the same data as object literals.
    `const patterns: CompiledPatterns = JSON.parse(\`${json}\`);`,
    'export default patterns;',
    '',
  ].join('\n');
}
