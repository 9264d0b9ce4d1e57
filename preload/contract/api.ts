import type { Result } from './errors';
import type { ScriptMode } from '../common/scriptModes';
import type { UiLocale } from '../common/uiLocales';
import type {
  ArticleMetadata,
  ArticleSummary,
  ArticleView,
  DetectedScript,
  ImportOutcome,
  ParagraphKind,
  SourceRegion,
  TrashedArticle,
  UnplacedAnnotation,
} from './articleTypes';
import type { SimilarArticle } from './duplicateTypes';
import type { DroppedFile, ImportProgress } from './importTypes';
import type { ArticlePage, ArticlePageRequest } from './articlePageTypes';
import type { VersionComparison } from './compareTypes';
import type {
  NewVocabularyEntry,
  VocabularyChanges,
  VocabularyEntry,
  VocabularyExportFormat,
  VocabularyExportResult,
  VocabularyFilter,
} from './vocabularyTypes';
import type { TermListExportResult, TermListImportResult, TermOverride, TermOverrideRule } from './termOverrideTypes';
import type { WordLookup } from './dictionaryTypes';
import type { ReadingWord } from './readingTypes';
import type {
  Concordance,
  ConcordanceRequest,
  ConcordanceSpan,
  FrequencyList,
  FrequencyRequest,
  KeynessRequest,
  KeynessResult,
  StopWordList,
  WordsCsvRequest,
  WordsCsvResult,
  WordsProgress,
} from './analysisTypes';
import type { TagDescriptionText } from './codebookTypes';
import type {
  ArticleAttributeValue,
  AttributeCsvImportResult,
  AttributeDefinition,
  AttributeSpec,
  AttributeSummary,
  ListedArticles,
} from './attributeTypes';
import type { Memo, MemoSearchHit, MemoText } from './memoTypes';
import type { Member, MemberColor } from './teamTypes';
import type { Matrix, MatrixExportFormat, MatrixPassage, MatrixRequest } from './matrixTypes';
import type { TagLevelPage, TagLevelRequest } from './tagLevelTypes';
import type { TaggedPassagePage, TaggedPassagePageRequest } from './taggedPassagePageTypes';
import type {
  Highlight,
  HighlightColor,
  Note,
  ParagraphTags,
  RecleanReport,
  TagsChanged,
  TagSummary,
  UndoResult,
} from './annotationTypes';
import type { SyncChanges, SyncConflict, SyncStatus } from './syncTypes';

/** A UTF-16 range [start, end) of a text. */
export interface TextRange {
  start: number;
  end: number;
}

/** One search hit: a paragraph whose text matched, or a paragraph whose note or one of whose highlights' comments matched. */
export interface SearchHit {
  articleId: number;
  articleTitle: string;
  /** The article's detected script: the source side of the converter that shows `text` in a script mode. */
  articleScript: DetectedScript;
  /** Where the article comes from (its correction, else its detected region): with the script, how the reader converts `text`. */
  articleRegion: SourceRegion;
  /** The article is archived: out of the default list, still searched; the hit says so. (The trash is never searched.) */
  articleArchived: boolean;
  paragraphId: number;
  paragraphOrder: number;
  paragraphKind: ParagraphKind;
  /** Where it matched: the paragraph's canonical text, its note, or a comment on a highlight in it. */
  kind: 'paragraph' | 'note' | 'comment';
  /** The paragraph's canonical text, the note's plain text, or the comment. */
  text: string;
  /** The commented highlight (kind 'comment' only). */
  highlightId?: number;
  /** The matched ranges of `text`, sorted, never overlapping: map them into a script mode with its offset map. */
  matches: TextRange[];
}

export interface SearchResult {
  /** One page: text and notes in library order, then comments, then flagged paragraphs (main/library/search/searchPages.ts). */
  hits: SearchHit[];
  /** Hits in all pages; with totalIsLowerBound, more than this many (ask with exactTotal for the count). */
  total: number;
  /** There are more hits than `total`: a page is found without counting them all. */
  totalIsLowerBound?: boolean;
  /** Memos whose text matched (first page of a search without a tag filter only; not in `total`). */
  memos?: MemoSearchHit[];
}

/** What an auto-coding did: counts of passages newly coded, and the articles it changed. */
export interface AutocodeResult {
  /** Paragraphs that gained the tag, or gained a highlight carrying it. */
  paragraphs: number;
  /** Highlights created or newly tagged (span auto-coding only). */
  highlights: number;
  articleIds: number[];
}

