import type { Result } from './errors';
import type { ArticleMetadata, ArticleSummary, ArticleView, ImportOutcome, ParagraphKind } from './articleTypes';

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
}

export type Method = keyof PizhuApi;
export type RequestOf<M extends Method> = Parameters<PizhuApi[M]> extends [infer R, ...unknown[]] ? R : undefined;
export type ValueOf<M extends Method> = Awaited<ReturnType<PizhuApi[M]>> extends Result<infer V> ? V : never;
