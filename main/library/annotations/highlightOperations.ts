import { randomUUID } from 'node:crypto';
import {
  highlightColors,
  maxHighlightCommentLength,
  maxHighlightGroupParagraphs,
  type Highlight,
  type HighlightColor,
} from '../../../preload/contract/annotationTypes';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { attach, ensureTag, findTagFolded } from '../store/tags';
import { anchorHighlight } from './highlightAnchor';
import type { Journaled } from './journaled';
import { shortQuote } from './journaled';
import { requireHighlight, requireParagraph } from './lookups';
import { normalizeTagName } from './tagNames';

export interface NewHighlight {
  paragraphId: number;
  start: number;
  end: number;
  color: HighlightColor;
  tags?: readonly string[];
}

/** One paragraph's part of a selection over several paragraphs. */
export interface HighlightRange {
  paragraphId: number;
  start: number;
  end: number;
}

export interface NewHighlightGroup {
  ranges: readonly HighlightRange[];
  color: HighlightColor;
  tags?: readonly string[];
}

/** Create, recolour, tag, untag and delete highlights; each returns the highlight as it now stands (or stood). */
export function highlightOperations(db: Db, journaled: Journaled) {
  return {
    createHighlight(request: NewHighlight): Highlight {
      requireColor(request.color);
      const names = [...new Set((request.tags ?? []).map(normalizeTagName))];
      return journaled((rec, now) => {
        const paragraph = requireParagraph(db, request.paragraphId);
        const anchor = anchorHighlight(paragraph.text, request.start, request.end);
        const id = rec.insert('highlight', {
          article_id: paragraph.article_id,
          paragraph_id: paragraph.id,
          start_offset: request.start,
          end_offset: request.end,
          quote: anchor.quote,
          prefix: anchor.prefix,
          suffix: anchor.suffix,
          color: request.color,
          created_at: now,
          updated_at: now,
        });
        for (const name of names) attach(rec, 'highlight_tag', { highlight_id: id, tag_id: ensureTag(rec, name, now) });
        return {
          value: requireHighlight(db, id),
          op: 'highlight.create',
          description: `Highlight “${shortQuote(anchor.quote)}”`,
        };
      });
    },

    /**
     * A selection over several paragraphs: one highlight per paragraph, in reading order, sharing
     * a group id, made in one undo step. The paragraphs must be distinct and of one article.
     */
    createHighlightGroup(request: NewHighlightGroup): Highlight[] {
      requireColor(request.color);
      if (request.ranges.length < 2 || request.ranges.length > maxHighlightGroupParagraphs) {
        throw new LibraryError(
          'invalid-argument',
          `A highlight group spans 2 to ${maxHighlightGroupParagraphs} paragraphs, not ${request.ranges.length}.`,
        );
      }
      const names = [...new Set((request.tags ?? []).map(normalizeTagName))];
      return journaled((rec, now) => {
        const parts = request.ranges.map((range) => ({ range, paragraph: requireParagraph(db, range.paragraphId) }));
        const articleId = parts[0]?.paragraph.article_id;
        if (parts.some((p) => p.paragraph.article_id !== articleId)) {
          throw new LibraryError('invalid-argument', 'A highlight group lies within one article.');
        }
        if (new Set(parts.map((p) => p.paragraph.id)).size !== parts.length) {
          throw new LibraryError('invalid-argument', 'A highlight group has one range per paragraph.');
        }
        const order = paragraphOrders(db, parts.map((p) => p.paragraph.id));
        parts.sort((a, b) => (order.get(a.paragraph.id) ?? 0) - (order.get(b.paragraph.id) ?? 0));
        const groupId = randomUUID();
        const ids: number[] = [];
        const quotes: string[] = [];
        for (const { range, paragraph } of parts) {
          const anchor = anchorHighlight(paragraph.text, range.start, range.end);
          const id = rec.insert('highlight', {
            article_id: paragraph.article_id,
            paragraph_id: paragraph.id,
            start_offset: range.start,
            end_offset: range.end,
            quote: anchor.quote,
            prefix: anchor.prefix,
            suffix: anchor.suffix,
            color: request.color,
            group_id: groupId,
            created_at: now,
            updated_at: now,
          });
          for (const name of names) attach(rec, 'highlight_tag', { highlight_id: id, tag_id: ensureTag(rec, name, now) });
          ids.push(id);
          quotes.push(anchor.quote);
        }
        return {
          value: ids.map((id) => requireHighlight(db, id)),
          op: 'highlight.create',
          description: `Highlight “${shortQuote(quotes.join(' '))}”`,
        };
      });
    },

    updateHighlight(highlightId: number, color: HighlightColor): Highlight {
      requireColor(color);
      return journaled((rec, now) => {
        const before = requireHighlight(db, highlightId);
        for (const member of groupMembers(db, before)) {
          if (member.color !== color) rec.update('highlight', { id: member.id }, { color, updated_at: now });
        }
        return {
          value: requireHighlight(db, highlightId),
          op: 'highlight.recolor',
          description: `Colour “${shortQuote(before.quote)}” ${color}`,
        };
      });
    },

    /** Sets (or with '' clears) the highlight's comment; one undo step. */
    updateHighlightComment(highlightId: number, comment: string): Highlight {
      const text = normalizeComment(comment);
      return journaled((rec, now) => {
        const before = requireHighlight(db, highlightId);
        if (before.comment !== text) rec.update('highlight', { id: highlightId }, { comment: text, updated_at: now });
        return {
          value: requireHighlight(db, highlightId),
          op: 'highlight.comment',
          description:
            text === ''
              ? `Remove comment on “${shortQuote(before.quote)}”`
              : `Comment on “${shortQuote(before.quote)}”`,
        };
      });
    },

    /** Returns the highlight as it was, so the caller can name what undo would bring back. */
    deleteHighlight(highlightId: number): Highlight {
      return journaled((rec) => {
        const highlight = requireHighlight(db, highlightId);
        for (const member of groupMembers(db, highlight)) {
          const tagIds = db.prepare('SELECT tag_id FROM highlight_tag WHERE highlight_id = ?').all(member.id) as Array<{
            tag_id: number;
          }>;
          for (const { tag_id } of tagIds) rec.remove('highlight_tag', { highlight_id: member.id, tag_id });
          rec.remove('highlight', { id: member.id });
        }
        return {
          value: highlight,
          op: 'highlight.delete',
          description: `Delete highlight “${shortQuote(highlight.quote)}”`,
        };
      });
    },

    tagHighlight(highlightId: number, tag: string): Highlight {
      const name = normalizeTagName(tag);
      return journaled((rec, now) => {
        const highlight = requireHighlight(db, highlightId);
        const tagId = ensureTag(rec, name, now);
        for (const member of groupMembers(db, highlight)) {
          if (attach(rec, 'highlight_tag', { highlight_id: member.id, tag_id: tagId })) {
            rec.update('highlight', { id: member.id }, { updated_at: now });
          }
        }
        return {
          value: requireHighlight(db, highlightId),
          op: 'highlight.tag',
          description: `Tag highlight “${name}”`,
        };
      });
    },

    /** Untagging a tag the highlight does not carry changes nothing and is not an error. */
    untagHighlight(highlightId: number, tag: string): Highlight {
      const name = normalizeTagName(tag);
      return journaled((rec, now) => {
        const highlight = requireHighlight(db, highlightId);
        const found = findTagFolded(db, name);
        for (const member of found ? groupMembers(db, highlight) : []) {
          if (found && rec.remove('highlight_tag', { highlight_id: member.id, tag_id: found.id })) {
            rec.update('highlight', { id: member.id }, { updated_at: now });
          }
        }
        return {
          value: requireHighlight(db, highlightId),
          op: 'highlight.untag',
          description: `Untag highlight “${found?.name ?? name}”`,
        };
      });
    },
  };
}