/**
 * What a Markdown export covers: one article, one tag with the tags nested under it (a codebook
 * report), the library, or the codebook (every tag with its description, one file).
 */
export type MarkdownExportScope = { article: number } | { tag: string } | 'library' | 'codebook';

/** What the renderer asks to export; never where: the folder is the one main remembers (chooseExportFolder). */
export interface MarkdownExportOptions {
  scope: MarkdownExportScope;
  /** The script the article text is written in; 'original' when absent. */
  script?: ScriptMode;
  /** Each highlight's text only, instead of every annotated paragraph whole with its highlights marked. */
  highlightsOnly?: boolean;
  /**
   * Every body paragraph of each article, the annotated ones with their annotations, and articles
   * with nothing annotated too. Not with highlightsOnly, nor for a tag's report.
   */
  fullText?: boolean;
}

/** What main/library's export takes: the options plus a folder main chose (never one from the renderer). */
export interface MarkdownExportRequest extends MarkdownExportOptions {
  /**
   * An absolute folder, created when missing. The same names on every export; a file is replaced
   * only if this library's export wrote it and nobody changed it since (its manifest), else kept.
   */
  outDir: string;
}

/** Why a Markdown export left a file in its folder as it was. */
export type KeptReason =
  /** Pizhu has no record of writing it: the person's own file, or one from before export manifests. */
  | 'not-written-by-pizhu'
  /** Pizhu wrote it, and it has changed since (edited in Obsidian, say). */
  | 'changed-since-export'
  /** Another library's export wrote it. */
  | 'other-library';

/** A file a Markdown export did not overwrite or remove. */
export interface KeptExportFile {
  path: string;
  reason: KeptReason;
  /** Where the export wrote what it meant to write there; null when it wrote nothing in its place. */
  writtenInstead: string | null;
}

/** An article a Markdown export wrote no file for: it has no highlight, tag or note. */
export interface UnannotatedArticle {
  articleId: number;
  title: string;
}

/**
 * A file Pizhu wrote before and the person has written in since (in Obsidian, say): the export
 * wrote it anew around what they wrote, kept in place.
 */
export interface MergedExportFile {
  path: string;
  /** Passages the person wrote outside Pizhu's marked regions, carried over to the same places. */
  additions: number;
  /** Pizhu's blocks the person edited: their version is kept, marked as theirs, beside Pizhu's new one. */
  editedBlocks: number;
  /** Front-matter properties the person added or changed, kept. */
  properties: number;
}

/** A running Markdown export: files rendered (`rendering`), then files written, of `total`. */
export interface MarkdownExportProgress {
  done: number;
  total: number;
  rendering: boolean;
}

/** What a Markdown export wrote (absolute paths), what it kept as it was, and the articles it skipped. */
export interface MarkdownExportReport {
  files: string[];
  /** Of `files`, those holding what the person wrote in them, carried over. */
  merged: MergedExportFile[];
  kept: KeptExportFile[];
  /** Articles skipped because nothing in them is annotated (an empty file would say nothing). */
  unannotated: UnannotatedArticle[];
}

/** What a JSON backup holds (docs/backup-format.md). */
export interface BackupExportResult {
  path: string;
  articles: number;
  /** Of `articles`, those in the trash and those archived: a backup holds them with their state. */
  inTrash: number;
  archived: number;
  highlights: number;
  tags: number;
  notes: number;
}

/** A W3C Web Annotation export: where it went and how many annotations it holds. */
export interface W3cExportResult {
  path: string;
  annotations: number;
}

/** What other tools require of a REFI-QDA export: MAXQDA's CRLF line endings, ATLAS.ti's file naming. */
export interface QdpxExportOptions {
  /** MAXQDA reads sources with Windows line endings: paragraphs are separated by CRLF (positions count the CR). */
  crlf?: boolean;
  /** ATLAS.ti names the project file after the project (`<name>.qde`) rather than `project.qde`. */
  atlasNaming?: boolean;
}

/** A REFI-QDA project export: where it went and what it holds. */
export interface QdpxExportResult {
  path: string;
  sources: number;
  codes: number;
  selections: number;
  notes: number;
}

/** A REFI-QDA codebook export (.qdc): where it went and how many codes it holds. */
export interface QdcExportResult {
  path: string;
  codes: number;
}

