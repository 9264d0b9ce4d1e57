import { z } from 'zod';
import type { Method, RequestOf } from '../../preload/contract/api';
import {
  highlightColors,
  maxHighlightCommentLength,
  maxHighlightGroupParagraphs,
  maxTagNameLength,
} from '../../preload/contract/annotationTypes';
import { paragraphKinds } from '../../preload/contract/articleTypes';
import {
  articleListSorts,
  articleListViews,
  maxArticleIdRows,
  maxArticlePageRows,
  titleCollations,
} from '../../preload/contract/articlePageTypes';
import { droppedFiles } from './droppedFileSchema';
import { maxTagLevelRows } from '../../preload/contract/tagLevelTypes';
import { maxTaggedPassageRows } from '../../preload/contract/taggedPassagePageTypes';
import { scriptModes } from '../../preload/common/scriptModes';
import {
  maxCodedConcordanceLines,
  maxConcordanceContext,
  maxConcordanceWordLength,
  maxStopWordLength,
  maxStopWords,
  maxWordsAnswerRows,
} from '../../preload/contract/analysisTypes';
import { sourceRegions } from '../../preload/common/conversionTable';
import { uiLocales } from '../../preload/common/uiLocales';
import { maxSyncTokenLength, maxSyncUrlLength } from '../../preload/contract/syncTypes';
import { maxMemberNameLength, memberColors } from '../../preload/contract/teamTypes';
import {
  maxVocabularyReadingLength,
  maxVocabularySenseLength,
  maxVocabularySentenceLength,
  maxVocabularyWordLength,
  vocabularyExportFormats,
} from '../../preload/contract/vocabularyTypes';
import { maxOverrideTermLength, overrideModes } from '../../preload/contract/termOverrideTypes';
import { maxLookupTextLength } from '../../preload/contract/dictionaryTypes';
import { maxReadingTextLength, maxReadingTexts, maxReadingTotalLength } from '../../preload/contract/readingTypes';
import { maxTagDescriptionPartLength } from '../../preload/contract/codebookTypes';
import {
  attributeKinds,
  maxAttributeArticles,
  maxAttributeChoices,
  maxAttributeNameLength,
  maxAttributeValueLength,
} from '../../preload/contract/attributeTypes';
import { cooccurrenceScopes, matrixExportFormats, maxCooccurrenceDistance } from '../../preload/contract/matrixTypes';
import { maxMemoEditorStateLength, maxMemoMarkdownLength, maxMemoPlainTextLength } from '../../preload/contract/memoTypes';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/**
 * Every string that crosses IPC: half of a surrogate pair is not text (stored, it comes back as
 * U+FFFD replacement characters), so it is refused here, by name, before anything is written.
 */
const text = (maxLength: number) =>
  z
    .string()
    .max(maxLength)
    .refine(
      (value) => !/\p{Cs}/u.test(value),
      'contains a lone UTF-16 surrogate (half of a character), which is not text; nothing was changed',
    );