/** The highlight and every other member of its group: a change to one is a change to all. */
function groupMembers(db: Db, highlight: Highlight): Array<{ id: number; color: string }> {
  if (highlight.groupId === null) return [{ id: highlight.id, color: highlight.color }];
  return db.prepare('SELECT id, color FROM highlight WHERE group_id = ? ORDER BY id').all(highlight.groupId) as Array<{
    id: number;
    color: string;
  }>;
}

function paragraphOrders(db: Db, ids: readonly number[]): Map<number, number> {
  const rows = db
    .prepare('SELECT id, ord FROM paragraph WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as Array<{ id: number; ord: number }>;
  return new Map(rows.map((r) => [r.id, r.ord]));
}

/** A comment as stored: plain text, line breaks as \n, no surrounding blank space, at most the contract's length. */
export function normalizeComment(comment: string): string {
  const text = comment.replace(/\r\n?/g, '\n').trim();
  // eslint-disable-next-line no-control-regex -- the control characters are what is refused
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)) {
    throw new LibraryError('invalid-argument', 'A comment is plain text: it cannot hold control characters.');
  }
  if (text.length > maxHighlightCommentLength) {
    throw new LibraryError(
      'invalid-argument',
      `A comment holds at most ${maxHighlightCommentLength} characters (this one has ${text.length}).`,
    );
  }
  return text;
}

function requireColor(color: string): void {
  if (!(highlightColors as readonly string[]).includes(color)) {
    throw new LibraryError('invalid-argument', `"${color}" is not a highlight colour (${highlightColors.join(', ')}).`);
  }
}