/** What a REFI-QDA codebook import (.qdc) read and added; the library's own tags and descriptions are kept. */
export interface QdcImportCounts {
  codes: number;
  tagsAdded: number;
  descriptionsAdded: number;
}

/** What a REFI-QDA project import added and left out. */
export interface QdpxImportCounts {
  articlesAdded: number;
  articlesAlreadyPresent: number;
  tagsAdded: number;
  highlightsAdded: number;
  paragraphTagsAdded: number;
  notesAdded: number;
  /** Selections that fell on no paragraph's text (blank lines, text the cleaning hid) or were empty. */
  selectionsSkipped: number;
  /** Sources without text, and media sources (pictures, PDFs, audio, video) Pizhu cannot hold. */
  sourcesSkipped: number;
  /** Sources whose positions were read as UTF-16 units (NVivo for Windows) rather than code points. */
  sourcesInUtf16: number;
  /** Article memos (a source's notes) added or joined, and journal entries (the project's notes) added. */
  memosAdded: number;
  /** Variable values (of sources, or of the cases naming them) set as article attributes; the library's own values are kept. */
  attributeValuesAdded: number;
}

/** What a library holds, for a restore's or a merge's preview. */
export interface LibraryCounts {
  articles: number;
  highlights: number;
  notes: number;
  tags: number;
}

/** A restore from a JSON backup that went through: the library now holds what the backup held. */
export interface JsonRestoreResult {
  restored: LibraryCounts;
}

/** What an import of a JSON backup added to the library; nothing is ever overwritten or duplicated. */
export interface BackupImportCounts {
  articlesAdded: number;
  /** Of the articles added, those the backup had in the trash: they went back to the trash. */
  articlesAddedToTrash: number;
  /** Articles already in the library (same content hash): only their annotations were merged. */
  articlesMerged: number;
  highlightsAdded: number;
  highlightsAlreadyPresent: number;
  /** Of the highlights added, those whose place the library's version of the article lacks: kept as orphans. */
  highlightsOrphaned: number;
  tagsAdded: number;
  paragraphTagsAdded: number;
  notesAdded: number;
  /** Notes joined after a different note the paragraph already had. */
  notesJoined: number;
  /** Vocabulary words the library did not have. */
  vocabularyAdded: number;
  /** Term overrides the library did not have (where it reads a source in a mode already, its own is kept). */
  termOverridesAdded: number;
  /** Codebook descriptions of tags that had none in the library (its own are kept). */
  tagDescriptionsAdded: number;
  /** Article memos the library's articles lacked, and journal entries it did not have. */
  memosAdded: number;
  /** Article memos joined after a different memo the article already had. */
  memosJoined: number;
  /** Article attributes the library did not define (by name; its own are kept). */
  attributesAdded: number;
  /** Attribute values the library's articles lacked (an article's own value is kept). */
  attributeValuesAdded: number;
}

export interface AppInfo {
  version: string;
  libraryPath: string;
  /** What the first run did: how many bundled seeds it imported (0 on later runs). */
  seededOnThisRun: number;
}

/**
 * The whole API the renderer may call, as `window.pizhu`. Every method takes at most one
 * plain-object argument and resolves to a Result; main validates every argument.
 */
