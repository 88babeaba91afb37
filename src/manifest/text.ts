import type { Block, Run } from './types.js';

/** Plain text of runs. */
export const runsText = (runs: readonly Run[]): string => runs.map((run) => run.text).join('');

/** Plain text of one body block; list items one to a line. */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'subhead':
      return block.text;
    case 'paragraph':
    case 'quote':
      return runsText(block.runs);
    case 'list':
      return block.items.map(runsText).join('\n');
  }
}

/** Plain text of an article body, a block to a line: for word counts, search and tests. */
export const blocksText = (blocks: readonly Block[]): string => blocks.map(blockText).join('\n');
