import { randomUUID } from 'node:crypto';
import type { QdpxImportCounts } from '../../../preload/contract/api';
import type { Removal } from '../../../preload/contract/articleTypes';
import { maxHighlightCommentLength } from '../../../preload/contract/annotationTypes';
import { anchorContextLength } from '../annotations/highlightAnchor';
import { addTagDescription } from '../codebook/tagDescriptions';
import { readableNote } from '../annotations/readableNote';
import { createBackupWriter, type BackupWriter } from '../export/backupWriter';
import { prepareFileImport } from '../import/prepareImport';
import { discardHistory } from '../journal/journalEntries';
import { LibraryError } from '../libraryError';
import { findArticleByHash, insertArticle } from '../store/articles';
import type { Db } from '../store/openDatabase';
import { readParagraphs } from '../store/paragraphs';
import { alignText } from './alignText';
import { codeDescription, paragraphSelectionMark } from './buildProject';
import { utf16Offsets } from './codePoints';
import { detectPositionUnit, toUtf16 } from './positionUnits';
import { readProject, type QdaProject, type QdaSelection, type QdaSource } from './readProject';
import { addImportedJournalEntry, mergeImportedMemo } from '../memos/importMemos';
import { readQdpxFiles } from './readQdpxFiles';
import { writeImportedValues } from './qdaVariables';

/**
 * Imports a REFI-QDA project (`.qdpx`, a bare `.qde`/`.xml` with its `sources/` folder, or a
 * project folder) in one transaction: all of it or, on any error, nothing. Each text source goes
 * through the file import (cleaned and hashed as any .txt; an article the library has is reused),
 * codes become tags with their tree and colours, selections highlights on the same characters
 * (the position unit worked out per source), notes highlight comments or paragraph notes.
 */
export function importQdpx(db: Db, file: string, now: string): QdpxImportCounts {
  const files = readQdpxFiles(file);
  const project = readProject(files);
  return db
    .transaction(() => {
      const before = totalChanges(db);
      const counts = writeProject(db, project, now);
      if (totalChanges(db) > before) discardHistory(db);
      return counts;
    })
    .immediate();
}

function writeProject(db: Db, project: QdaProject, now: string): QdpxImportCounts {
  const writer = createBackupWriter(db, now);
  const counts: QdpxImportCounts = {
    articlesAdded: 0,
    articlesAlreadyPresent: 0,
    tagsAdded: 0,
    highlightsAdded: 0,
    paragraphTagsAdded: 0,
    notesAdded: 0,
    selectionsSkipped: 0,
    sourcesSkipped: project.skippedSources,
    sourcesInUtf16: 0,
    attributeValuesAdded: 0,
    memosAdded: 0,
  };
  const tagOf = new Map<string, string>();
  for (const code of project.codes) {
    const id = writer.tagId(code.path, code.color);
    tagOf.set(code.guid, code.path);
    if (code.description !== '') addTagDescription(db, id, codeDescription(code.description, now, code.path));
  }
  const valuesOf: Array<{ articleId: number; values: QdaSource['variables'] }> = [];
  for (const source of project.sources) {
    const articleId = writeSource(db, writer, source, now, tagOf, counts, project.origin === 'Pizhu');
    if (articleId !== null) valuesOf.push({ articleId, values: source.variables });
  }
  counts.attributeValuesAdded = writeImportedValues(db, project.variables, valuesOf, now);
  // The project's own notes are the journal's entries (a project memo in the tools that write them).
  for (const note of project.projectNotes) {
    const created = note.createdAt !== null && !Number.isNaN(Date.parse(note.createdAt)) ? new Date(note.createdAt).toISOString() : now;
    if (addImportedJournalEntry(db, memoOf(note.text, created, project.origin === 'Pizhu'))) counts.memosAdded++;
  }
  counts.tagsAdded = writer.counts.tagsAdded;
  counts.highlightsAdded = writer.counts.highlightsAdded;
  counts.paragraphTagsAdded = writer.counts.paragraphTagsAdded;
  counts.notesAdded = writer.counts.notesAdded + writer.counts.notesJoined;
  return counts;
}

interface PlacedParagraph {
  id: number;
  text: string;
  removals: Removal[];
  /** Where its raw text starts and ends in the decoded source. */
  from: number;
  to: number;
}

