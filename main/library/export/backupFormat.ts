import {
  attributeKinds,
  maxAttributeChoices,
  maxAttributeNameLength,
  maxAttributes,
  maxAttributeValueLength,
} from '../../../preload/contract/attributeTypes';
import { z } from 'zod';
import { sourceRegions } from '../../../preload/common/conversionTable';
import { highlightColors, maxHighlightCommentLength } from '../../../preload/contract/annotationTypes';
import { paragraphFlags, paragraphKinds, type Removal } from '../../../preload/contract/articleTypes';
import { maxArticleLength } from '../import/importLimits';
import { maxTagDescriptionPartLength } from '../../../preload/contract/codebookTypes';
import { maxOverrideTermLength, maxTermOverrides, overrideModes } from '../../../preload/contract/termOverrideTypes';
import {
  maxVocabularyReadingLength,
  maxVocabularySenseLength,
  maxVocabularySentenceLength,
  maxVocabularyWordLength,
} from '../../../preload/contract/vocabularyTypes';

/**
 * The JSON backup, version 9: the whole library without database ids (so an export imported
 * into an empty library exports again to the same JSON) and without what is derived from the
 * text (text hashes, the search index), which an import recomputes.
 * docs/backup-format.md explains it and docs/backup.schema.json is its JSON Schema; the tests
 * hold this zod schema, that file and the exporter to each other.
 */
export const backupFormatName = 'pizhu-backup';
export const backupVersion = 9;
/**
 * What a backup holding no unplaced note or tag is written as: version 9 is version 8 with them,
 * so such a file is a version 8 file, which a Pizhu from before them reads too.
 */
export const backupVersionWithoutUnplaced = 8;
/**
 * Every version this Pizhu reads: version 8 is version 9 without the articles' unplaced notes
 * and paragraph tags, version 7 is version 8 without article attributes,
 * version 6 is version 7 without memos (an article's and the journal),
 * version 5 is version 6 without the tags' codebook descriptions,
 * version 4 is version 5 without the term overrides, version 3 is
 * version 4 without the vocabulary, version 2 is version 3 without the person's region correction,
 * version 1 is version 2 without the trash and archive dates.
 */
export const readableBackupVersions = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

const text = z.string();
/**
 * An article's text, a paragraph's and a note's: no longer than a file import admits
 * (import/importLimits), so a backup cannot bring in what an import would refuse. A
 * paragraph is held to the article's length, not to the paragraph length imports now cut
 * at: backups written before the cut may hold longer paragraphs, and they must still restore.
 */
const longText = z
  .string()
  .max(maxArticleLength, `longer than the ${maxArticleLength / (1024 * 1024)} MB of text Pizhu imports per article`);
const nullableText = z.string().nullable();
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const tagNames = z.array(z.string().min(1));

const removal = z.strictObject({
  start: count,
  end: count,
  text,
  reason: z.enum(['pinyin-reading', 'injected-fragment', 'indentation', 'whitespace', 'markup']),
}) satisfies z.ZodType<Removal>;

const note = z.strictObject({
  /** Lexical editor state, as the JSON string the editor saved. */
  editorState: longText,
  plainText: longText,
  markdown: longText,
  updatedAt: text,
});

const paragraph = z.strictObject({
  /** Its index in the article's `paragraphs`, written out for people reading the file. */
  order: count,
  kind: z.enum(paragraphKinds),
  kindByUser: z.boolean(),
  text: longText,
  raw: longText,
  flags: z.array(z.enum(paragraphFlags)),
  removals: z.array(removal),
  tags: tagNames,
  note: note.nullable(),
});

const highlight = z.strictObject({
  /** The `order` of its paragraph; null, with null offsets, for an orphan. */
  paragraph: count.nullable(),
  start: count.nullable(),
  end: count.nullable(),
  quote: longText,
  prefix: longText,
  suffix: longText,
  color: z.enum(highlightColors),
  tags: tagNames,
  /** The person's comment (plain text); absent when there is none. Optional: older backups still import. */
  comment: z.string().max(maxHighlightCommentLength).optional(),
  createdAt: text,
  updatedAt: text,
  /**
   * Shared by the members of a highlight group (a selection over several paragraphs); absent for
   * a highlight alone. Optional: backups written before groups existed still import.
   */
  group: z.string().min(1).max(100).optional(),
});

const metadataEdits = z
  .strictObject({
    title: text,
    subtitle: nullableText,
    source: nullableText,
    author: nullableText,
    publishedAt: nullableText,
    url: nullableText,
  })
  .partial();

/** A memo (issue #18): an article's or a journal entry, rich text kept as a note is, with its date. */
const memo = note.extend({ createdAt: text });

/** An article attribute's definition (issue #18): its values are on the articles, by its name. */
const attribute = z.strictObject({
  name: z.string().min(1).max(maxAttributeNameLength),
  kind: z.enum(attributeKinds),
  choices: z.array(z.string().min(1).max(maxAttributeValueLength)).max(maxAttributeChoices),
  createdAt: text,
});

/**
 * A note or paragraph tag another device made on its split of the article's text, which no
 * paragraph here was known to match (sync, #19): the library lists it with the article, unplaced.
 * Its words live in that device's entry of the article's sync document, which a backup does not
 * hold; so they are here. `key` is the entry's key in the document; `madeBy` its maker's name
 * ('' when unknown); `setAside` whether the person set it aside in the reader.
 */
