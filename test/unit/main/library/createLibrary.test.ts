import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../main/library/createLibrary';
import { rawTextSql } from '../../../../main/library/store/rawTextCodec';

const seedsDir = path.resolve(__dirname, '../../../../seeds');
let dir: string;
let library: Library;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-lib-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a new library', () => {
  it('is seeded with the five bundled articles on first run only', async () => {
    expect(library.isNew).toBe(true);
    expect(await library.seedIfNew(seedsDir)).toBe(5);
    const titles = library.listArticles().map((a) => a.title);
    expect(titles).toHaveLength(5);
    expect(titles).toContain('治理更精细 平安更有感');
    library.close();
    library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
    expect(library.isNew).toBe(false);
    expect(await library.seedIfNew(seedsDir)).toBe(0);
    expect(library.listArticles()).toHaveLength(5);
  });

  it('keeps the raw text verbatim and every paragraph of it', async () => {
    await library.seedIfNew(seedsDir);
    const raw = fs.readFileSync(path.join(seedsDir, '001_a93c50df4467935a.txt'), 'utf8');
    const row = library
      .database()
      .prepare(`SELECT ${rawTextSql('article')} AS raw_text FROM article WHERE file_name = '001_a93c50df4467935a.txt'`)
      .get() as { raw_text: string };
    expect(row.raw_text).toBe(raw);
  });

  it('opens an article as ordered paragraphs in its original script', async () => {
    await library.seedIfNew(seedsDir);
    const summary = library.listArticles().find((a) => a.script === 'traditional');
    expect(summary).toBeDefined();
    const article = library.getArticle(summary!.id);
    expect(article.paragraphs.map((p) => p.order)).toEqual(article.paragraphs.map((_, i) => i));
    const firstBody = article.paragraphs.find((p) => p.kind === 'body');
    expect(firstBody?.text.startsWith('閩南網8月1日訊(閩南網記者 尤燕姿')).toBe(true);
  });
});

describe('importing', () => {
  it('treats the same bytes twice as a no-op that says so', async () => {
    const file = path.join(seedsDir, '003_08c9117cd2760bfe.txt');
    const first = await library.importPaths([file]);
    const second = await library.importPaths([file]);
    expect(first[0]?.status).toBe('imported');
    expect(second[0]).toMatchObject({ status: 'already-imported', articleId: first[0]?.articleId });
    expect(second[0]?.message).toMatch(/already in the library/);
    expect(library.listArticles()).toHaveLength(1);
  });

  it('imports pasted text with a given title', () => {
    const outcome = library.importText('第一段文字,讲的是一件事。\n\n第二段文字,讲的是另一件事。', '我的摘录');
    expect(outcome.status).toBe('imported');
    expect(library.getArticle(outcome.articleId!).metadata.title).toBe('我的摘录');
  });

  it('imports a folder recursively and reports each file, a file of another kind as skipped', async () => {
    const folder = path.join(dir, 'in');
    fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
    fs.copyFileSync(path.join(seedsDir, '000_f55bb140083bc2ab.txt'), path.join(folder, 'a.txt'));
    fs.copyFileSync(path.join(seedsDir, '004_4c9d1322342f8b93.txt'), path.join(folder, 'sub', 'b.txt'));
    fs.writeFileSync(path.join(folder, 'sub', 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const outcomes = await library.importPaths([folder]);
    expect(outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['a.txt', 'imported'],
      ['b.txt', 'imported'],
      ['picture.png', 'skipped'],
    ]);
    expect(outcomes[2]!.message).toMatch(/was skipped: Pizhu imports/u);
  });
});

describe('metadata edits and re-classification', () => {
  it('persist', async () => {
    await library.seedIfNew(seedsDir);
    const id = library.listArticles()[0]!.id;
    library.updateMetadata(id, { title: '新标题', author: '某人' });
    const paragraph = library.getArticle(id).paragraphs.find((p) => p.kind === 'body')!;
    library.reclassifyParagraph(paragraph.id, 'caption');
    library.close();
    library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
    const article = library.getArticle(id);
    expect(article.metadata).toMatchObject({ title: '新标题', author: '某人', titleInferred: false });
    expect(article.paragraphs.find((p) => p.id === paragraph.id)).toMatchObject({ kind: 'caption', kindByUser: true });
  });
});

describe('backups', () => {
  it('writes a daily backup once and keeps the newest seven', async () => {
    await library.seedIfNew(seedsDir);
    expect(await library.backupIfDue()).toBeDefined();
    expect(await library.backupIfDue()).toBeUndefined();
    for (let i = 0; i < 9; i++) await library.backup('manual');
    const backups = library.listBackups();
    expect(backups).toHaveLength(7);
    const copy = await createLibrary({ dbPath: backups[0]!.path, backupDir: path.join(dir, 'other') });
    expect(copy.listArticles()).toHaveLength(5);
    copy.close();
  });
});

describe('restore', () => {
  it('puts a backup back, keeping a copy of what it replaced', async () => {
    const { restoreBackup } = await import('../../../../main/library/store/restoreBackup');
    await library.seedIfNew(seedsDir);
    const backup = await library.backup('manual');
    library.importText('备份之后才导入的一篇文章,恢复后应当不见。', '后来的文章');
    expect(library.listArticles()).toHaveLength(6);
    library.close();
    const dbPath = path.join(dir, 'library.sqlite');
    const safety = await restoreBackup(dbPath, backup.path, path.join(dir, 'backups'));
    expect(safety?.reason).toBe('before-restore');
    library = await createLibrary({ dbPath });
    expect(library.listArticles()).toHaveLength(5);
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const { restoreBackup } = await import('../../../../main/library/store/restoreBackup');
    await library.seedIfNew(seedsDir);
    library.close();
    const bogus = path.join(dir, 'bogus.sqlite');
    fs.writeFileSync(bogus, 'no');
    const dbPath = path.join(dir, 'library.sqlite');
    await expect(restoreBackup(dbPath, bogus, path.join(dir, 'backups'))).rejects.toThrow(/not a usable Pizhu backup/);
    library = await createLibrary({ dbPath });
    expect(library.listArticles()).toHaveLength(5);
  });
});