export interface PizhuApi {
  getAppInfo(): Promise<Result<AppInfo>>;
  /**
   * The pizhu:// link the app was last asked to open (from exported Markdown), once; null when none.
   * Main announces a new one with a `linkEvent` event on window.
   */
  takePendingLink(): Promise<Result<{ articleId: number; paragraphId: number | null } | null>>;
  listArticles(): Promise<Result<ArticleSummary[]>>;
  /** A window of the library pane's list in the asked order and filters, with its counts (issue #16: paged from main). */
  listArticlePage(req: ArticlePageRequest): Promise<Result<ArticlePage>>;
  /** The ids of a stretch of that list, in its order (a Shift+click range, Ctrl+A): at most maxArticleIdRows. */
  listArticleIds(req: Omit<ArticlePageRequest, 'around'>): Promise<Result<{ ids: number[]; total: number }>>;
  getArticle(req: { articleId: number }): Promise<Result<ArticleView>>;
  setReadingPosition(req: { articleId: number; paragraphOrder: number }): Promise<Result<null>>;
  /**
   * Sets one of the article's unplaced notes or tags (ArticleView.unplaced, by its key) aside on
   * this device, or brings it back; nothing of it is removed. Returns the article's list as it now is.
   */
  setUnplacedDismissed(req: {
    articleId: number;
    key: string;
    dismissed: boolean;
  }): Promise<Result<UnplacedAnnotation[]>>;
  /**
   * Places one of the article's unplaced notes or tags on a paragraph of it the person chose, as
   * their own edit (one undo step, synced as any): a note's words join the paragraph's note, a tag
   * goes on the paragraph; the entry is then set aside here, the other device's original untouched.
   * Returns the article's list as it now is.
   */
  placeUnplaced(req: { articleId: number; key: string; paragraphId: number }): Promise<Result<UnplacedAnnotation[]>>;
  /** Opens the system file chooser in main and imports what the person picks. */
  importFiles(): Promise<Result<ImportOutcome[]>>;
  importText(req: { text: string; title?: string }): Promise<Result<ImportOutcome>>;
  /**
   * Files dropped onto the window, as name and bytes read by the page (never a path; see
   * importTypes for the limits main holds them to). One outcome per file, in order.
   */
  importDropped(req: { files: DroppedFile[] }): Promise<Result<ImportOutcome[]>>;
  /**
   * How far the running import (importFiles, importDropped) is; null when none runs. Main
   * announces each step with an `importProgressEvent` event on window.
   */
  getImportProgress(): Promise<Result<ImportProgress | null>>;
  /** Stops the running import between batches: what was imported stays, whole; the call answers what it imported. False when none ran. */
  cancelImport(): Promise<Result<{ cancelled: boolean }>>;
  /** "Keep both": a duplicate the last imports skipped (its outcome's keepId) imported beside its original, linked; one undo step. */
  keepDuplicate(req: { keepId: number }): Promise<Result<ImportOutcome>>;
  updateMetadata(req: { articleId: number; changes: Partial<ArticleMetadata> }): Promise<Result<ArticleView>>;
  reclassifyParagraph(req: { paragraphId: number; kind: ParagraphKind }): Promise<Result<ArticleView>>;
  /** The person's correction of where the article comes from (null: the detected region again); one undo step. */
  setArticleRegion(req: { articleId: number; region: SourceRegion | null }): Promise<Result<ArticleView>>;
  /** Runs the cleaner again; every highlight is re-anchored or reported as an orphan, never dropped. */
  recleanArticle(req: { articleId: number }): Promise<Result<RecleanReport>>;
  /** To the trash (one undo step): annotations kept; out of the list, search, tag views and exports. Answers its title. */
  trashArticle(req: { articleId: number }): Promise<Result<{ title: string }>>;
  /** Out of the trash (one undo step). */
  restoreArticle(req: { articleId: number }): Promise<Result<{ title: string }>>;
  /** Archived articles leave the default list (a filter shows them) and stay searchable; one undo step. */
  setArchived(req: { articleId: number; archived: boolean }): Promise<Result<{ title: string }>>;
  listTrash(): Promise<Result<TrashedArticle[]>>;
  /** The article's copies (the same text) and reposts (the same story, edited) in the library, most alike first. */
  listArticleDuplicates(req: { articleId: number }): Promise<Result<SimilarArticle[]>>;
  /** Two different articles (two versions of a story) aligned paragraph by paragraph, with what each added, cut or changed. */
  compareArticles(req: { left: number; right: number }): Promise<Result<VersionComparison>>;
  /** Deletes the trashed articles and their annotations for good (the renderer asks first); clears undo. */
  emptyTrash(): Promise<Result<{ removed: number }>>;
  /** The article to reopen at start (opened last and not trashed), or null. */
  getLastOpenedArticle(): Promise<Result<number | null>>;

  // Annotations. Every change is one undoable step. A change inside one article answers with
  // what changed (the highlight, the paragraph's tags, the note); a change that can reach many
  // articles (tag rename, merge, delete; undo; redo) answers with the ids of the articles it
  // touched, so an open one among them is fetched again with getArticle.

