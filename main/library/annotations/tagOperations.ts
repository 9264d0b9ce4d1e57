import type { ParagraphTags, TagsChanged } from '../../../preload/contract/annotationTypes';
import { LibraryError } from '../libraryError';
import { affectedArticles } from '../journal/affectedArticles';
import type { Recorder } from '../journal/recordChanges';
import type { Db } from '../store/openDatabase';
import { attach, ensureTag, findTagFolded, readParagraphTags, removeTag, tagSubtree } from '../store/tags';
import type { Journaled } from './journaled';
import { requireParagraph } from './lookups';
import { moveTag } from './moveTag';
import { normalizeTagName, sameTagName } from './tagNames';

/** Tags on whole paragraphs, and the library-wide rename, merge and delete of tags. */
export function tagOperations(db: Db, journaled: Journaled) {
  const paragraphTags = (paragraphId: number): ParagraphTags => ({
    paragraphId,
    tags: readParagraphTags(db, paragraphId),
  });
  const changed = (rec: Recorder): TagsChanged => ({
    articleIds: [...affectedArticles(db, rec.changes)].sort((a, b) => a - b),
  });
  const requireTag = (name: string) => {
    const tag = findTagFolded(db, name);
    if (!tag) throw new LibraryError('not-found', `There is no tag "${name}".`, name);
    return tag;
  };

  return {
    tagParagraph(paragraphId: number, tag: string): ParagraphTags {
      const name = normalizeTagName(tag);
      return journaled((rec, now) => {
        requireParagraph(db, paragraphId);
        attach(rec, 'paragraph_tag', { paragraph_id: paragraphId, tag_id: ensureTag(rec, name, now) });
        return { value: paragraphTags(paragraphId), op: 'paragraph.tag', description: `Tag paragraph “${name}”` };
      });
    },

    /** Untagging a tag the paragraph does not carry changes nothing and is not an error. */
    untagParagraph(paragraphId: number, tag: string): ParagraphTags {
      const name = normalizeTagName(tag);
      return journaled((rec) => {
        requireParagraph(db, paragraphId);
        const found = findTagFolded(db, name);
        if (found) rec.remove('paragraph_tag', { paragraph_id: paragraphId, tag_id: found.id });
        return { value: paragraphTags(paragraphId), op: 'paragraph.untag', description: `Untag paragraph “${name}”` };
      });
    },

    /** Renames a tag and its nested tags; onto an existing name it merges. */
    renameTag(from: string, to: string): TagsChanged {
      const fromName = normalizeTagName(from);
      const toName = normalizeTagName(to);
      return journaled((rec, now) => {
        const source = requireTag(fromName);
        const holder = findTagFolded(db, toName);
        const merging = holder !== undefined && holder.id !== source.id;
        if (source.name !== toName) moveTag(rec, source, toName, now);
        return merging
          ? { value: changed(rec), op: 'tag.merge', description: `Merge tag “${source.name}” into “${holder.name}”` }
          : { value: changed(rec), op: 'tag.rename', description: `Rename tag “${source.name}” to “${toName}”` };
      });
    },

    /** Moves every attachment of `from` (and its nested tags, re-parented) into `into`, then deletes `from`. */
    mergeTags(from: string, into: string): TagsChanged {
      const fromName = normalizeTagName(from);
      const intoName = normalizeTagName(into);
      return journaled((rec, now) => {
        const source = requireTag(fromName);
        const target = requireTag(intoName);
        if (sameTagName(source.name, target.name)) {
          throw new LibraryError(
            'invalid-argument',
            `A tag cannot be merged into itself ("${source.name}").`,
            fromName,
          );
        }
        moveTag(rec, source, target.name, now);
        return {
          value: changed(rec),
          op: 'tag.merge',
          description: `Merge tag “${source.name}” into “${target.name}”`,
        };
      });
    },

    /** Deletes a tag, the tags nested under it, and all their attachments (undo brings them back). */
    deleteTag(name: string): TagsChanged {
      const tagName = normalizeTagName(name);
      return journaled((rec) => {
        const tag = requireTag(tagName);
        for (const t of tagSubtree(db, tag.name).reverse()) removeTag(rec, t.id);
        return { value: changed(rec), op: 'tag.delete', description: `Delete tag “${tag.name}”` };
      });
    },
  };
}