const shortText = text(2_000);
const nullableText = shortText.nullable();
// \s covers the ideographic space too: a title of spaces is no title.
const title = shortText.refine((value) => /\S/.test(value), 'needs a character that is not a space');
const offset = z.number().int().min(0).max(10_000_000);
const color = z.enum(highlightColors);
// The library trims and checks the name's parts; this only bounds what crosses IPC.
const tagName = text(maxTagNameLength).min(1);
const searchQuery = text(200).min(1);
/** A term override as the renderer sends it; the library trims it and checks what a shape cannot say. */
const termOverrideRule = {
  source: text(maxOverrideTermLength).min(1),
  target: text(maxOverrideTermLength).min(1),
  modes: z.array(z.enum(overrideModes)).min(1).max(overrideModes.length),
};
/** An attribute's value as the renderer sends it; slack over the stored limit, which the library checks after trimming. */
const attributeValue = text(maxAttributeValueLength * 2).min(1);
/** Which passages a word count reads (analysisTypes' AnalysisSubset); the library checks the tag, articles and attribute exist. */
const analysisSubset = {
  tag: tagName.optional(),
  articleIds: z.array(id).min(1).max(100_000).optional(),
  attribute: z.strictObject({ name: text(maxAttributeNameLength * 2).min(1), value: attributeValue }).optional(),
  includeHidden: z.boolean().optional(),
};
const frequencyUnit = z.union([z.literal('words'), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const itemLimit = z.number().int().min(1).max(1_000_000).optional();
const frequencyRequest = z.strictObject({
  ...analysisSubset,
  unit: frequencyUnit.optional(),
  script: z.enum(scriptModes).optional(),
  limit: itemLimit,
  keepStopWords: z.boolean().optional(),
});
const concordanceRequest = z.strictObject({
  ...analysisSubset,
  word: text(maxConcordanceWordLength).min(1),
  context: z.number().int().min(0).max(maxConcordanceContext).optional(),
  sort: z.enum(['text', 'left', 'right']).optional(),
  limit: itemLimit,
});
const keynessRequest = z.strictObject({
  subset: z.strictObject(analysisSubset),
  unit: frequencyUnit.optional(),
  script: z.enum(scriptModes).optional(),
  limit: itemLimit,
  minOccurrences: z.number().int().min(1).max(1_000_000).optional(),
});
/** What the Words view shows: a limit is required and bounded, so no answer carries a whole library's list (an export may). */
const shownRows = { limit: z.number().int().min(1).max(maxWordsAnswerRows) };
/** The library list's view and filters (without its window): what the list shows. */
const listedArticles = {
  view: z.enum(articleListViews),
  sort: z.enum(articleListSorts),
  collation: z.enum(titleCollations),
  query: text(200),
  // Blank for no tag filter.
  tag: text(maxTagNameLength),
  attribute: z.strictObject({ attributeId: id, value: attributeValue }).optional(),
  groupBy: id.optional(),
};
/** A new attribute or its changes; the library trims and checks the name and list. */
const attributeSpec = {
  name: text(maxAttributeNameLength * 2).min(1),
  kind: z.enum(attributeKinds),
  choices: z.array(text(maxAttributeValueLength * 2)).max(maxAttributeChoices * 2).optional(),
};
/** A matrix as the renderer asks for it (matrixTypes); blank or absent tag for every tag. */
const matrixTag = { tag: text(maxTagNameLength).optional() };
const matrixRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('cooccurrence'),
    scope: z.enum(cooccurrenceScopes),
    within: z.number().int().min(0).max(maxCooccurrenceDistance).optional(),
    ...matrixTag,
  }),
  z.strictObject({ kind: z.literal('article'), ...matrixTag }),
  z.strictObject({ kind: z.literal('attribute'), attributeId: id, ...matrixTag }),
]);
/** YYYY-MM-DD naming a day that exists (2024-02-29 yes, 2023-02-29 and 2024-13-45 no). */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a day of the calendar');

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A memo's three forms of one text, as the editor saves them (a note's limits). */
const memoText = {
  editorState: text(maxMemoEditorStateLength),
  plainText: text(maxMemoPlainTextLength),
  markdown: text(maxMemoMarkdownLength),
  startsStep: z.boolean().optional(),
};

/** What the vocabulary view filters by; every field optional. */
const vocabularyFilter = z.strictObject({
  articleId: id.optional(),
  tag: tagName.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  text: text(200).optional(),
});

