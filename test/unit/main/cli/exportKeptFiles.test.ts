import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPizhu, tempLibraryEachTest } from '../../../support/runPizhu';
import { seedsDir } from '../../../support/seededLibrary';

// Issue #12 item 4: `pizhu export --format md` says which files it kept as they were, and why.

const temp = tempLibraryEachTest('pizhu-cli-kept-');

/** The five seeds, each with a paragraph tagged: an article with nothing annotated gets no file. */
async function importAnnotatedSeeds(): Promise<void> {
  expect((await runPizhu(['import', seedsDir, '--db', temp.db])).code).toBe(0);
  expect((await runPizhu(['autocode', '的', '--tag', '读过', '--db', temp.db])).code).toBe(0);
}

describe('pizhu export --format md and the files it keeps', () => {
  it("names on stderr each file it kept and why, exits 0, and leaves the person's files as they were", async () => {
    await importAnnotatedSeeds();
    const vault = path.join(temp.dir, 'vault');
    fs.mkdirSync(vault);
    const index = path.join(vault, 'index.md');
    fs.writeFileSync(index, '# 我自己的索引\n');

    const first = await runPizhu(['export', '--format', 'md', '--out', vault, '--db', temp.db]);
    expect(first.code).toBe(0);
    expect(first.out).toBe(`6 files written to ${vault}`);
    expect(first.err).toBe(`kept ${index} (Pizhu did not write it); Pizhu's version is ${path.join(vault, 'index (Pizhu).md')}\n`);
    expect(fs.readFileSync(index, 'utf8')).toBe('# 我自己的索引\n');

    // A line added to an exported article since (in Obsidian, say) is carried into the new export, and said so.
    const article = fs.readdirSync(vault).find((f) => f.endsWith('.md') && !f.startsWith('index'))!;
    fs.appendFileSync(path.join(vault, article), '\n我的批注。\n');
    const second = await runPizhu(['export', '--format', 'md', '--out', vault, '--db', temp.db, '--json']);
    expect(second.code).toBe(0);
    expect(second.err.split('\n')).toContain(`merged ${path.join(vault, article)}: kept your 1 addition in place`);
    expect(fs.readFileSync(path.join(vault, article), 'utf8')).toMatch(/\n我的批注。\n$/);
    const json = JSON.parse(second.out) as {
      files: string[];
      merged: Array<{ path: string; additions: number }>;
      kept: Array<{ path: string; reason: string }>;
    };
    expect(json.merged).toEqual([{ path: path.join(vault, article), additions: 1, editedBlocks: 0, properties: 0 }]);
    expect(json.kept.map((k) => [path.basename(k.path), k.reason])).toEqual([['index.md', 'not-written-by-pizhu']]);

    // One rewritten without Pizhu's markers is kept whole, and said so.
    fs.writeFileSync(path.join(vault, article), '# 我重写的文件\n');
    const third = await runPizhu(['export', '--format', 'md', '--out', vault, '--db', temp.db]);
    expect(third.err.split('\n')).toContain(
      `kept ${path.join(vault, article)} (it changed since Pizhu exported it); Pizhu's version is ${path.join(vault, article.replace(/\.md$/, ' (Pizhu).md'))}`,
    );
    expect(fs.readFileSync(path.join(vault, article), 'utf8')).toBe('# 我重写的文件\n');
  });

  it('says nothing on stderr when nothing was kept', async () => {
    await importAnnotatedSeeds();
    const vault = path.join(temp.dir, 'vault');
    expect(await runPizhu(['export', '--format', 'md', '--out', vault, '--db', temp.db])).toEqual({
      code: 0,
      out: `6 files written to ${vault}`,
      err: '',
    });
  });
});
