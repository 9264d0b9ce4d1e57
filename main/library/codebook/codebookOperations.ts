import type { TagDescriptionText } from '../../../preload/contract/codebookTypes';
import type { TagsChanged } from '../../../preload/contract/annotationTypes';
import type { Journaled } from '../annotations/journaled';
import { normalizeTagName } from '../annotations/tagNames';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { findTagFolded } from '../store/tags';
import { writeTagDescription } from './tagDescriptions';

/** The codebook's one write: a tag's description, set or cleared, one undo step each. */
export function codebookOperations(db: Db, journaled: Journaled) {
  return {
    /**
     * Sets the description of the tag named `tag` (in any case or script); four empty parts
     * remove it.
     */
    describeTag(tag: string, text: TagDescriptionText): TagsChanged {
      const name = normalizeTagName(tag);
      return journaled((rec, now) => {
        const found = findTagFolded(db, name);
        if (!found) throw new LibraryError('not-found', `There is no tag "${name}".`, name);
        writeTagDescription(rec, found.id, text, now);
        return {
          value: { articleIds: [] },
          op: 'tag.describe',
          description: `Describe tag “${found.name}”`,
        };
      });
    },
  };
}
