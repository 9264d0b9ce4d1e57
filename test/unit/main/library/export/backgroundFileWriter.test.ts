import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackgroundFileWriter } from '../../../../../main/library/export/backgroundFileWriter';
import { manifestName } from '../../../../../main/library/export/exportManifest';
import { openExportFolder } from '../../../../../main/library/export/exportFolder';
import { runStepsAsync } from '../../../../../main/library/export/steppedWork';
import { sha256 } from '../../../../../main/library/files/writeTextFile';
import { startExportWorkerFromSource } from '../../../../support/exportWorkerFromSource';

/**
 * Issue #16: in the app an export's files are written and put at their names by one worker
 * thread, in batches. It writes what the main thread would: never over a file that is there,
 * and a failure is the export's, with the file named, and no temporary left.
 */
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-writer-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the background file writer', () => {
  it('writes a batch, then creates where nothing is there and keeps a file that appeared meanwhile', async () => {
    const writer = startBackgroundFileWriter(startExportWorkerFromSource);
    try {
      const files = ['甲.md', '乙.md'].map((name) => ({
        file: path.join(dir, name),
        temporary: path.join(dir, `.${name}.tmp`),
      }));
      const written = files.map((f) => writer.write(f.temporary, f.file, `# ${path.basename(f.file)}\n`));
      writer.flush();
      await Promise.all(written);
      // Someone saves a file at the second name after it was written under its temporary.
      fs.writeFileSync(files[1]!.file, 'theirs');
      const published = await writer.publish(files.map((f) => ({ ...f, create: true })));
      expect(published).toEqual([true, false]);
      expect(fs.readFileSync(files[0]!.file, 'utf8')).toBe('# 甲.md\n');
      expect(fs.readFileSync(files[1]!.file, 'utf8')).toBe('theirs');
      expect(fs.readdirSync(dir).sort()).toEqual(['乙.md', '甲.md'].sort());
    } finally {
      writer.close();
    }
  });

  it('refuses to write a temporary whose name is taken, and leaves that file as it was', async () => {
    const writer = startBackgroundFileWriter(startExportWorkerFromSource);
    try {
      const temporary = path.join(dir, '.丙.md.tmp');
      fs.writeFileSync(temporary, 'not ours');
      const writing = writer.write(temporary, path.join(dir, '丙.md'), 'ours');
      writer.flush();
      await expect(writing).rejects.toMatchObject({ code: 'io-failed', detail: path.join(dir, '丙.md') });
      expect(fs.readFileSync(temporary, 'utf8')).toBe('not ours');
    } finally {
      writer.close();
    }
  });
});

describe('an export written by the background writer', () => {
  it('fails with the file named, and leaves no temporary, when its folder goes away before the writes', async () => {
    const folder = openExportFolder(dir, { id: 'library-a', alsoMine: [] }, { background: startExportWorkerFromSource });
    folder.add(folder.place('丁.md', undefined, true)!, '# 丁\n');
    fs.rmSync(dir, { recursive: true, force: true });
    await expect(runStepsAsync(folder.commitSteps())).rejects.toMatchObject({ code: 'io-failed' });
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('writes thousands of files in order, each once, with the manifest naming each', async () => {
    const folder = openExportFolder(dir, { id: 'library-a', alsoMine: [] }, { background: startExportWorkerFromSource });
    const names = Array.from({ length: 2_500 }, (_, i) => `文章 ${i}.md`);
    for (const [i, name] of names.entries()) {
      folder.add(folder.place(name, i + 1, true)!, `# ${i}\n`);
      if (i % 200 === 199) await folder.writesBehind();
    }
    const report = await runStepsAsync(folder.commitSteps());
    expect(report.files.map((f) => path.basename(f))).toEqual(names);
    expect(fs.readdirSync(dir).sort()).toEqual([manifestName, ...names].sort());
    expect(names.every((name, i) => fs.readFileSync(path.join(dir, name), 'utf8') === `# ${i}\n`)).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, manifestName), 'utf8')) as {
      files: Record<string, { sha256: string; pending?: string }>;
    };
    expect(Object.keys(manifest.files).sort()).toEqual([...names].sort());
    expect(Object.values(manifest.files).every((e) => e.pending === undefined)).toBe(true);
    // The worker hashes what it wrote: each entry is the file's own bytes, so a re-export knows them for Pizhu's.
    expect(names.filter((name) => manifest.files[name]!.sha256 !== sha256(fs.readFileSync(path.join(dir, name))))).toEqual([]);
    const again = openExportFolder(dir, { id: 'library-a', alsoMine: [] }, { background: startExportWorkerFromSource });
    for (const [i, name] of names.slice(0, 300).entries()) again.add(again.place(name, i + 1, true)!, `# ${i} again\n`);
    const rewritten = await runStepsAsync(again.commitSteps());
    expect(rewritten.kept).toEqual([]);
    expect(fs.readFileSync(path.join(dir, names[299]!), 'utf8')).toBe('# 299 again\n');
  });
});
