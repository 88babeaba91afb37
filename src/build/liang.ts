/**
 * Liang's hyphenation ("Word Hy-phen-a-tion by Com-put-er", 1983) over the
 * `hyphen` package's pattern data, for the one kind of input the typesetter
 * sends (a lower-case word, see `patternPieces`). The package's own
 * `hyphenateSync` scans any text for words first, with closures and regular
 * expressions per character; that scan was most of the cost of hyphenation
 * in a cold build. The result is the package's, soft hyphen for soft hyphen:
 * same trie walk, same levels, same exceptions, same five-letter minimum.
 */

/** The package's data: levels of each pattern, the pattern trie, exceptions (word → break offsets). */
export type PatternData = readonly [readonly (readonly number[])[], TrieNode, Readonly<Record<string, readonly number[]>>?];
type TrieNode = { readonly [letter: string]: TrieNode | number | readonly [TrieNode, number] };

const SOFT_HYPHEN = '\u00AD';
/** The package's default: shorter words are left whole. */
const MIN_WORD_LENGTH = 5;

/** A hyphenator that marks every break the patterns allow with U+00AD. */
export function liangHyphenator(data: PatternData): (word: string) => string {
  const [levelsTable, trie, exceptions = {}] = data;
  return (word) => {
    if (word.length < MIN_WORD_LENGTH) return word;
    const lowered = word.toLocaleLowerCase();
    const markers = Object.prototype.hasOwnProperty.call(exceptions, lowered) ? exceptions[lowered]! : breakMarkers(word, lowered, levelsTable, trie);
    if (markers.length === 0) return word;
    let out = word.slice(0, markers[0]);
    for (let i = 0; i < markers.length; i++) out += SOFT_HYPHEN + word.slice(markers[i], markers[i + 1]);
    return out;
  };
}

/** Offsets where `word` may break: odd inter-letter levels of every pattern found in ".word.". */
function breakMarkers(word: string, lowered: string, levelsTable: PatternData[0], trie: TrieNode): number[] {
  const levels: number[] = new Array<number>(word.length + 1).fill(0);
  const text = `.${lowered}.`;
  // Patterns starting at the leading dot and at the first letter both write from level 0.
  for (let start = 0; text.length - start >= 3; start++) {
    const at = start === 0 ? 0 : start - 1;
    let node: TrieNode = trie;
    for (let i = start; i < text.length; i++) {
      const next: TrieNode[string] | undefined = node[text[i]!];
      if (next === undefined) break;
      let index = -1;
      if (Array.isArray(next)) {
        node = (next as readonly [TrieNode, number])[0];
        index = (next as readonly [TrieNode, number])[1];
      } else if (typeof next === 'number') {
        node = {};
        index = next;
      } else {
        node = next as TrieNode;
      }
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
