import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manifestName } from '../../../../../main/library/export/exportManifest';
import { openExportFolder } from '../../../../../main/library/export/exportFolder';
import { runSteps, runStepsAsync } from '../../../../../main/library/export/steppedWork';
import { startExportWorkerFromSource } from '../../../../support/exportWorkerFromSource';

/**
 * Issue #16: an export writes each file as soon as it is rendered (under a hidden temporary
 * name, by a worker thread in the app), and puts them all at their names at commit, after
 * the manifest. Nothing is at a file's name before the commit, no temporary is left after it,
 * and an export that stops before it leaves the folder as it was.
 */
let dir: string;
const writer = { id: 'library-a', alsoMine: [] };
const background = startExportWorkerFromSource;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-staging-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The folder's names once `done` holds of them (a worker's writes end after the call that started them), or after 10 s. */
async function namesOnce(done: (names: string[]) => boolean): Promise<string[]> {
  const until = Date.now() + 10_000;
  let names = fs.readdirSync(dir);
  while (!done(names) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    names = fs.readdirSync(dir);
  }
  return names;
}

for (const parallel of [false, true]) {
  describe(parallel ? 'writing by the export worker' : 'writing one file after another', () => {
    it('stages files as they are added, puts them at their names at commit, and leaves no temporary', async () => {
      const folder = openExportFolder(dir, writer, parallel ? { background } : {});
      const names = ['一.md', '二.md', '三.md'];
      for (const name of names) folder.add(folder.place(name, undefined, true)!, `# ${name}\n`);
      // The second pause waits for what was staged before the first.
      await folder.writesBehind();
      await folder.writesBehind();
      const before = fs.readdirSync(dir);
      expect(before.filter((f) => names.includes(f))).toEqual([]);
      expect(before.filter((f) => f.endsWith('.tmp'))).toHaveLength(3);

      const report = parallel ? await runStepsAsync(folder.commitSteps()) : runSteps(folder.commitSteps());
      expect(report.files.map((f) => path.basename(f))).toEqual(names);
      expect(fs.readdirSync(dir).sort()).toEqual([manifestName, ...names].sort());
      for (const name of names) expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(`# ${name}\n`);
    });

    it('removes what it staged when the export stops before its commit', async () => {
      const folder = openExportFolder(dir, writer, parallel ? { background } : {});
      for (const name of ['甲.md', '乙.md']) folder.add(folder.place(name, undefined, true)!, `# ${name}\n`);
      folder.discard();
      expect(await namesOnce((names) => names.length === 0)).toEqual([]);
    });

    it("keeps a file someone made at a name after it was planned, and removes the export's temporary for it", async () => {
      const folder = openExportFolder(dir, writer, parallel ? { background } : {});
      folder.add(folder.place('丙.md', undefined, true)!, '# 丙\n');
      fs.writeFileSync(path.join(dir, '丙.md'), 'theirs');
      const report = parallel ? await runStepsAsync(folder.commitSteps()) : runSteps(folder.commitSteps());
      expect(report.files).toEqual([]);
      expect(report.kept).toEqual([{ path: path.join(dir, '丙.md'), reason: 'not-written-by-pizhu', writtenInstead: null }]);
      expect(fs.readFileSync(path.join(dir, '丙.md'), 'utf8')).toBe('theirs');
      expect(fs.readdirSync(dir).sort()).toEqual([manifestName, '丙.md'].sort());
    });

    it('puts files of several commit batches at their names in order, keeping one made meanwhile in a later batch', async () => {
      const folder = openExportFolder(dir, writer, parallel ? { background } : {});
      // 450 files: three batches of the commit, the worker given the next while the last is answered.
      const names = Array.from({ length: 450 }, (_, k) => `篇 ${String(k).padStart(3, '0')}.md`);
      for (const name of names) folder.add(folder.place(name, undefined, true)!, `# ${name}\n`);
      const theirs = names[321]!;
      fs.writeFileSync(path.join(dir, theirs), 'theirs');
      const report = parallel ? await runStepsAsync(folder.commitSteps()) : runSteps(folder.commitSteps());
      expect(report.files.map((f) => path.basename(f))).toEqual(names.filter((n) => n !== theirs));
      expect(report.kept).toEqual([{ path: path.join(dir, theirs), reason: 'not-written-by-pizhu', writtenInstead: null }]);
      expect(fs.readFileSync(path.join(dir, theirs), 'utf8')).toBe('theirs');
      for (const name of names.filter((n) => n !== theirs))
        expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(`# ${name}\n`);
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  });
}
