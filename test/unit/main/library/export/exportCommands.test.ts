import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch, createHandlers } from '../../../../../main/app/createHandlers';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { backupVersion } from '../../../../../main/library/export/backupFormat';
import { openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';
import { runPizhu } from '../../../../support/runPizhu';

let lib: AnnotatedLibrary;
let db: string;
let dir: string;

beforeAll(async () => {
  lib = await openAnnotatedLibrary();
  lib.library.close();
  db = lib.dbPath;
  dir = lib.dir;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pizhu export and import-backup', () => {
  it('exports the library, one article, one tag, in a script mode, highlights only', async () => {
    const all = await runPizhu(['export', '--format', 'md', '--out', path.join(dir, 'md'), '--db', db, '--json']);
    expect(all.code).toBe(0);
    const files = (JSON.parse(all.out) as { files: string[] }).files;
    expect(files.map((f) => path.basename(f))).toContain('index.md');
    // One file per article with a highlight, a paragraph tag or a note (no empty files), and the index.
    const reader = new Database(db, { readonly: true });
    const annotated = reader
      .prepare(
        `SELECT count(*) AS n FROM article a WHERE EXISTS (SELECT 1 FROM highlight h WHERE h.article_id = a.id)
           OR EXISTS (SELECT 1 FROM paragraph p JOIN paragraph_tag pt ON pt.paragraph_id = p.id WHERE p.article_id = a.id)
           OR EXISTS (SELECT 1 FROM paragraph p JOIN note n ON n.paragraph_id = p.id WHERE p.article_id = a.id)`,
      )
      .get() as { n: number };
    const articles = (reader.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n;
    reader.close();
    expect(annotated.n).toBeLessThan(articles);
    expect(files).toHaveLength(annotated.n + 1);

    const one = await runPizhu([
      'export',
      '--format',
      'md',
      '--out',
      path.join(dir, 'one'),
      '--article',
      String(lib.crafted.id),
      '--script',
      'twp',
      '--highlights-only',
      '--db',
      db,
    ]);
    expect(one).toMatchObject({ code: 0, out: `1 file written to ${path.join(dir, 'one')}` });
    const [file] = fs.readdirSync(path.join(dir, 'one')).filter((name) => name.endsWith('.md'));
    const markdown = fs.readFileSync(path.join(dir, 'one', file!), 'utf8');
    expect(markdown).toContain('> ==網際網路== #政策/互联网');
    expect(markdown).not.toContain('改變了生活');

    const tag = await runPizhu(['export', '--format', 'md', '--out', path.join(dir, 'tag'), '--tag', '政策', '--db', db]);
    expect(tag.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'tag')).sort()).toEqual(['.pizhu-export.json', 'tag 政策.md']);
  });

  it('exports the full text with --full-text: every article, every body paragraph', async () => {
    const out = path.join(dir, 'full');
    const result = await runPizhu(['export', '--format', 'md', '--out', out, '--full-text', '--db', db, '--json']);
    expect(result.code).toBe(0);
    const reader = new Database(db, { readonly: true });
    const articles = (reader.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n;
    reader.close();
    expect((JSON.parse(result.out) as { files: string[] }).files).toHaveLength(articles + 1);
    const file = fs.readdirSync(out).find((name) => name.endsWith(`(${lib.crafted.id}).md`))!;
    const markdown = fs.readFileSync(path.join(out, file), 'utf8');
    // The last body paragraph has nothing annotated: it is there as the text it is.
    expect(markdown).toMatch(/^生僻字𠀀在这里,普通的一段话/m);

    const both = await runPizhu(['export', '--format', 'md', '--out', out, '--full-text', '--highlights-only', '--db', db]);
    expect(both).toMatchObject({
      code: 1,
      err: 'pizhu: A Markdown export is either the full text or the highlights only, not both.\n',
    });
  });

  it('writes a JSON backup and W3C annotations, and imports the backup into another library', async () => {
    const backup = path.join(dir, 'backup.json');
    const exported = await runPizhu(['export', '--format', 'json', '--out', backup, '--db', db, '--json']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out)).toMatchObject({ path: backup, articles: 6 });
    const w3c = await runPizhu(['export', '--format', 'w3c', '--out', path.join(dir, 'a.jsonld'), '--db', db]);
    expect(w3c).toMatchObject({ code: 0, out: `written: ${path.join(dir, 'a.jsonld')}` });

    const other = path.join(dir, 'other.sqlite');
    const imported = await runPizhu(['import-backup', backup, '--db', other]);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('articles: 6 added, 0 already here');
    const again = await runPizhu(['import-backup', backup, '--db', other, '--json']);
    expect(JSON.parse(again.out)).toMatchObject({
      articlesAdded: 0,
      articlesMerged: 6,
      highlightsAdded: 0,
      notesJoined: 0,
    });
  });

  it.each([
    [['export', '--out', 'x']],
    [['export', '--format', 'md']],
    [['export', '--format', 'pdf', '--out', 'x']],
    [['export', '--format', 'json', '--out', 'x', '--script', 'tw']],
    [['export', '--format', 'w3c', '--out', 'x', '--full-text']],
    [['export', '--format', 'md', '--out', 'x', '--article', '1', '--tag', 't']],
    [['export', '--format', 'md', '--out', 'x', '--article', 'one']],
    [['export', '--format', 'md', '--out', 'x', '--script', 'klingon']],
    [['import-backup']],
  ])('answers bad usage %j with exit code 2', async (args) => {
    const result = await runPizhu([...args, '--db', db]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Usage:');
  });

  it('answers what the library refuses with exit code 1 and its message', async () => {
    const noTag = await runPizhu([
      'export',
      '--format',
      'md',
      '--out',
      path.join(dir, 'none'),
      '--tag',
      '没有',
      '--db',
      db,
    ]);
    expect(noTag).toMatchObject({ code: 1, err: 'pizhu: There is no tag "没有" in the library.\n' });
    const bad = path.join(dir, 'bad.json');
    // One version past what this Pizhu writes, whatever that is now.
    fs.writeFileSync(bad, JSON.stringify({ format: 'pizhu-backup', version: backupVersion + 1 }));
    const refused = await runPizhu(['import-backup', bad, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(`newer Pizhu (backup version ${backupVersion + 1}`);
  });
});

describe('export channels', () => {
  it("validate scopes, take no path, then run the library where main's dialogs say", async () => {
    const library = await createLibrary({ dbPath: db });
    try {
      const backup = path.join(dir, 'ipc.json');
      let backupFile: string | null = backup;
      const dispatch = createDispatch(
        createHandlers({
          library,
          appVersion: '0',
          seededOnThisRun: 0,
          chooseFiles: () => Promise.resolve([]),
          chooseExportFolder: () => Promise.resolve(path.join(dir, 'ipc')),
          chooseBackupFile: () => Promise.resolve(backupFile),
          confirmBackupUse: () => Promise.resolve(true),
        }),
        () => undefined,
      );
      for (const [channel, request] of [
        ['pizhu:exportMarkdown', { scope: 'library', outDir: dir }],
        ['pizhu:exportMarkdown', { scope: 'everything' }],
        ['pizhu:exportMarkdown', { scope: { article: 1, tag: 'x' } }],
        ['pizhu:exportMarkdown', { scope: { article: 1 }, script: 'klingon' }],
        ['pizhu:exportMarkdown', { scope: { article: 1 }, extra: 1 }],
        ['pizhu:exportBackup', { file: backup }],
        ['pizhu:importBackup', { file: backup }],
        ['pizhu:importBackup', {}],
        ['pizhu:restoreJsonBackup', { file: backup }],
      ] as const) {
        expect(await dispatch(channel, request)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      }
      const md = await dispatch('pizhu:exportMarkdown', { scope: { tag: '政策' }, script: 'tw', highlightsOnly: true });
      expect(md).toEqual({
        ok: true,
        value: { files: [path.join(dir, 'ipc', 'tag 政策.md')], merged: [], kept: [], unannotated: [] },
      });
      expect(await dispatch('pizhu:exportBackup', undefined)).toMatchObject({
        ok: true,
        value: { path: backup, articles: 6 },
      });
      expect(await dispatch('pizhu:importBackup', undefined)).toMatchObject({
        ok: true,
        value: { articlesAdded: 0, articlesMerged: 6 },
      });
      backupFile = path.join(dir, 'missing.json');
      expect(await dispatch('pizhu:importBackup', undefined)).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
    } finally {
      library.close();
    }
  });
});
