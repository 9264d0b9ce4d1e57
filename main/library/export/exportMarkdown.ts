import path from 'node:path';
import { createConverter } from '../../../preload/common/createConverter';
import { isScriptMode, scriptModes, type ScriptMode } from '../../../preload/common/scriptModes';
import type { MarkdownExportRequest } from '../../../preload/contract/api';
import { normalizeTagName } from '../annotations/tagNames';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { canonicalTagName } from '../store/tags';
import { articleFileName, tagReportFileName } from './articleFileName';
import { readArticleAnnotations } from './readArticleAnnotations';
import { readTagPassages } from './readTagPassages';
import { renderArticleFile } from './renderArticleFile';
import { renderIndex } from './renderIndex';
import { renderTagReport } from './renderTagReport';
import { staleArticleFiles } from './staleArticleFiles';
import { ensureFolder, removeFile, requireAbsolutePath, writeTextFile } from './writeTextFile';

export type ExportProgress = (done: number, total: number) => void;

/**
 * Writes the Markdown export of DESIGN §5 into `outDir` and returns the paths written: one
 * article's file; one tag's codebook report; or, for the library, one file per article and an
 * `index.md` linking them. The same library gives the same bytes, apart from `exported_at`.
 */
export function exportMarkdown(
  db: Db,
  request: MarkdownExportRequest,
  exportedAt: string,
  onProgress?: ExportProgress,
): string[] {
  const outDir = requireAbsolutePath(request.outDir, 'export folder');
  const script = requireScript(request.script ?? 'original');
  const highlightsOnly = request.highlightsOnly ?? false;
  const { scope } = request;

  if (scope !== 'library' && 'tag' in scope) {
    // Named as stored, whatever case it was asked in: the same tag always gives the same file.
    const tag = canonicalTagName(db, normalizeTagName(scope.tag));
    // One read transaction: a consistent picture even if the app writes meanwhile.
    const groups = db.transaction(() => readTagPassages(db, tag))();
    ensureFolder(outDir);
    const file = path.join(outDir, tagReportFileName(tag));
    writeTextFile(file, renderTagReport(tag, groups, { script, highlightsOnly, exportedAt }));
    onProgress?.(1, 1);
    return [file];
  }

  const articleId = scope === 'library' ? undefined : scope.article;
  if (scope !== 'library' && !(Number.isInteger(articleId) && (articleId ?? 0) > 0)) {
    throw new LibraryError('invalid-argument', 'A Markdown export covers one article, one tag or the library.');
  }
  const groups = db.transaction(() => readArticleAnnotations(db, articleId))();
  if (articleId !== undefined && groups.length === 0) {
    throw new LibraryError('not-found', `There is no article ${articleId} in the library.`);
  }
  ensureFolder(outDir);
  const staleFiles = staleArticleFiles(outDir);
  const written: string[] = [];
  const total = groups.length + (scope === 'library' ? 1 : 0);
  for (const group of groups) {
    const converter = createConverter(group.article.script, script);
    const name = articleFileName(group.article);
    const file = path.join(outDir, name);
    writeTextFile(file, renderArticleFile(group, { converter, highlightsOnly, exportedAt }));
    // A renamed article's earlier file goes, so the folder holds each article once.
    for (const stale of staleFiles(group.article.id, name)) removeFile(stale);
    written.push(file);
    onProgress?.(written.length, total);
  }
  if (scope === 'library') {
    const index = path.join(outDir, 'index.md');
    writeTextFile(index, renderIndex(groups, exportedAt));
    written.push(index);
    onProgress?.(written.length, total);
  }
  return written;
}

function requireScript(script: string): ScriptMode {
  if (!isScriptMode(script)) {
    throw new LibraryError('invalid-argument', `"${script}" is not a script mode (${scriptModes.join(', ')}).`, script);
  }
  return script;
}
