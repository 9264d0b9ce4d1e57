import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../main/cli/pizhu';

// Issue #12 item 4: `pizhu export --format md` says which files it kept as they were, and why.

const seedsDir = path.resolve(__dirname, '../../../../seeds');
let dir: string;
let db: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-cli-kept-'));
  db = path.join(dir, 'library.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The five seeds, each with a paragraph tagged: an article with nothing annotated gets no file. */
async function importAnnotatedSeeds(): Promise<void> {
  expect((await pizhu(['import', seedsDir, '--db', db])).code).toBe(0);
  expect((await pizhu(['autocode', '的', '--tag', '读过', '--db', db])).code).toBe(0);
}

async function pizhu(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    isTty: false,
    readStdin: () => Promise.resolve(''),
  });
  return { code, out: out.join('\n'), err: err.join('') };
}

describe('pizhu export --format md and the files it keeps', () => {
  it("names on stderr each file it kept and why, exits 0, and leaves the person's files as they were", async () => {
    await importAnnotatedSeeds();
    const vault = path.join(dir, 'vault');
    fs.mkdirSync(vault);
    const index = path.join(vault, 'index.md');
    fs.writeFileSync(index, '# 我自己的索引\n');

    const first = await pizhu(['export', '--format', 'md', '--out', vault, '--db', db]);
    expect(first.code).toBe(0);
    expect(first.out).toBe(`6 files written to ${vault}`);
    expect(first.err).toBe(`kept ${index} (Pizhu did not write it); Pizhu's version is ${path.join(vault, 'index (Pizhu).md')}\n`);
    expect(fs.readFileSync(index, 'utf8')).toBe('# 我自己的索引\n');

    // An exported article edited since (in Obsidian, say) is kept too, and said so.
    const article = fs.readdirSync(vault).find((f) => f.endsWith('.md') && !f.startsWith('index'))!;
    fs.appendFileSync(path.join(vault, article), '\n我的批注。\n');
    const second = await pizhu(['export', '--format', 'md', '--out', vault, '--db', db, '--json']);
    expect(second.code).toBe(0);
    expect(second.err.split('\n')).toContain(
      `kept ${path.join(vault, article)} (it changed since Pizhu exported it); Pizhu's version is ${path.join(vault, article.replace(/\.md$/, ' (Pizhu).md'))}`,
    );
    const json = JSON.parse(second.out) as { files: string[]; kept: Array<{ path: string; reason: string }> };
    expect(json.kept.map((k) => [path.basename(k.path), k.reason])).toEqual(
      expect.arrayContaining([
        ['index.md', 'not-written-by-pizhu'],
        [article, 'changed-since-export'],
      ]),
    );
  });

  it('says nothing on stderr when nothing was kept', async () => {
    await importAnnotatedSeeds();
    const vault = path.join(dir, 'vault');
    expect(await pizhu(['export', '--format', 'md', '--out', vault, '--db', db])).toEqual({
      code: 0,
      out: `6 files written to ${vault}`,
      err: '',
    });
  });
});