  /** Offsets are UTF-16 [start, end) into the paragraph's canonical text. */
  createHighlight(req: {
    paragraphId: number;
    start: number;
    end: number;
    color: HighlightColor;
    tags?: string[];
  }): Promise<Result<Highlight>>;
  /**
   * A selection over several paragraphs of one article: one highlight per paragraph (in reading
   * order), linked by a group id, in one undo step. Recolour, tag, untag and delete of any member
   * act on the whole group; each answers with the member asked about.
   */
  createHighlightGroup(req: {
    ranges: Array<{ paragraphId: number; start: number; end: number }>;
    color: HighlightColor;
    tags?: string[];
  }): Promise<Result<Highlight[]>>;
  updateHighlight(req: { highlightId: number; color: HighlightColor }): Promise<Result<Highlight>>;
  /** Sets the highlight's plain-text comment ('' removes it; at most maxHighlightCommentLength); one undo step. */
  updateHighlightComment(req: { highlightId: number; comment: string }): Promise<Result<Highlight>>;
  /** Answers with the highlight as it was; undo brings it back with the same id and tags. */
  deleteHighlight(req: { highlightId: number }): Promise<Result<Highlight>>;
  tagHighlight(req: { highlightId: number; tag: string }): Promise<Result<Highlight>>;
  untagHighlight(req: { highlightId: number; tag: string }): Promise<Result<Highlight>>;
  tagParagraph(req: { paragraphId: number; tag: string }): Promise<Result<ParagraphTags>>;
  untagParagraph(req: { paragraphId: number; tag: string }): Promise<Result<ParagraphTags>>;
  listTags(): Promise<Result<TagSummary[]>>;
  /** One page of one level of the tag tree ('' the top), counted for that page only: the tag pane. */
  listTagLevel(req: TagLevelRequest): Promise<Result<TagLevelPage>>;
  /** Carries nested tags (`a/x` -> `b/x`) and every attachment; onto an existing name it merges. */
  renameTag(req: { from: string; to: string }): Promise<Result<TagsChanged>>;
  mergeTags(req: { from: string; into: string }): Promise<Result<TagsChanged>>;
  /** Deletes the tag, the tags nested under it and their attachments. */
  deleteTag(req: { name: string }): Promise<Result<TagsChanged>>;
  /** The tag's codebook description (four parts, plain text); all four empty removes it. One undo step. */
  describeTag(req: { tag: string; description: TagDescriptionText }): Promise<Result<TagsChanged>>;
  /**
   * One page of the passages with this tag or one nested under it, in article then paragraph order
   * (of the articles outside the trash, or with `inTrash` of those in it), with the exact count of
   * them all: the per-tag view. A whole tag is never sent at once: it can hold 100,000 passages.
   */
  listTaggedPassagePage(req: TaggedPassagePageRequest): Promise<Result<TaggedPassagePage>>;
  /** Answers with the saved note, or null when the plain text was blank and the note was deleted. */
  saveNote(req: {
    paragraphId: number;
    editorState: string;
    plainText: string;
    markdown: string;
    /** The first save since the note was opened: it starts a new undo step (leaving a note ends its step). */
    startsStep?: boolean;
  }): Promise<Result<Note | null>>;
  getNote(req: { paragraphId: number }): Promise<Result<Note | null>>;
  // Memos (memoTypes): an article's memo and the library journal; each save one undo step, typing folded as a note's.

  /** The article's memo, or null when it has none. */
  getArticleMemo(req: { articleId: number }): Promise<Result<Memo | null>>;
  /** Saves the article's memo; null when its plain text was blank and the memo was removed. */
  saveArticleMemo(req: MemoText & { articleId: number }): Promise<Result<Memo | null>>;
  /** The journal's entries, newest first. */
  listJournal(): Promise<Result<Memo[]>>;
  /** A new entry dated now (no id; null for blank text), or that entry saved (blank text removes it: null). */
  saveJournalEntry(req: MemoText & { id?: number }): Promise<Result<Memo | null>>;
  /** Removes a journal entry and answers it as it was; undo brings it back. */
  removeJournalEntry(req: { id: number }): Promise<Result<Memo>>;
  /**
   * Full-text search, script-insensitive (晋江 finds 晉江), over paragraph text and notes. Terms
   * separated by spaces must all match; "quoted phrases" stay whole. Boilerplate paragraphs only
   * with includeHidden. A tag filter keeps paragraphs carrying the tag or a nested one, on the
   * paragraph or on a highlight in it.
   */
  search(req: {
    query: string;
    tag?: string;
    articleId?: number;
    includeHidden?: boolean;
    limit?: number;
    offset?: number;
    /** Count every hit (slower on a common term); otherwise a full page may say only "more than". */
    exactTotal?: boolean;
  }): Promise<Result<SearchResult>>;
  /** Tags every paragraph-text hit (span: false) or highlights every matched span with the tag (span: true); one undo. */
  autocode(req: {
    query: string;
    tag: string;
    span: boolean;
    articleId?: number;
    includeHidden?: boolean;
    color?: HighlightColor;
    /** The search's tag filter: only hits in paragraphs carrying this tag or one under it. */
    withinTag?: string;
  }): Promise<Result<AutocodeResult>>;
  // Paths are main's, never the renderer's: these calls carry intents, and every file or folder
  // they touch comes from a dialog main opens for the call or from the export folder main keeps.

