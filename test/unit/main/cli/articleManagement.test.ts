import { describe, expect, it } from 'vitest';
import { seedsDir } from '../../../support/seededLibrary';
import { runPizhu, tempLibraryEachTest } from '../../../support/runPizhu';

/** Issue #13: the trash and the archive from the command line, as in the app. */
const temp = tempLibraryEachTest('pizhu-cli-manage-');

const pizhu = (args: string[]) => runPizhu([...args, '--db', temp.db]);

const listed = async (trash = false) =>
  JSON.parse((await pizhu(['list', '--json', ...(trash ? ['--trash'] : [])])).out) as Array<{
    id: number;
    title: string;
    archivedAt: string | null;
  }>;

describe('pizhu trash, restore-article, archive, unarchive, empty-trash', () => {
  it('moves an article to the trash and back, with its search hits', async () => {
    await pizhu(['import', seedsDir]);
    const target = (await listed()).find((a) => a.title === '治理更精细 平安更有感')!;
    const found = async () => (await pizhu(['search', '平安更有感', '--json'])).out;
    expect(await found()).toContain(`"articleId": ${target.id}`);

    const trashed = await pizhu(['trash', String(target.id)]);
    expect(trashed).toMatchObject({ code: 0 });
    expect(trashed.out).toContain(`pizhu restore-article ${target.id}`);
    expect((await listed()).map((a) => a.id)).not.toContain(target.id);
    expect((await listed(true)).map((a) => a.id)).toEqual([target.id]);
    expect(await found()).not.toContain(`"articleId": ${target.id}`);

    expect(await pizhu(['restore-article', String(target.id)])).toMatchObject({ code: 0 });
    expect((await listed()).map((a) => a.id)).toContain(target.id);
    expect(await listed(true)).toEqual([]);
  });

  it('archives and unarchives: the list marks it, search still finds it', async () => {
    await pizhu(['import', seedsDir]);
    const target = (await listed()).find((a) => a.title === '治理更精细 平安更有感')!;
    expect(await pizhu(['archive', String(target.id)])).toMatchObject({ code: 0 });
    expect((await listed()).find((a) => a.id === target.id)?.archivedAt).not.toBeNull();
    expect((await pizhu(['list'])).out).toMatch(/治理更精细 平安更有感\t\[archived\]/);
    expect((await pizhu(['search', '平安更有感', '--json'])).out).toContain(`"articleId": ${target.id}`);
    expect(await pizhu(['unarchive', String(target.id)])).toMatchObject({ code: 0 });
    expect((await listed()).find((a) => a.id === target.id)?.archivedAt).toBeNull();
  });

  it('empties the trash only with --yes, and refuses a missing or bad id with a clear line', async () => {
    await pizhu(['import', seedsDir]);
    const [first] = await listed();
    await pizhu(['trash', String(first!.id)]);
    const asked = await pizhu(['empty-trash']);
    expect(asked.code).toBe(2);
    expect(asked.err).toContain('deletes 1 article(s) and their annotations for good; run it again with --yes');
    expect(await listed(true)).toHaveLength(1);

    const emptied = await pizhu(['empty-trash', '--yes']);
    expect(emptied).toMatchObject({ code: 0 });
    expect(emptied.out).toContain('Deleted 1 article(s)');
    expect(await listed(true)).toEqual([]);
    expect(await listed()).toHaveLength(4);

    expect(await pizhu(['trash', '999'])).toMatchObject({ code: 1, err: 'pizhu: There is no article 999 in the library.\n' });
    expect((await pizhu(['archive', 'x'])).err).toContain('archive needs one article id');
  });
});
