import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backup } from '../../../../main/library/export/backupFormat';
import { seedsDir } from '../../../support/seededLibrary';
import { runPizhu, tempLibraryEachTest } from '../../../support/runPizhu';

/**
 * Issue #13: the command line treats the trash and the archive as the app does. A JSON export
 * holds them with their state and says so; import-backup puts them back and says how many went
 * to the trash; list leaves the trash out (unless --trash) and marks the archived; stats counts
 * both; a Markdown export and search leave the trash out.
 */
const temp = tempLibraryEachTest('pizhu-cli-trash-backup-');

const at = (name: string) => path.join(temp.dir, name);
const pizhu = (args: string[], db = temp.db) => runPizhu([...args, '--db', db]);

interface Listed {
  id: number;
  title: string;
  archivedAt: string | null;
}
const listed = async (db: string, ...flags: string[]) =>
  JSON.parse((await pizhu(['list', '--json', ...flags], db)).out) as Listed[];

/** The seeds (every paragraph with 的 tagged), with 治理更精细 in the trash and one other article archived. */
async function library(): Promise<{ trashed: Listed; archived: Listed }> {
  await pizhu(['import', seedsDir]);
  expect(await pizhu(['autocode', '的', '--tag', '测试'])).toMatchObject({ code: 0 });
  const articles = await listed(temp.db);
  const trashed = articles.find((a) => a.title === '治理更精细 平安更有感')!;
  const archived = articles.find((a) => a.id !== trashed.id)!;
  expect(await pizhu(['trash', String(trashed.id)])).toMatchObject({ code: 0 });
  expect(await pizhu(['archive', String(archived.id)])).toMatchObject({ code: 0 });
  return { trashed, archived };
}

describe('the trash and the archive on the command line', () => {
  it('export --format json holds them with their state and says so; stats counts them', async () => {
    const { trashed, archived } = await library();
    const file = at('backup.json');
    const exported = await pizhu(['export', '--format', 'json', '--out', file]);
    expect(exported).toMatchObject({
      code: 0,
      out: `written: ${file} (5 articles, 1 of them in the trash, 1 archived)`,
    });
    const backup = JSON.parse(fs.readFileSync(file, 'utf8')) as Backup;
    expect(backup.articles.find((a) => a.title === trashed.title)?.trashedAt).not.toBeNull();
    expect(backup.articles.find((a) => a.title === archived.title)?.archivedAt).not.toBeNull();
    const json = JSON.parse((await pizhu(['export', '--format', 'json', '--out', file, '--json'])).out) as object;
    expect(json).toMatchObject({ articles: 5, inTrash: 1, archived: 1 });

    const stats = JSON.parse((await pizhu(['stats', '--json'])).out) as object;
    expect(stats).toMatchObject({ articles: 5, inTrash: 1, archived: 1 });
    expect((await pizhu(['stats'])).out).toContain('inTrash: 1\narchived: 1');
  });

  it('import-backup into a new library puts each article back where it was: list, list --trash, [archived]', async () => {
    const { trashed, archived } = await library();
    const file = at('backup.json');
    await pizhu(['export', '--format', 'json', '--out', file]);

    const other = at('other.sqlite');
    const imported = await pizhu(['import-backup', file], other);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('articles: 5 added (1 of them to the trash, as in the backup), 0 already here');
    expect((await listed(other)).map((a) => a.title)).not.toContain(trashed.title);
    expect((await listed(other, '--trash')).map((a) => a.title)).toEqual([trashed.title]);
    expect((await pizhu(['list'], other)).out).toContain(`${archived.title}\t[archived]`);

    // Merged again, nothing moves: the library's own state stays.
    const [back] = await listed(other, '--trash');
    await pizhu(['restore-article', String(back!.id)], other);
    expect((await pizhu(['import-backup', file], other)).out).toContain('articles: 0 added, 5 already here');
    expect(await listed(other, '--trash')).toEqual([]);
  });

  it('a library-wide Markdown export and search leave the trash out, and keep the archive', async () => {
    const { trashed, archived } = await library();
    const dir = at('md');
    const report = JSON.parse((await pizhu(['export', '--format', 'md', '--out', dir, '--json'])).out) as {
      files: string[];
    };
    const written = report.files.map((f) => fs.readFileSync(path.resolve(dir, f), 'utf8')).join('\n');
    expect(written).not.toContain(trashed.title);
    expect(written).toContain(archived.title);
    // The tag report too.
    const tagDir = at('tag');
    await pizhu(['export', '--format', 'md', '--out', tagDir, '--tag', '测试']);
    const report2 = fs.readdirSync(tagDir).map((f) => fs.readFileSync(path.join(tagDir, f), 'utf8'));
    expect(report2.join('\n')).not.toContain(trashed.title);
    expect(report2.join('\n')).toContain(archived.title);
    const hits = (await pizhu(['search', '平安更有感', '--json'])).out;
    expect(hits).not.toContain(`"articleId": ${trashed.id}`);
    // Archived hits say so, as list does.
    const shown = (await pizhu(['search', '的', '--limit', '500'])).out.split('\n');
    expect(shown).toContain(`${archived.title}  (article ${archived.id})  [archived]`);
    expect(shown.filter((line) => line.endsWith('[archived]'))).toHaveLength(1);
  });
});
