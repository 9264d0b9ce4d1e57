import type { BackupExportResult } from '../../../preload/contract/api';
import type { ParagraphFlag, ParagraphKind, Removal } from '../../../preload/contract/articleTypes';
import { isSourceRegion } from '../../../preload/common/conversionTable';
import type { Db } from '../store/openDatabase';
import { parsedRemovals, rawSql } from '../store/paragraphRaw';
import { rawTextSql } from '../store/rawTextCodec';
import { contentCorrupt } from '../store/contentCorrupt';
import {
  backupFormatName,
  backupVersion,
  backupVersionWithoutUnplaced,
  type Backup,
  type BackupArticle,
  type BackupHighlight,
  type BackupNote,
  type BackupParagraph,
} from './backupFormat';
import type { HighlightRow } from '../store/highlights';
import { highlightRowColumns } from '../store/highlights';
import { highlightColumnsSql } from '../store/highlightContext';
import { groupTagNames, type OwnedTagName } from '../store/tags';
import { requireAbsolutePath, writeTextFile } from '../files/writeTextFile';
import { readBackupVocabulary } from '../vocabulary/backupVocabulary';
import { readTagDescriptions } from '../codebook/tagDescriptions';
import { readBackupOverrides } from '../overrides/backupOverrides';
import { readBackupMemos } from '../memos/backupMemos';
import { readBackupAttributes } from '../attributes/backupAttributes';
import { readBackupUnplaced } from './backupUnplaced';

interface ArticleRow {
  id: number;
  content_hash: string;
  file_name: string | null;
  format: BackupArticle['format'];
  encoding: string;
  /** The raw text read through rawTextSql: null when the stored value holds no text (damage). */
  raw_text_read: string | null;
  title: string;
  title_inferred: number;
  subtitle: string | null;
  source: string | null;
  author: string | null;
  published_at: string | null;
  url: string | null;
  metadata_edits: string;
  script: BackupArticle['script'];
  reading_position: number;
  imported_at: string;
  last_opened_at: string | null;
  trashed_at: string | null;
  archived_at: string | null;
  region_corrected: string | null;
}

interface ParagraphRow {
  id: number;
  article_id: number;
  kind: ParagraphKind;
  kind_by_user: number;
  text: string;
  raw: string;
  flags: string;
  removals: string;
}

interface NoteRow {
  paragraph_id: number;
  editor_state: string;
  plain_text: string;
  markdown: string;
  updated_at: string;
}

/**
 * The whole library as a Backup (docs/backup-format.md), read in one transaction so it is one
 * consistent picture. Everything comes in a fixed order (articles and highlights in the order
 * they were stored, tags by name), so the same library always gives the same JSON.
 */
export function readBackup(db: Db, exportedAt: string): Backup {
  return db.transaction((): Backup => {
    const articleRows = db
      .prepare(`SELECT *, ${rawTextSql('article')} AS raw_text_read FROM article ORDER BY id`)
      .all() as ArticleRow[];
    const paragraphRows = db
      .prepare(
        `SELECT id, article_id, kind, kind_by_user, text, ${rawSql()} AS raw, flags, removals FROM paragraph ORDER BY article_id, ord`,
      )
      .all() as ParagraphRow[];
    const highlightRows = db
      .prepare(
        `SELECT ${highlightColumnsSql(highlightRowColumns, 'h')} FROM highlight h LEFT JOIN paragraph p ON p.id = h.paragraph_id
         ORDER BY h.article_id, p.ord IS NULL, p.ord, h.start_offset, h.end_offset, h.id`,
      )
      .all() as HighlightRow[];
    const nameQuery = (table: 'highlight_tag' | 'paragraph_tag', owner: string) =>
      groupTagNames(
        db
          .prepare(`SELECT x.${owner} AS owner, t.name FROM ${table} x JOIN tag t ON t.id = x.tag_id ORDER BY t.name`)
          .all() as OwnedTagName[],
      );
    const highlightTags = nameQuery('highlight_tag', 'highlight_id');
    const paragraphTags = nameQuery('paragraph_tag', 'paragraph_id');
    const notes = new Map(
      (db.prepare('SELECT * FROM note').all() as NoteRow[]).map((n) => [n.paragraph_id, toNote(n)]),
    );
    const tags = db.prepare('SELECT id, name, color, created_at FROM tag ORDER BY name').all() as Array<{
      id: number;
      name: string;
      color: string | null;
      created_at: string;
    }>;

    const descriptions = readTagDescriptions(db);
    const memos = readBackupMemos(db);
    const attributes = readBackupAttributes(db);
    const unplaced = readBackupUnplaced(db);

    const articles = new Map<number, BackupArticle>();
    for (const row of articleRows) {
      const memo = memos.articleMemos.get(row.id);
      const values = attributes.valuesOf.get(row.id);
      const notPlaced = unplaced.get(row.id);
      articles.set(row.id, {
        ...toArticle(db, row),
        ...(memo ? { memo } : {}),
        ...(values ? { attributes: values } : {}),
        ...(notPlaced ? { unplaced: notPlaced } : {}),
      });
    }
    // Paragraphs are numbered by position, so any stored order gives a file an import accepts.
    const paragraphIndex = new Map<number, number>();
    for (const row of paragraphRows) {
      const article = articles.get(row.article_id);
      if (!article) continue;
      paragraphIndex.set(row.id, article.paragraphs.length);
      article.paragraphs.push(
        toParagraph(row, article.paragraphs.length, paragraphTags.get(row.id), notes.get(row.id)),
      );
    }
    for (const row of highlightRows) {
      articles.get(row.article_id)?.highlights.push(toHighlight(row, paragraphIndex, highlightTags.get(row.id)));
    }
    return {
      format: backupFormatName,
      // Version 9 only where it holds what version 8 cannot: a library without any reads anywhere it did.
      version: unplaced.size > 0 ? backupVersion : backupVersionWithoutUnplaced,
      exportedAt,
      articles: [...articles.values()],
      tags: tags.map((t) => {
        const description = descriptions.get(t.id);
        return { name: t.name, color: t.color, createdAt: t.created_at, ...(description ? { description } : {}) };
      }),
      vocabulary: readBackupVocabulary(db, paragraphIndex),
      termOverrides: readBackupOverrides(db),
      libraryJournal: memos.journal,
      attributes: attributes.attributes,
    };
  })();
}