  /**
   * Writes Markdown files for Obsidian into the export folder main remembers and answers with
   * their paths and the files it kept as they were, and why (to show). With no folder chosen yet,
   * main asks first; null when the person cancels.
   */
  exportMarkdown(req: MarkdownExportOptions): Promise<Result<MarkdownExportReport | null>>;
  /** How far the running Markdown export is (the export dialog's progress bar); null when none runs. */
  getExportProgress(): Promise<Result<MarkdownExportProgress | null>>;
  /** Asks where (main's save dialog) and writes the whole library as a versioned JSON backup (docs/backup-format.md); null when cancelled. */
  exportBackup(): Promise<Result<BackupExportResult | null>>;
  /**
   * Merge from JSON: asks which file (main's open dialog), shows what merging it would add and
   * asks to go on (main's dialog), then merges it in, all or nothing; null when cancelled.
   * Clears undo history when it changed something.
   */
  importBackup(): Promise<Result<BackupImportCounts | null>>;
  /** Every highlight as W3C Web Annotations (JSON-LD), to the file main's save dialog names; null when cancelled. */
  exportW3c(): Promise<Result<W3cExportResult | null>>;
  /** The library as a REFI-QDA project (.qdpx) to the file main's save dialog names; null when cancelled. */
  exportQdpx(req: QdpxExportOptions): Promise<Result<QdpxExportResult | null>>;
  /**
   * A REFI-QDA project (.qdpx) main's open dialog names, imported all or nothing; null when
   * cancelled. Clears undo history when it changed something.
   */
  importQdpx(): Promise<Result<QdpxImportCounts | null>>;
  /** The tag tree with colours and descriptions as a REFI-QDA codebook (.qdc), to the file main's save dialog names; null when cancelled. */
  exportQdc(): Promise<Result<QdcExportResult | null>>;
  /** A REFI-QDA codebook (.qdc) main's open dialog names, its codes added as tags all or nothing; null when cancelled. */
  importQdc(): Promise<Result<QdcImportCounts | null>>;
  /**
   * Restore from JSON: asks which file (main's open dialog), builds a library from it alone,
   * shows it beside the current one and asks to replace (main's dialog); the current library is
   * kept as an automatic backup first. What the backup lacks is gone afterwards. Null when cancelled.
   */
  restoreJsonBackup(): Promise<Result<JsonRestoreResult | null>>;
  /**
   * Puts the library back as it was at one of main's automatic backups (daily, and one before
   * every restore). Main lists them in its own dialog and asks again before it restores; the
   * current library is kept as a backup first. The page names no backup. Answers the restored
   * backup's date (ISO); null when cancelled. Everything the page shows must then be read again.
   */
  restoreAutomaticBackup(): Promise<Result<{ restoredFrom: string } | null>>;
  /** Asks the person for the export folder (main's dialog); main keeps it across restarts. Answers it for display; null when they cancel. */
  chooseExportFolder(): Promise<Result<string | null>>;
  /** The export folder main keeps, for display; null before one is chosen. */
  getExportFolder(): Promise<Result<string | null>>;
  /**
   * The longest CC-CEDICT word starting at `offset` of `text` (what the reader shows, any script or
   * regional mode), or the word of `length` there when given (a shorter one: ↑/↓); null when no
   * word starts there. The dictionary opens on the first call. Changes nothing.
   */
  lookupWord(req: { text: string; offset: number; length?: number }): Promise<Result<WordLookup | null>>;
  /**
   * Reading aids (pinyin or zhuyin above the characters): for each text sent (the simplified form
   * of a paragraph as shown), its dictionary words with their readings and whether each is in the
   * vocabulary, in that text's offsets. The dictionary opens on the first call. Changes nothing.
   */
  readingWords(req: { texts: string[] }): Promise<Result<ReadingWord[][]>>;
  // Article attributes (attributeTypes): each define, change, remove, set and import one undo step.

