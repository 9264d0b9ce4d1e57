import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedsDir } from '../../../support/seededLibrary';
import { runPizhu, tempLibraryEachTest } from '../../../support/runPizhu';

const temp = tempLibraryEachTest('pizhu-cli-');

describe('pizhu command line', () => {
  it('imports a folder and summarises; a second import skips with the reason', async () => {
    const first = await runPizhu(['import', seedsDir, '--db', temp.db]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toContain('5 imported, 0 skipped (already in the library), 0 failed');
    const again = await runPizhu(['import', seedsDir, '--db', temp.db, '--json']);
    const parsed = JSON.parse(again.out) as { summary: { imported: number; skipped: number } };
    expect(parsed.summary).toEqual({ imported: 0, skipped: 5, duplicates: 0, notImportable: 0, failed: 0 });
  });

  it('reports failed files and exits 1', async () => {
    const bin = path.join(temp.dir, 'blob.txt');
    fs.writeFileSync(bin, Buffer.alloc(64, 0));
    const result = await runPizhu(['import', bin, '--db', temp.db]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/failed: blob\.txt: .*binary/);
  });

  it('lists and shows articles as JSON with kinds, flags, canonical and raw text', async () => {
    await runPizhu(['import', seedsDir, '--db', temp.db]);
    const list = JSON.parse((await runPizhu(['list', '--db', temp.db, '--json'])).out) as Array<{ id: number; title: string }>;
    expect(list).toHaveLength(5);
    const target = list.find((a) => a.title === '治理更精细 平安更有感')!;
    const shown = JSON.parse((await runPizhu(['show', String(target.id), '--db', temp.db, '--json'])).out) as {
      metadata: { title: string };
      paragraphs: Array<{ kind: string; flags: string[]; text: string; raw: string }>;
    };
    expect(shown.metadata.title).toBe('治理更精细 平安更有感');
    expect(shown.paragraphs.some((p) => p.kind === 'heading')).toBe(true);
    expect(shown.paragraphs.some((p) => p.flags.includes('duplicate'))).toBe(true);
    expect(shown.paragraphs.every((p) => typeof p.raw === 'string' && typeof p.text === 'string')).toBe(true);
  });

  it('shows an article in another script', async () => {
    await runPizhu(['import', path.join(seedsDir, '001_a93c50df4467935a.txt'), '--db', temp.db]);
    const shown = await runPizhu(['show', '1', '--script', 'tw', '--db', temp.db]);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('# 治理更精細 平安更有感');
  });

  it('converts stdin to stdout, detecting the source script', async () => {
    expect((await runPizhu(['convert', '--to', 'twp'], '我们用U盘连接互联网\n')).out).toBe('我們用隨身碟連線網際網路');
    expect((await runPizhu(['convert', '--to', 'cn'], '晉江刑警扛起背包')).out).toBe('晋江刑警扛起背包');
    expect((await runPizhu(['convert', '--to', 'hk', '--from', 'cn', '--json'], '发展')).out).toBe(
      JSON.stringify({ from: 'simplified', to: 'hk', text: '發展' }),
    );
  });

  it('backs up and restores', async () => {
    await runPizhu(['import', path.join(seedsDir, '000_f55bb140083bc2ab.txt'), '--db', temp.db]);
    const backup = JSON.parse((await runPizhu(['backup', '--db', temp.db, '--json'])).out) as { path: string };
    await runPizhu(['import', path.join(seedsDir, '004_4c9d1322342f8b93.txt'), '--db', temp.db]);
    const restored = await runPizhu(['restore', backup.path, '--db', temp.db]);
    expect(restored.code).toBe(0);
    const stats = JSON.parse((await runPizhu(['stats', '--db', temp.db, '--json'])).out) as { articles: number };
    expect(stats.articles).toBe(1);
  });

  it('exits 2 on bad usage and 1 on a user error, each with one clear line', async () => {
    expect((await runPizhu(['frobnicate', '--db', temp.db])).code).toBe(2);
    expect((await runPizhu(['convert', '--to', 'klingon'])).code).toBe(2);
    expect((await runPizhu(['show', 'abc', '--db', temp.db])).code).toBe(2);
    expect((await runPizhu(['--bogus-flag'])).code).toBe(2);
    const missing = await runPizhu(['show', '42', '--db', temp.db]);
    expect(missing.code).toBe(1);
    // One line, ended: a shell prompt after it starts on its own line.
    expect(missing.err).toBe('pizhu: There is no article 42 in the library.\n');
    const usage = await runPizhu(['frobnicate', '--db', temp.db]);
    expect(usage.err.startsWith('pizhu: unknown command "frobnicate"\n')).toBe(true);
    expect(usage.err.endsWith('\n')).toBe(true);
  });
});

describe('pizhu while the app has the library open (issue #12 item 1)', () => {
  const repo = path.resolve(__dirname, '../../../..');
  const holderScript = path.join(repo, 'test', 'support', 'lockHolderChild.ts');
  let holder: ChildProcess | undefined;
  afterEach(() => {
    if (holder && holder.exitCode === null && holder.signalCode === null) holder.kill('SIGKILL');
    holder = undefined;
  });

  /** The app's stand-in: another process with the library open, saving a note per line it is sent. */
  function startApp(): Promise<{ save: (text: string) => Promise<void>; stop: () => Promise<void> }> {
    const child = spawn(process.execPath, ['--import', 'tsx', holderScript, temp.db], {
      cwd: repo,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    holder = child;
    let out = '';
    let err = '';
    const waiters: Array<{ line: string; resolve: () => void }> = [];
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      for (const w of waiters.splice(0)) {
        if (out.includes(w.line)) w.resolve();
        else waiters.push(w);
      }
    });
    const waitFor = (line: string) =>
      new Promise<void>((resolve, reject) => {
        if (out.includes(line)) return resolve();
        waiters.push({ line, resolve });
        child.once('exit', () => reject(new Error(`the app stand-in ended: ${err}`)));
      });
    return waitFor('open\n').then(() => ({
      save: async (text: string) => {
        child.stdin.write(`${text}\n`);
        await waitFor(` ${text}\n`);
      },
      stop: async () => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.stdin.end();
        await exited;
      },
    }));
  }

  it('restore is refused with a clear line, and every note the app saved afterwards is kept', async () => {
    await runPizhu(['import', path.join(seedsDir, '000_f55bb140083bc2ab.txt'), '--db', temp.db]);
    const backup = JSON.parse((await runPizhu(['backup', '--db', temp.db, '--json'])).out) as { path: string };
    const app = await startApp();
    await app.save('before the restore');
    const restore = await runPizhu(['restore', backup.path, '--db', temp.db]);
    expect(restore.code).toBe(1);
    expect(restore.err).toBe(`pizhu: Pizhu is open on this library; close it first (${temp.db}).\n`);
    await app.save('after the restore');
    await app.stop();
    // The next start (here: the CLI's next open) finds both acknowledged notes.
    const found = JSON.parse((await runPizhu(['search', 'restore', '--db', temp.db, '--json'])).out) as {
      hits: Array<{ kind: string; text: string }>;
    };
    const notes = found.hits.filter((h) => h.kind === 'note').map((h) => h.text);
    expect(notes.join(' | ')).toContain('after the restore');
  }, 30_000);

  it('writing commands are refused; list, show, stats, search and export work read-only', async () => {
    await runPizhu(['import', path.join(seedsDir, '000_f55bb140083bc2ab.txt'), '--db', temp.db]);
    const app = await startApp();
    await app.save('笔记在应用里');
    for (const args of [['backup'], ['import', path.join(seedsDir, '004_4c9d1322342f8b93.txt')], ['reclean', '1']]) {
      const refused = await runPizhu([...args, '--db', temp.db]);
      expect(refused, args[0]).toMatchObject({
        code: 1,
        err: expect.stringContaining('Pizhu is open on this library; close it first') as string,
      });
    }
    const list = JSON.parse((await runPizhu(['list', '--db', temp.db, '--json'])).out) as Array<{ id: number }>;
    expect(list).toHaveLength(1);
    expect((await runPizhu(['show', String(list[0]!.id), '--db', temp.db])).code).toBe(0);
    const stats = JSON.parse((await runPizhu(['stats', '--db', temp.db, '--json'])).out) as { articles: number; notes: number };
    expect(stats).toMatchObject({ articles: 1, notes: 1 });
    const search = JSON.parse((await runPizhu(['search', '笔记', '--db', temp.db, '--json'])).out) as { total: number };
    expect(search.total).toBeGreaterThan(0);
    const out = path.join(temp.dir, 'export.json');
    expect((await runPizhu(['export', '--format', 'json', '--out', out, '--db', temp.db])).code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    await app.stop();
    // Once the app is closed, the writers go through.
    expect((await runPizhu(['backup', '--db', temp.db])).code).toBe(0);
  }, 30_000);
});

describe('pizhu reclean and reimport', () => {
  it('re-anchors and reports orphans', async () => {
    const file = path.join(temp.dir, 'a.txt');
    fs.writeFileSync(file, '标题\n\n第一段讲一件事情,写得足够长。\n\n第二段会被删掉,上面有一个标注。');
    await runPizhu(['import', file, '--db', temp.db]);
    const { createLibrary } = await import('../../../../main/library/createLibrary');
    const lib = await createLibrary({ dbPath: temp.db });
    const p = lib.getArticle(1).paragraphs.find((x) => x.text.startsWith('第二段'))!;
    lib.annotations.createHighlight({ paragraphId: p.id, start: 0, end: 6, color: 'yellow' });
    lib.close();
    expect((await runPizhu(['reclean', '1', '--db', temp.db])).out).toMatch(/1 in place/);
    fs.writeFileSync(file, '标题\n\n第一段讲一件事情,写得足够长。');
    const result = await runPizhu(['reimport', '1', file, '--db', temp.db]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('orphan highlight 1: “第二段会被删”');
  });
});
