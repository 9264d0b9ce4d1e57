import { compactEveryHighlight, highlightContextTriggers } from '../highlightContext';
import type { Migration } from './migration';

/**
 * Issue #16: a placed highlight's quote, prefix and suffix are stored only where they differ from
 * what its paragraph's text says at its place; elsewhere the column holds x'' ("as the text says"),
 * read back through store/highlightContext. On the bench library this takes about half of the
 * highlight table. The triggers write the values out in full before the text they come from
 * changes or the highlight moves, so re-anchoring and every export read what they read before.
 */
export const migration0034: Migration = {
  version: 34,
  name: 'highlight context from the text',
  up: `
    ${compactEveryHighlight}
    ${highlightContextTriggers}
  `,
};