/** One schema per method; `strict` so an unexpected field is refused, not ignored. */
export const requestSchemas = {
  getAppInfo: z.undefined(),
  takePendingLink: z.undefined(),
  listArticles: z.undefined(),
  listArticlePage: z.strictObject({
    ...listedArticles,
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(maxArticlePageRows),
    around: id.optional(),
  }),
  listArticleIds: z.strictObject({
    ...listedArticles,
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(maxArticleIdRows),
  }),
  getArticle: z.strictObject({ articleId: id }),
  setReadingPosition: z.strictObject({ articleId: id, paragraphOrder: z.number().int().min(0).max(1_000_000) }),
  // A key is an entry's name in the article's sync document (`note/12@<16 hex>`, or an assignment's with a tag uid).
  setUnplacedDismissed: z.strictObject({ articleId: id, key: z.string().min(1).max(200), dismissed: z.boolean() }),
  placeUnplaced: z.strictObject({ articleId: id, key: z.string().min(1).max(200), paragraphId: id }),
  importFiles: z.undefined(),
  importText: z.strictObject({ text: text(20 * 1024 * 1024), title: title.optional() }),
  importDropped: z.strictObject({ files: droppedFiles }),
  getImportProgress: z.undefined(),
  getExportProgress: z.undefined(),
  cancelImport: z.undefined(),
  keepDuplicate: z.strictObject({ keepId: id }),
  updateMetadata: z.strictObject({
    articleId: id,
    changes: z
      .strictObject({
        title,
        titleInferred: z.boolean(),
        subtitle: nullableText,
        source: nullableText,
        author: nullableText,
        publishedAt: calendarDate.nullable(),
        url: nullableText,
      })
      .partial(),
  }),
  reclassifyParagraph: z.strictObject({ paragraphId: id, kind: z.enum(paragraphKinds) }),
  setArticleRegion: z.strictObject({ articleId: id, region: z.enum(sourceRegions).nullable() }),
  recleanArticle: z.strictObject({ articleId: id }),
  trashArticle: z.strictObject({ articleId: id }),
  restoreArticle: z.strictObject({ articleId: id }),
  setArchived: z.strictObject({ articleId: id, archived: z.boolean() }),
  listTrash: z.undefined(),
  listArticleDuplicates: z.strictObject({ articleId: id }),
  compareArticles: z.strictObject({ left: id, right: id }),
  emptyTrash: z.undefined(),
  getLastOpenedArticle: z.undefined(),
  createHighlight: z.strictObject({
    paragraphId: id,
    start: offset,
    end: offset,
    color,
    tags: z.array(tagName).max(50).optional(),
  }),
  createHighlightGroup: z.strictObject({
    ranges: z
      .array(z.strictObject({ paragraphId: id, start: offset, end: offset }))
      .min(2)
      .max(maxHighlightGroupParagraphs),
    color,
    tags: z.array(tagName).max(50).optional(),
  }),
  updateHighlight: z.strictObject({ highlightId: id, color }),
  // Slack over the stored limit: surrounding blank space is trimmed before the library counts.
  updateHighlightComment: z.strictObject({ highlightId: id, comment: z.string().max(maxHighlightCommentLength * 2) }),
  deleteHighlight: z.strictObject({ highlightId: id }),
  tagHighlight: z.strictObject({ highlightId: id, tag: tagName }),
  untagHighlight: z.strictObject({ highlightId: id, tag: tagName }),
  tagParagraph: z.strictObject({ paragraphId: id, tag: tagName }),
  untagParagraph: z.strictObject({ paragraphId: id, tag: tagName }),
  listTags: z.undefined(),
  listTagLevel: z.strictObject({
    parent: z.union([z.literal(''), tagName]),
    offset: z.number().int().min(0).max(1_000_000),
    limit: z.number().int().min(1).max(maxTagLevelRows),
  }),
  renameTag: z.strictObject({ from: tagName, to: tagName }),
  mergeTags: z.strictObject({ from: tagName, into: tagName }),
  deleteTag: z.strictObject({ name: tagName }),
  describeTag: z.strictObject({
    tag: tagName,
    // Slack over the stored limit: surrounding blank space is trimmed before the library counts.
    description: z.strictObject({
      definition: text(maxTagDescriptionPartLength * 2),
      inclusion: text(maxTagDescriptionPartLength * 2),
      exclusion: text(maxTagDescriptionPartLength * 2),
      example: text(maxTagDescriptionPartLength * 2),
    }),
  }),
  listTaggedPassagePage: z.strictObject({
    tag: tagName,
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(maxTaggedPassageRows),
    inTrash: z.boolean().optional(),
  }),
  saveNote: z.strictObject({
    paragraphId: id,
    editorState: text(4 * 1024 * 1024),
    plainText: text(1024 * 1024),
    markdown: text(2 * 1024 * 1024),
    startsStep: z.boolean().optional(),
  }),
  getNote: z.strictObject({ paragraphId: id }),
  getArticleMemo: z.strictObject({ articleId: id }),
  saveArticleMemo: z.strictObject({ articleId: id, ...memoText }),
  listJournal: z.undefined(),
  saveJournalEntry: z.strictObject({ id: id.optional(), ...memoText }),
  removeJournalEntry: z.strictObject({ id }),
  undo: z.undefined(),
  redo: z.undefined(),
  addVocabulary: z.strictObject({
    paragraphId: id,
    start: offset,
    end: offset,
    word: text(maxVocabularyWordLength).min(1),
    // Slack over the stored limits: surrounding blank space is trimmed before the library counts.
    reading: text(maxVocabularyReadingLength * 2).optional(),
    sense: text(maxVocabularySenseLength * 2).optional(),
    sentence: text(maxVocabularySentenceLength).optional(),
    sentenceOffset: z.number().int().min(0).max(maxVocabularySentenceLength).optional(),
  }),
  listVocabulary: vocabularyFilter,
  updateVocabulary: z.strictObject({
    id,
    reading: text(maxVocabularyReadingLength * 2).optional(),
    sense: text(maxVocabularySenseLength * 2).optional(),
  }),
  removeVocabulary: z.strictObject({ id }),
  // The format only: the file comes from main's save dialog.
  exportVocabulary: z.strictObject({ format: z.enum(vocabularyExportFormats), filter: vocabularyFilter.optional() }),
  // No path in any of these: the folder and files come from main's dialogs and settings.
  exportMarkdown: z.strictObject({
    scope: z.union([
      z.literal('library'),
      z.literal('codebook'),
      z.strictObject({ article: id }),
      z.strictObject({ tag: tagName }),
    ]),
    script: z.enum(scriptModes).optional(),
    highlightsOnly: z.boolean().optional(),
    fullText: z.boolean().optional(),
  })
    // Refused here, before main asks for (and keeps) an export folder: a refused call changes nothing.
    .refine((o) => !(o.highlightsOnly === true && o.fullText === true), {
      message: 'A Markdown export is either the full text or the highlights only, not both.',
    }),
  exportBackup: z.undefined(),
  importBackup: z.undefined(),
  restoreJsonBackup: z.undefined(),
  exportW3c: z.undefined(),
  exportQdpx: z.strictObject({ crlf: z.boolean().optional(), atlasNaming: z.boolean().optional() }),
  importQdpx: z.undefined(),
  // No path: the codebook file comes from main's dialogs.
  exportQdc: z.undefined(),
  importQdc: z.undefined(),
  // Not even a backup's name: main offers its own list (restoreFromBackup).
  restoreAutomaticBackup: z.undefined(),
  chooseExportFolder: z.undefined(),
  getExportFolder: z.undefined(),
  getSyncStatus: z.undefined(),
  // Team work (#19): this person's name and one of the offered colours.
  listMembers: z.undefined(),
  setMyMember: z.strictObject({ name: text(maxMemberNameLength * 2).min(1), color: z.enum(memberColors) }),
  // An address, never a path: a sync folder comes from main's dialog (chooseSyncFolder).
  startServerSync: z.strictObject({
    url: z
      .string()
      .max(maxSyncUrlLength)
      .regex(/^wss?:\/\/[^\s/?#]+(\/[^\s]*)?$/, 'a ws:// or wss:// address'),
    token: z.string().min(1).max(maxSyncTokenLength).regex(/^[\x21-\x7e]+$/, 'printable, no spaces').optional(),
  }),
  chooseSyncFolder: z.undefined(),
  stopSync: z.undefined(),
  takeSyncChanges: z.undefined(),
  listSyncConflicts: z.undefined(),
  resolveSyncConflict: z.strictObject({ id, keep: z.enum(['theirs', 'mine']) }),
  setInterfaceLanguage: z.strictObject({ locale: z.enum(uiLocales) }),
  listAttributes: z.undefined(),
  defineAttribute: z.strictObject(attributeSpec),
  updateAttribute: z.strictObject({ id, ...attributeSpec }),
  removeAttribute: z.strictObject({ id }),
  getArticleAttributes: z.strictObject({ articleId: id }),
  // null clears the value.
  setAttributeValue: z.strictObject({
    articleIds: z.array(id).min(1).max(maxAttributeArticles),
    attributeId: id,
    value: attributeValue.nullable(),
  }),
  setAttributeValueOnList: z.strictObject({ list: z.strictObject(listedArticles), attributeId: id, value: attributeValue.nullable() }),
  // No path: the CSV comes from main's open dialog.
  importAttributes: z.undefined(),
  buildMatrix: matrixRequest,
  matrixPassages: z.strictObject({ matrix: matrixRequest, row: tagName, column: text(maxAttributeValueLength * 2).min(1) }),
  // The format only: the file comes from main's save dialog.
  exportMatrix: z.strictObject({ matrix: matrixRequest, format: z.enum(matrixExportFormats) }),
  listTermOverrides: z.undefined(),
  addTermOverride: z.strictObject(termOverrideRule),
  updateTermOverride: z.strictObject({ id, ...termOverrideRule }),
  removeTermOverride: z.strictObject({ id }),
  // No path: the term list file comes from main's dialogs.
  exportTermOverrides: z.undefined(),
  importTermOverrides: z.undefined(),
  lookupWord: z
    .strictObject({
      text: text(maxLookupTextLength).min(1),
      offset: z.number().int().min(0).max(maxLookupTextLength),
      length: z.number().int().min(1).max(maxLookupTextLength).optional(),
    })
    .refine((req) => req.offset < req.text.length, { message: 'offset is past the end of the text', path: ['offset'] }),
  readingWords: z
    .strictObject({ texts: z.array(text(maxReadingTextLength)).min(1).max(maxReadingTexts) })
    .refine((req) => req.texts.reduce((n, t) => n + t.length, 0) <= maxReadingTotalLength, {
      message: `the texts hold more than ${maxReadingTotalLength} characters in all; send them in parts`,
      path: ['texts'],
    }),
  wordFrequencies: frequencyRequest.extend(shownRows),
  getWordsProgress: z.undefined(),
  concordance: concordanceRequest.extend(shownRows),
  codeConcordanceLines: z.strictObject({
    spans: z.array(z.strictObject({ paragraphId: id, start: offset, end: offset })).max(maxCodedConcordanceLines),
    tag: tagName,
    color: color.optional(),
  }),
  wordKeyness: keynessRequest.extend(shownRows),
  getStopWords: z.undefined(),
  setStopWords: z.strictObject({ words: z.array(text(maxStopWordLength * 2)).max(maxStopWords).nullable() }),
  // The table only: the file comes from main's save dialog.
  exportWordsCsv: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('frequencies'), request: frequencyRequest }),
    z.strictObject({ kind: z.literal('concordance'), request: concordanceRequest }),
    z.strictObject({ kind: z.literal('keyness'), request: keynessRequest }),
  ]),
  search: z.strictObject({
    query: searchQuery,
    tag: tagName.optional(),
    articleId: id.optional(),
    includeHidden: z.boolean().optional(),
    limit: z.number().int().min(1).max(500).optional(),
    offset: z.number().int().min(0).max(10_000_000).optional(),
    exactTotal: z.boolean().optional(),
  }),
  autocode: z.strictObject({
    query: searchQuery,
    tag: tagName,
    span: z.boolean(),
    articleId: id.optional(),
    includeHidden: z.boolean().optional(),
    color: color.optional(),
    withinTag: tagName.optional(),
  }),
} satisfies { [M in Method]: z.ZodType<RequestOf<M>> };