function writeSource(
  db: Db,
  writer: BackupWriter,
  source: QdaSource,
  now: string,
  tagOf: Map<string, string>,
  counts: QdpxImportCounts,
  markdownNotes: boolean,
): number | null {
  if (source.text.trim() === '') {
    counts.sourcesSkipped++;
    counts.selectionsSkipped += source.selections.length;
    return null;
  }
  const bytes = new TextEncoder().encode(source.text);
  let article;
  try {
    // eslint-disable-next-line no-control-regex -- the control characters are what is matched
    article = prepareFileImport(bytes, `${source.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120)}.txt`);
  } catch (error) {
    if (error instanceof LibraryError) {
      throw new LibraryError(error.code, `The source "${source.name}": ${error.message} Nothing was imported.`);
    }
    throw error;
  }
  const existing = findArticleByHash(db, article.contentHash);
  const articleId = existing ? existing.id : insertArticle(db, article, now);
  if (existing) counts.articlesAlreadyPresent++;
  else counts.articlesAdded++;

  const decoded = article.rawText;
  const paragraphs: PlacedParagraph[] = [];
  let cursor = 0;
  for (const p of readParagraphs(db, articleId, null)) {
    const at = decoded.indexOf(p.raw, cursor);
    if (at < 0) continue;
    paragraphs.push({ id: p.id, text: p.text, removals: p.removals, from: at, to: at + p.raw.length });
    cursor = at + p.raw.length;
  }
  const align = alignText(source.text, decoded);
  const unit = detectPositionUnit(source.text, source.selections);
  if (unit === 'utf-16' && source.selections.length > 0) counts.sourcesInUtf16++;
  const points = utf16Offsets(source.text);
  const toDecoded = (position: number): number | null => {
    const offset = toUtf16(unit, points, position);
    if (offset === null) return null;
    return align ? (align[offset] ?? null) : offset;
  };

  // NVivo writes a selection per code, f4 one for the codes and one for the memo: one highlight per range.
  const byRange = new Map<string, QdaSelection>();
  for (const s of source.selections) {
    const key = `${s.start}:${s.end}:${s.description === paragraphSelectionMark ? 'p' : 'h'}`;
    const known = byRange.get(key);
    if (known) {
      known.codes.push(...s.codes.filter((c) => !known.codes.includes(c)));
      known.notes.push(...s.notes.filter((n) => !known.notes.includes(n)));
    } else byRange.set(key, { ...s, codes: [...s.codes], notes: [...s.notes] });
  }
  const firstParagraph = paragraphs[0];
  // Prepared once for the source: a project's selections run to the thousands.
  const highlightAt = db.prepare('SELECT id FROM highlight WHERE paragraph_id = ? AND start_offset = ? AND end_offset = ?').pluck();
  // A note on the whole source (a document memo) is the article's memo.
  for (const note of source.notes) {
    if (mergeImportedMemo(db, articleId, memoOf(note, now, markdownNotes), now) !== 'held') counts.memosAdded++;
  }

  for (const s of byRange.values()) {
    const start = toDecoded(s.start);
    const end = toDecoded(s.end);
    const tags = s.codes.flatMap((guid) => tagOf.get(guid) ?? []);
    if (start === null || end === null) {
      counts.selectionsSkipped++;
      continue;
    }
    const pieces: Array<{ paragraph: PlacedParagraph; start: number; end: number }> = [];
    for (const paragraph of paragraphs) {
      if (paragraph.to <= start || paragraph.from >= end) continue;
      const from = textOffset(paragraph, Math.max(start, paragraph.from) - paragraph.from);
      const to = textOffset(paragraph, Math.min(end, paragraph.to) - paragraph.from);
      if (to > from) pieces.push({ paragraph, start: from, end: to });
    }
    if (pieces.length === 0) {
      counts.selectionsSkipped++;
      continue;
    }
    const only = pieces.length === 1 ? pieces[0] : undefined;
    if (
      s.description === paragraphSelectionMark &&
      only &&
      only.start === 0 &&
      only.end === only.paragraph.text.length
    ) {
      writer.tagParagraph(only.paragraph.id, tags);
      for (const note of s.notes) writer.putNote(only.paragraph.id, noteOf(note, now, markdownNotes));
      continue;
    }
    const comment = s.notes.join('\n\n');
    const fits = comment.length <= maxHighlightCommentLength;
    if (!fits && firstParagraph) writer.putNote(pieces[0]!.paragraph.id, noteOf(comment, now, markdownNotes));
    const group = pieces.length > 1 ? randomUUID() : undefined;
    const created = s.createdAt && !Number.isNaN(Date.parse(s.createdAt)) ? new Date(s.createdAt).toISOString() : now;
    for (const piece of pieces) {
      const text = piece.paragraph.text;
      const existingId = highlightAt.get(piece.paragraph.id, piece.start, piece.end) as number | undefined;
      if (existingId !== undefined) {
        writer.tagHighlight(existingId, tags);
        continue;
      }
      writer.insertHighlight(
        articleId,
        piece.paragraph.id,
        {
          paragraph: null,
          start: piece.start,
          end: piece.end,
          quote: text.slice(piece.start, piece.end),
          prefix: text.slice(Math.max(0, piece.start - anchorContextLength), piece.start),
          suffix: text.slice(piece.end, piece.end + anchorContextLength),
          color: 'yellow',
          tags,
          ...(fits && comment !== '' ? { comment } : {}),
          createdAt: created,
          updatedAt: created,
          ...(group ? { group } : {}),
        },
        { start: piece.start, end: piece.end },
      );
    }
  }
  return articleId;
}

/** A raw offset of the paragraph as an offset of its text: a removed span before it is taken out, one it falls in snaps to its edge. */
function textOffset(paragraph: PlacedParagraph, raw: number): number {
  let removed = 0;
  for (const r of paragraph.removals) {
    if (r.end <= raw) removed += r.end - r.start;
    else if (r.start < raw) return r.start - removed;
  }
  return Math.min(paragraph.text.length, raw - removed);
}

/**
 * A note from its text. Pizhu writes a note's Markdown (the plain text is made from it again);
 * another tool's note is plain text, read as Markdown only where that keeps its words (readableNote).
 */
function noteOf(text: string, now: string, markdown: boolean) {
  return readableNote(noteForms(text, now, markdown));
}

/** A memo from a note's text, dated `at`: its forms as noteOf reads them, which the memo merge makes readable. */
function memoOf(text: string, at: string, markdown: boolean) {
  return { ...noteForms(text, at, markdown), createdAt: at };
}

function noteForms(text: string, at: string, markdown: boolean) {
  return { editorState: '', plainText: markdown ? '' : text, markdown: text, updatedAt: at };
}

function totalChanges(db: Db): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}