const unplacedKey = z.string().min(1).max(200);
const unplacedEntry = z.discriminatedUnion('kind', [
  z.strictObject({
    key: unplacedKey,
    kind: z.literal('note'),
    plainText: longText.min(1),
    markdown: longText,
    madeBy: text,
    updatedAt: text,
    setAside: z.boolean(),
  }),
  z.strictObject({
    key: unplacedKey,
    kind: z.literal('paragraphTag'),
    tag: z.string().min(1),
    madeBy: text,
    setAside: z.boolean(),
  }),
]);

const article = z.strictObject({
  /** SHA-256 of the imported file's bytes: how an import recognises an article it already has. */
  contentHash: z.string().min(1),
  fileName: nullableText,
  format: z.enum(['txt', 'md', 'html', 'paste']),
  encoding: text,
  /** The text exactly as imported, before cleaning. */
  rawText: longText,
  title: text,
  titleInferred: z.boolean(),
  subtitle: nullableText,
  source: nullableText,
  author: nullableText,
  publishedAt: nullableText,
  url: nullableText,
  /** Metadata fields the reader edited by hand; a re-clean keeps them. */
  metadataEdits,
  script: z.enum(['simplified', 'traditional', 'mixed', 'unknown']),
  readingPosition: count,
  importedAt: text,
  lastOpenedAt: nullableText,
  /**
   * When the article went to the trash and when it was archived, null when it is not. Absent in
   * version 1 backups (written before the trash), which read as neither.
   */
  trashedAt: nullableText.default(null),
  archivedAt: nullableText.default(null),
  /**
   * Where the person said the article comes from (the reader's Source menu), null when they did
   * not: the detected region is worked out from the text again. Absent before version 3, where
   * it reads as null.
   */
  regionCorrected: z.enum(sourceRegions).nullable().default(null),
  paragraphs: z.array(paragraph).refine(
    (paragraphs) => paragraphs.reduce((n, p) => n + p.raw.length, 0) <= maxArticleLength,
    `its paragraphs hold more than the ${maxArticleLength / (1024 * 1024)} MB of text Pizhu imports per article`,
  ),
  highlights: z.array(highlight),
  /** The article's memo; absent when it has none, and in backups before version 7. */
  memo: memo.optional(),
  /** The article's attribute values by attribute name; absent when it has none, and in backups before version 8. */
  attributes: z.record(z.string().min(1).max(maxAttributeNameLength), z.string().min(1).max(maxAttributeValueLength)).optional(),
  /** Its unplaced notes and paragraph tags, notes first, by key; absent when it has none, and before version 9. */
  unplaced: z.array(unplacedEntry).optional(),
});

/** A word of the vocabulary: its article by content hash and its paragraph by position, as a highlight's. */
const vocabularyEntry = z.strictObject({
  word: z.string().min(1).max(maxVocabularyWordLength),
  storedWord: z.string().max(maxVocabularyWordLength * 4),
  reading: z.string().max(maxVocabularyReadingLength),
  sense: z.string().max(maxVocabularySenseLength),
  sentence: z.string().max(maxVocabularySentenceLength),
  sentenceOffset: count,
  /** The content hash of the article it was found in; null once that article was deleted for good. */
  article: z.string().min(1).nullable(),
  /** The `order` of its paragraph; null when it has none. */
  paragraph: count.nullable(),
  start: count,
  end: count,
  createdAt: text,
  updatedAt: text,
});

/** A term override (issue #15 item 6): the library reads `source` as `target` in `modes`. */
const termOverride = z.strictObject({
  source: z.string().min(1).max(maxOverrideTermLength),
  target: z.string().min(1).max(maxOverrideTermLength),
  modes: z.array(z.enum(overrideModes)).min(1),
  createdAt: text,
});

/** A tag's codebook description (issue #18): four plain-text parts and when they were last changed. */
const descriptionPart = z.string().max(maxTagDescriptionPartLength);
const tagDescription = z.strictObject({
  definition: descriptionPart,
  inclusion: descriptionPart,
  exclusion: descriptionPart,
  example: descriptionPart,
  updatedAt: text,
});

const tag = z.strictObject({
  name: z.string().min(1),
  color: nullableText,
  createdAt: text,
  /** Its codebook description; absent when it has none, and in backups before version 6. */
  description: tagDescription.optional(),
});

export const backupSchema = z.strictObject({
  format: z.literal(backupFormatName),
  version: z.literal(readableBackupVersions),
  exportedAt: text,
  articles: z.array(article),
  tags: z.array(tag),
  /** Absent before version 4, where it reads as none. */
  vocabulary: z.array(vocabularyEntry).default([]),
  /** Absent before version 5, where it reads as none. */
  termOverrides: z.array(termOverride).max(maxTermOverrides).default([]),
  /** The library journal's entries, oldest first; absent before version 7, where it reads as none. */
  libraryJournal: z.array(memo).default([]),
  /** The article attributes defined; absent before version 8, where it reads as none. */
  attributes: z.array(attribute).max(maxAttributes).default([]),
});

export type Backup = z.infer<typeof backupSchema>;
export type BackupArticle = z.infer<typeof article>;
export type BackupParagraph = z.infer<typeof paragraph>;
export type BackupHighlight = z.infer<typeof highlight>;
export type BackupNote = z.infer<typeof note>;
export type BackupTag = z.infer<typeof tag>;
export type BackupVocabularyEntry = z.infer<typeof vocabularyEntry>;
export type BackupTermOverride = z.infer<typeof termOverride>;
export type BackupMemo = z.infer<typeof memo>;
export type BackupAttribute = z.infer<typeof attribute>;
export type BackupUnplaced = z.infer<typeof unplacedEntry>;
