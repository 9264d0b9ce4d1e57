import { highlightsMadeHere } from '../madeHere';
import type { Migration } from './migration';

/**
 * Issue #16: a highlight this library's own member made stores its maker as x'' (store/madeHere),
 * not the member's 36-character uid, read back as the uid by every reader.
 */
export const migration0038: Migration = {
  version: 38,
  name: 'highlights made here',
  up: highlightsMadeHere,
};
