import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../../../../main/library/export/backupFormat';
import type { WebAnnotationCollection } from '../../../../../main/library/export/exportW3c';
import { openSeededLibrary } from '../../../../support/seededLibrary';
import { openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';

const schemaPath = path.resolve(__dirname, '../../../../../docs/backup.schema.json');
/** Markdown look-alikes and a second line: the export must give back exactly these characters. */
const comment = '对照 *第二节* 的 #数据 ==口径==\n- 第二行不是列表';

let lib: AnnotatedLibrary;
beforeEach(async () => {
  lib = await openAnnotatedLibrary();
  lib.library.annotations.updateHighlightComment(lib.internet.id, comment);
});
afterEach(() => lib.dispose());

describe('a highlight comment in the exports', () => {
  it('is written under the passage in Markdown, in the export script, escaped so it reads back as written', () => {
    const out = path.join(lib.dir, 'md');
    const { files } = lib.library.exportMarkdown({ scope: { article: lib.crafted.id }, outDir: out, script: 'tw' });
    const markdown = fs.readFileSync(files[0]!, 'utf8');
    const blockId = markdown.indexOf(`^p-${lib.internetParagraph.id}`);
    // The quote in the export's script; the comment as written; its second line a hard break, not a list.
    const item = markdown.indexOf(
      '\n💬 “互聯網”: 对照 \\*第二节\\* 的 \\#数据 \\=\\=口径\\=\\=\\\n\\- 第二行不是列表\n',
    );
    expect(blockId).toBeGreaterThan(0);
    expect(item).toBeGreaterThan(blockId);
  });

  it('is an optional field of the JSON backup (schema-valid) and comes back on import; a backup without it imports', async () => {
    const file = path.join(lib.dir, 'backup.json');
    lib.library.exportBackup(file);
    const backup = JSON.parse(fs.readFileSync(file, 'utf8')) as Backup;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(
      JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object,
    );
    expect(validate(backup), JSON.stringify(validate.errors)).toBe(true);
    const highlights = backup.articles.flatMap((a) => a.highlights);
    expect(highlights.filter((h) => h.comment !== undefined)).toEqual([expect.objectContaining({ comment })]);

    const other = await openSeededLibrary();
    try {
      other.library.importBackup(file);
      const imported = other.library.listArticles().find((a) => a.title === '互联网与平安:一次测试')!;
      const commented = other.library.getArticle(imported.id).highlights.filter((h) => h.comment !== '');
      expect(commented).toEqual([expect.objectContaining({ quote: '互联网', comment })]);
      expect(other.library.search.find('口径').hits).toEqual([
        expect.objectContaining({ kind: 'comment', text: comment }),
      ]);

      // A backup written before comments: no field at all.
      for (const h of highlights) delete h.comment;
      const old = path.join(lib.dir, 'old.json');
      fs.writeFileSync(old, JSON.stringify(backup));
      const third = await openSeededLibrary();
      try {
        third.library.importBackup(old);
        const article = third.library.listArticles().find((a) => a.title === '互联网与平安:一次测试')!;
        expect(third.library.getArticle(article.id).highlights.every((h) => h.comment === '')).toBe(true);
      } finally {
        third.dispose();
      }
    } finally {
      other.dispose();
    }
  });

  it('is a second, plain-text commenting body of the W3C annotation, beside its tags', () => {
    const result = lib.library.exportW3c(path.join(lib.dir, 'annotations.jsonld'));
    const collection = JSON.parse(fs.readFileSync(result.path, 'utf8')) as WebAnnotationCollection;
    const annotation = collection.first.items.find((a) => a.id === `pizhu://highlight/${lib.internet.id}`)!;
    expect(annotation.body).toContainEqual({ type: 'TextualBody', purpose: 'tagging', value: '政策/互联网' });
    expect(annotation.body).toContainEqual({
      type: 'TextualBody',
      purpose: 'commenting',
      value: comment,
      format: 'text/plain',
    });
  });
});

describe('a merge from a JSON backup', () => {
  it('gives a highlight already in the library the backup’s comment when it has none, and never overwrites one', () => {
    const file = path.join(lib.dir, 'backup.json');
    lib.library.exportBackup(file);
    const { annotations } = lib.library;
    const other = lib.highlights.find((h) => h.id !== lib.internet.id)!;
    annotations.updateHighlightComment(lib.internet.id, '');
    annotations.updateHighlightComment(other.id, '库里的批注');
    const backup = JSON.parse(fs.readFileSync(file, 'utf8')) as Backup;
    for (const h of backup.articles.flatMap((a) => a.highlights))
      if (h.quote === other.quote) h.comment = '备份里的批注';
    fs.writeFileSync(file, JSON.stringify(backup));

    lib.library.importBackup(file);
    const after = lib.library.getArticle(lib.crafted.id).highlights;
    expect(after.find((h) => h.id === lib.internet.id)?.comment).toBe(comment);
    expect(after.find((h) => h.id === other.id)?.comment).toBe('库里的批注');
    expect(lib.library.search.find('口径').hits).toEqual([expect.objectContaining({ highlightId: lib.internet.id })]);
  });
});