  /** Every attribute with its values and how many library articles have each (the list's filter and groups). */
  listAttributes(): Promise<Result<AttributeSummary[]>>;
  /** A new attribute ('invalid-argument' for a blank, too long or taken name, or a list with no choice). */
  defineAttribute(req: AttributeSpec): Promise<Result<AttributeDefinition>>;
  /** A new name, kind or list; refused, nothing changed, when a value already set would not fit. */
  updateAttribute(req: AttributeSpec & { id: number }): Promise<Result<AttributeDefinition>>;
  /** The attribute and all its values (undo brings them back). */
  removeAttribute(req: { id: number }): Promise<Result<null>>;
  getArticleAttributes(req: { articleId: number }): Promise<Result<ArticleAttributeValue[]>>;
  /** One value on each article named (null clears it); answers how many changed. */
  setAttributeValue(req: { articleIds: number[]; attributeId: number; value: string | null }): Promise<Result<{ changed: number }>>;
  /** The same on every article the library list shows with this view and these filters. */
  setAttributeValueOnList(req: { list: ListedArticles; attributeId: number; value: string | null }): Promise<Result<{ changed: number }>>;
  /**
   * Reads a CSV from the file main's open dialog names (first heading file or url, then one column
   * per attribute; a heading that names none adds a text attribute) and sets its values in one
   * undo step, listing each skipped line with its reason. A file that is no such CSV is refused
   * ('decode-failed', 'file-too-large', 'unsupported-file', 'empty-file') and nothing changes.
   * Null when cancelled.
   */
  importAttributes(): Promise<Result<AttributeCsvImportResult | null>>;
  // Code matrices (matrixTypes): read the library, change nothing.

  /** Tags against tags, articles or an attribute's values, with highlight and paragraph counts ('not-found' for a tag or attribute that is gone). */
  buildMatrix(req: MatrixRequest): Promise<Result<Matrix>>;
  /** The paragraphs one cell counts (at most 500, with the total), each with the quotes of its highlights. */
  matrixPassages(req: { matrix: MatrixRequest; row: string; column: string }): Promise<Result<{ total: number; passages: MatrixPassage[] }>>;
  /** The matrix as CSV (highlight counts) or an .xlsx workbook (both counts), where main's save dialog says; null when cancelled. */
  exportMatrix(req: { matrix: MatrixRequest; format: MatrixExportFormat }): Promise<Result<{ path: string; rows: number; columns: number } | null>>;
  // A translator's own conversions (termOverrideTypes): library-wide, each change one undo step.

  /** Every term override, by source then id. */
  listTermOverrides(): Promise<Result<TermOverride[]>>;
  /**
   * "Always convert source as target" in the given modes. Refused with 'override-conflict' (detail:
   * the existing override's id) when the library has an override of the same source in any of these
   * modes: edit that one instead. 'invalid-argument' for an empty or too long field or no mode.
   */
  addTermOverride(req: TermOverrideRule): Promise<Result<TermOverride>>;
  /** Changes an override's source, target or modes ('not-found'; 'override-conflict' as add). */
  updateTermOverride(req: TermOverrideRule & { id: number }): Promise<Result<TermOverride>>;
  removeTermOverride(req: { id: number }): Promise<Result<null>>;
  /** Writes every override as a CSV term list to the file main's save dialog names; null when cancelled. */
  exportTermOverrides(): Promise<Result<TermListExportResult | null>>;
  /**
   * Reads a CSV term list from the file main's open dialog names (header source,target,modes; modes
   * space-separated) and adds its valid lines in one undo step, listing each skipped line with its
   * reason. A file that is no term list (binary, not UTF-8, too large, not a file, no header, a
   * broken quote) is refused ('decode-failed', 'file-too-large', 'unsupported-file', 'empty-file')
   * and nothing changes. Null when cancelled.
   */
  importTermOverrides(): Promise<Result<TermListImportResult | null>>;
  /** The person's interface language (at start and on each change): main's menus and dialogs then speak it. */
  setInterfaceLanguage(req: { locale: UiLocale }): Promise<Result<null>>;
  // The vocabulary (vocabularyTypes): each add, edit and remove is one undo step.

