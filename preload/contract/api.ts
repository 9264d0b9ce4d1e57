import type { Result } from './errors';
import type { ArticleMetadata, ArticleSummary, ArticleView, ImportOutcome, ParagraphKind } from './articleTypes';
import type {
  Highlight,
  HighlightColor,
  Note,
  ParagraphTags,
  RecleanReport,
  TaggedPassage,
  TagsChanged,
  TagSummary,
  UndoResult,
} from './annotationTypes';

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
  listArticles(): Promise<Result<ArticleSummary[]>>;
  getArticle(req: { articleId: number }): Promise<Result<ArticleView>>;
  setReadingPosition(req: { articleId: number; paragraphOrder: number }): Promise<Result<null>>;
  /** Opens the system file chooser in main and imports what the person picks. */
  importFiles(): Promise<Result<ImportOutcome[]>>;
  importText(req: { text: string; title?: string }): Promise<Result<ImportOutcome>>;
  updateMetadata(req: { articleId: number; changes: Partial<ArticleMetadata> }): Promise<Result<ArticleView>>;
  reclassifyParagraph(req: { paragraphId: number; kind: ParagraphKind }): Promise<Result<ArticleView>>;
  /** Runs the cleaner again; every highlight is re-anchored or reported as an orphan, never dropped. */
  recleanArticle(req: { articleId: number }): Promise<Result<RecleanReport>>;

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
  updateHighlight(req: { highlightId: number; color: HighlightColor }): Promise<Result<Highlight>>;
  /** Answers with the highlight as it was; undo brings it back with the same id and tags. */
  deleteHighlight(req: { highlightId: number }): Promise<Result<Highlight>>;
  tagHighlight(req: { highlightId: number; tag: string }): Promise<Result<Highlight>>;
  untagHighlight(req: { highlightId: number; tag: string }): Promise<Result<Highlight>>;
  tagParagraph(req: { paragraphId: number; tag: string }): Promise<Result<ParagraphTags>>;
  untagParagraph(req: { paragraphId: number; tag: string }): Promise<Result<ParagraphTags>>;
  listTags(): Promise<Result<TagSummary[]>>;
  /** Carries nested tags (`a/x` -> `b/x`) and every attachment; onto an existing name it merges. */
  renameTag(req: { from: string; to: string }): Promise<Result<TagsChanged>>;
  mergeTags(req: { from: string; into: string }): Promise<Result<TagsChanged>>;
  /** Deletes the tag, the tags nested under it and their attachments. */
  deleteTag(req: { name: string }): Promise<Result<TagsChanged>>;
  /** Every passage with this tag or one nested under it, in article then paragraph order. */
  listTaggedPassages(req: { tag: string }): Promise<Result<TaggedPassage[]>>;
  /** Answers with the saved note, or null when the plain text was blank and the note was deleted. */
  saveNote(req: {
    paragraphId: number;
    editorState: string;
    plainText: string;
    markdown: string;
  }): Promise<Result<Note | null>>;
  getNote(req: { paragraphId: number }): Promise<Result<Note | null>>;
  /** null when there is nothing to undo. */
  undo(): Promise<Result<UndoResult>>;
  /** null when there is nothing to redo. */
  redo(): Promise<Result<UndoResult>>;
}

export type Method = keyof PizhuApi;
export type RequestOf<M extends Method> = Parameters<PizhuApi[M]> extends [infer R, ...unknown[]] ? R : undefined;
export type ValueOf<M extends Method> = Awaited<ReturnType<PizhuApi[M]>> extends Result<infer V> ? V : never;