/** Writes the backup as indented UTF-8 JSON (through a temporary file, so never half a backup). */
export function exportBackup(db: Db, file: string, exportedAt: string): BackupExportResult {
  const target = requireAbsolutePath(file, 'backup file');
  const backup = readBackup(db, exportedAt);
  writeTextFile(target, `${JSON.stringify(backup, null, 2)}\n`, { durable: true });
  return {
    path: target,
    articles: backup.articles.length,
    inTrash: backup.articles.filter((a) => a.trashedAt !== null).length,
    archived: backup.articles.filter((a) => a.archivedAt !== null).length,
    highlights: backup.articles.reduce((n, a) => n + a.highlights.length, 0),
    tags: backup.tags.length,
    notes: backup.articles.reduce((n, a) => n + a.paragraphs.filter((p) => p.note !== null).length, 0),
  };
}

function toArticle(db: Db, row: ArticleRow): BackupArticle {
  const rawText = row.raw_text_read ?? undefined;
  if (rawText === undefined) throw contentCorrupt(db, 'article', row.id);
  return {
    contentHash: row.content_hash,
    fileName: row.file_name,
    format: row.format,
    encoding: row.encoding,
    rawText,
    title: row.title,
    titleInferred: row.title_inferred === 1,
    subtitle: row.subtitle,
    source: row.source,
    author: row.author,
    publishedAt: row.published_at,
    url: row.url,
    metadataEdits: metadataEdits(row.metadata_edits),
    script: row.script,
    readingPosition: row.reading_position,
    importedAt: row.imported_at,
    lastOpenedAt: row.last_opened_at,
    trashedAt: row.trashed_at,
    archivedAt: row.archived_at,
    regionCorrected: isSourceRegion(row.region_corrected) ? row.region_corrected : null,
    paragraphs: [],
    highlights: [],
  };
}

const editableFields = ['title', 'subtitle', 'source', 'author', 'publishedAt', 'url'] as const;

/** The edited fields in one fixed order (the order edits were made in is not kept), so a re-import exports the same. */
function metadataEdits(stored: string): BackupArticle['metadataEdits'] {
  const edits = JSON.parse(stored) as Record<string, string | null>;
  return Object.fromEntries(editableFields.filter((f) => Object.hasOwn(edits, f)).map((f) => [f, edits[f]]));
}

/** Stored as JSON or compactly (store/removalsCodec); one that reads as neither is damage, refused as JSON.parse refused it. */
function storedRemovalsOf(row: ParagraphRow): Removal[] {
  const removals = parsedRemovals(row.removals);
  if (removals === undefined) throw new Error(`The removals of paragraph ${row.id} do not read: the library is damaged.`);
  return removals;
}

function toParagraph(row: ParagraphRow, order: number, tags: string[] = [], note?: BackupNote): BackupParagraph {
  return {
    order,
    kind: row.kind,
    kindByUser: row.kind_by_user === 1,
    text: row.text,
    raw: row.raw,
    flags: JSON.parse(row.flags) as ParagraphFlag[],
    // Keys in the schema's order, which an import stores: the round trip then gives the same JSON.
    removals: storedRemovalsOf(row).map(({ start, end, text, reason }) => ({
      start,
      end,
      text,
      reason,
    })),
    tags,
    note: note ?? null,
  };
}

function toHighlight(
  row: HighlightRow,
  paragraphIndex: ReadonlyMap<number, number>,
  tags: string[] = [],
): BackupHighlight {
  const paragraph = row.paragraph_id === null ? undefined : paragraphIndex.get(row.paragraph_id);
  const placed = paragraph !== undefined;
  return {
    paragraph: placed ? paragraph : null,
    start: placed ? row.start_offset : null,
    end: placed ? row.end_offset : null,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    color: row.color,
    tags,
    ...(row.comment === '' ? {} : { comment: row.comment }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.group_id === null ? {} : { group: row.group_id }),
  };
}

function toNote(row: NoteRow): BackupNote {
  return {
    editorState: row.editor_state,
    plainText: row.plain_text,
    markdown: row.markdown,
    updatedAt: row.updated_at,
  };
}