  /** "Add to vocabulary" from the dictionary pop-up: offsets are canonical (mapped back from the display text). */
  addVocabulary(req: NewVocabularyEntry): Promise<Result<VocabularyEntry>>;
  /** The words the filters keep, newest first ({} for all). */
  listVocabulary(req: VocabularyFilter): Promise<Result<VocabularyEntry[]>>;
  /** The reading or sense the person corrected. */
  updateVocabulary(req: VocabularyChanges & { id: number }): Promise<Result<VocabularyEntry>>;
  /** Answers with the entry as it was; undo brings it back. */
  removeVocabulary(req: { id: number }): Promise<Result<VocabularyEntry>>;
  /** The words the filter keeps (all without one) as CSV or an Anki import file, where main's save dialog says; null when cancelled. */
  exportVocabulary(req: { format: VocabularyExportFormat; filter?: VocabularyFilter }): Promise<Result<VocabularyExportResult | null>>;
  // Words (analysisTypes): frequency lists, keyword in context and keyness read the library; coding
  // KWIC lines and the stop-word list each change it in one undo step.

  /** Words or n-grams of a subset, most frequent first; a long count reports through getWordsProgress. */
  wordFrequencies(req: FrequencyRequest): Promise<Result<FrequencyList>>;
  /** How far the running count has got; null when none runs. */
  getWordsProgress(): Promise<Result<WordsProgress | null>>;
  /** Every occurrence of a word in either script, sorted and limited as asked, with the total found. */
  concordance(req: ConcordanceRequest): Promise<Result<Concordance>>;
  /** Tags the chosen KWIC lines (a highlight on each, or the tag on the highlight already there): one undo step. */
  codeConcordanceLines(req: { spans: ConcordanceSpan[]; tag: string; color?: HighlightColor }): Promise<Result<AutocodeResult>>;
  /** What a subset says more (or less) than the rest of the library, by log-likelihood. */
  wordKeyness(req: KeynessRequest): Promise<Result<KeynessResult>>;
  getStopWords(): Promise<Result<StopWordList>>;
  /** Replaces the stop words (null: back to the default list); one undo step. */
  setStopWords(req: { words: string[] | null }): Promise<Result<StopWordList>>;
  // Team work (#19 item 3, teamTypes): members with names and colours; each annotation's madeBy names one.

  /** The library's members, this person first. */
  listMembers(): Promise<Result<Member[]>>;
  /** This person's name and colour, shown to the library's other members; one undo step. */
  setMyMember(req: { name: string; color: MemberColor }): Promise<Result<Member>>;
  /** The table asked for as CSV, where main's save dialog says; null when cancelled. */
  exportWordsCsv(req: WordsCsvRequest): Promise<Result<WordsCsvResult | null>>;
  // Sync (#19 item 4, syncTypes): main keeps the open library in step with a server or a sync
  // folder while the app runs; the page shows its state and answers conflicts.

  /** The sync's state now (main sends a `syncStatusEvent` when it moves). */
  getSyncStatus(): Promise<Result<SyncStatus>>;
  /**
   * Syncs with the server at a ws:// or wss:// address as the member whose token is given (kept by
   * main, never sent back; omitted: the one kept for this address, else 'invalid-argument'). The
   * state moves on in the background: 'sync-unreachable' retries, 'sync-refused' stops.
   */
  startServerSync(req: { url: string; token?: string }): Promise<Result<SyncStatus>>;
  /** Syncs through a folder chosen in main's folder dialog (a Syncthing or cloud-drive folder); null when cancelled. */
  chooseSyncFolder(): Promise<Result<SyncStatus | null>>;
  /** Stops syncing (what is set up is kept for next time). */
  stopSync(): Promise<Result<SyncStatus>>;
  /** The articles another device changed since the last call (main sends a `syncChangedEvent` when some arrive). */
  takeSyncChanges(): Promise<Result<SyncChanges>>;
  /** Values of this device's that another device's concurrent write replaced, newest first, not yet answered. */
  listSyncConflicts(): Promise<Result<SyncConflict[]>>;
  /** "Keep theirs" marks it answered; "restore yours" writes your value back as one undo step ('not-found', 'invalid-argument'). */
  resolveSyncConflict(req: { id: number; keep: 'theirs' | 'mine' }): Promise<Result<SyncStatus>>;
  /** null when there is nothing to undo. */
  undo(): Promise<Result<UndoResult>>;
  /** null when there is nothing to redo. */
  redo(): Promise<Result<UndoResult>>;
}

export type Method = keyof PizhuApi;
export type RequestOf<M extends Method> = Parameters<PizhuApi[M]> extends [infer R, ...unknown[]] ? R : undefined;
export type ValueOf<M extends Method> = Awaited<ReturnType<PizhuApi[M]>> extends Result<infer V> ? V : never;
