import type { TaggedPassage, TagSummary, UndoResult } from '../../preload/contract/annotationTypes';
import { highlightOperations } from './annotations/highlightOperations';
import { codebookOperations } from './codebook/codebookOperations';
import { createJournaled } from './annotations/journaled';
import { noteOperations } from './annotations/noteOperations';
import { normalizeTagName } from './annotations/tagNames';
import { tagOperations } from './annotations/tagOperations';
import { redo, undo } from './journal/undoRedo';
import type { Db } from './store/openDatabase';
import { listTaggedPassagePage, listTaggedPassages } from './store/taggedPassages';
import type { TaggedPassagePage, TaggedPassagePageRequest } from '../../preload/contract/taggedPassagePageTypes';
import { listTagSummaries } from './store/tags';
import { listTagLevel } from './manage/tagLevel';
import type { TagLevelPage, TagLevelRequest } from '../../preload/contract/tagLevelTypes';

export type Annotations = ReturnType<typeof createAnnotations>;

/**
 * Highlights, tags and notes. Every change is one transaction and one journal entry, so
 * undo and redo can take it back and apply it again exactly.
 */
export function createAnnotations(db: Db, nowIso: () => string) {
  const journaled = createJournaled(db, nowIso);
  return {
    ...highlightOperations(db, journaled),
    ...tagOperations(db, journaled),
    ...noteOperations(db, journaled),
    ...codebookOperations(db, journaled),

    listTags(): TagSummary[] {
      return listTagSummaries(db);
    },

    /** One page of one level of the tag tree, counted for that page only (the tag pane). */
    listTagLevel(request: TagLevelRequest): TagLevelPage {
      return listTagLevel(db, request);
    },

    /** Every passage tagged `tag` or a tag nested under it, in article then paragraph order. */
    listTaggedPassages(tag: string, where: { inTrash: boolean } = { inTrash: false }): TaggedPassage[] {
      return listTaggedPassages(db, normalizeTagName(tag), where);
    },

    /** One page of those passages with their exact count: the per-tag view. */
    listTaggedPassagePage({ tag, offset, limit, inTrash }: TaggedPassagePageRequest): TaggedPassagePage {
      return listTaggedPassagePage(db, normalizeTagName(tag), { offset, limit }, { inTrash: inTrash ?? false });
    },

    undo(): UndoResult {
      return undo(db);
    },

    redo(): UndoResult {
      return redo(db);
    },
  };
}
