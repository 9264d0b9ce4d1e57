import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarkdownExportRequest } from '../../../../../preload/contract/api';
import { manifestName } from '../../../../../main/library/export/exportManifest';
import { bodyParagraphs, seedArticle } from '../../../../support/seededLibrary';
import { openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';

/**
 * Issue #16: the library-wide Markdown export is made cheaper (fewer reads, no work done twice,
 * files written as they are rendered). What it writes must stay byte for byte what it wrote
 * before: this pins every file of a fixed library, in each form the export takes, to the
 * output the export gave before that work (the snapshot files beside this test).
 */

let lib: AnnotatedLibrary;

beforeEach(async () => {
  lib = await openAnnotatedLibrary();
  const { library } = lib;
  // A highlight over three paragraphs (one group), with a comment on a member.
  const article = seedArticle(library, '003');
  const [first, second, third] = bodyParagraphs(article);
  const members = library.annotations.createHighlightGroup({
    ranges: [
      { paragraphId: first!.id, start: first!.text.length - 6, end: first!.text.length },
      { paragraphId: second!.id, start: 0, end: second!.text.length },
      { paragraphId: third!.id, start: 0, end: 4 },
    ],
    color: 'green',
    tags: ['跨段/引文'],
  });
  library.annotations.updateHighlightComment(members[1]!.id, '三段连起来读');
  library.annotations.createHighlight({ paragraphId: third!.id, start: 2, end: 14, color: 'yellow', tags: ['单独'] });
  // Made after the group, but before its part in the text: the export quotes in text order, not in the order made.
  library.annotations.createHighlight({ paragraphId: first!.id, start: 1, end: 5, color: 'pink', tags: ['先后'] });
  library.annotations.createHighlight({ paragraphId: first!.id, start: 0, end: 3, color: 'blue' });
  // An orphan: the last highlight of the annotated library loses its place.
  library
    .database()
    .prepare('UPDATE highlight SET paragraph_id = NULL, start_offset = NULL, end_offset = NULL WHERE id = ?')
    .run(lib.highlights.at(-1)!.id);
  library.memos.saveArticleMemo(article.id, { editorState: '{}', plainText: '备忘', markdown: '备忘:**三段**' });
  library.memos.saveJournalEntry(undefined, { editorState: '{}', plainText: '第一天', markdown: '第一天:读完。' });
});
afterEach(() => lib.dispose());

/** Every file in an export folder but the manifest (it names this library's random identity), by name, in name order. */
function exportedFiles(request: Omit<MarkdownExportRequest, 'outDir'>, folder: string): string {
  const outDir = path.join(lib.dir, folder);
  lib.library.exportMarkdown({ ...request, outDir });
  return folderText(outDir);
}

function folderText(outDir: string): string {
  return fs
    .readdirSync(outDir)
    .filter((name) => name !== manifestName)
    .sort()
    .map((name) => `=== ${name}\n${fs.readFileSync(path.join(outDir, name), 'utf8')}`)
    .join('\n');
}

describe('the library-wide Markdown export of a fixed library', () => {
  it('writes the same bytes as before, in the original script and converted', async () => {
    await expect(exportedFiles({ scope: 'library', script: 'original' }, 'original')).toMatchFileSnapshot(
      '__snapshots__/exportPinned.original.md',
    );
    await expect(exportedFiles({ scope: 'library', script: 'tw' }, 'tw')).toMatchFileSnapshot(
      '__snapshots__/exportPinned.tw.md',
    );
  });

  it('writes the same bytes as before with highlights only and with the full text', async () => {
    await expect(exportedFiles({ scope: 'library', highlightsOnly: true }, 'highlights')).toMatchFileSnapshot(
      '__snapshots__/exportPinned.highlightsOnly.md',
    );
    await expect(exportedFiles({ scope: 'library', fullText: true }, 'full')).toMatchFileSnapshot(
      '__snapshots__/exportPinned.fullText.md',
    );
  });

  it('writes the same bytes in steps (as the app does), first into an empty folder and then over its own files', async () => {
    const outDir = path.join(lib.dir, 'in-steps');
    for (let round = 0; round < 2; round++) {
      const report = await lib.library.exportMarkdownInSteps({ scope: 'library', script: 'original', outDir });
      expect(report.kept).toEqual([]);
      await expect(folderText(outDir)).toMatchFileSnapshot('__snapshots__/exportPinned.original.md');
    }
  });

  it('writes the same bytes in steps, converted, highlights only and with the full text', async () => {
    const forms: Array<[Omit<MarkdownExportRequest, 'outDir'>, string]> = [
      [{ scope: 'library', script: 'tw' }, 'tw'],
      [{ scope: 'library', highlightsOnly: true }, 'highlightsOnly'],
      [{ scope: 'library', fullText: true }, 'fullText'],
    ];
    for (const [request, form] of forms) {
      const outDir = path.join(lib.dir, `in-steps-${form}`);
      await lib.library.exportMarkdownInSteps({ ...request, outDir });
      await expect(folderText(outDir)).toMatchFileSnapshot(`__snapshots__/exportPinned.${form}.md`);
    }
  });
});
