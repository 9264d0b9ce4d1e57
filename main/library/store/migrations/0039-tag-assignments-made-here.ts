import { tagAssignmentsMadeHere } from '../madeHere';
import type { Migration } from './migration';

/**
 * Issue #16: as 0038 for highlights, a tag on a highlight or a paragraph that this library's own
 * member put there stores its maker as x'' (store/madeHere), read back as the member's uid.
 */
export const migration0039: Migration = {
  version: 39,
  name: 'tag assignments made here',
  up: tagAssignmentsMadeHere,
};
