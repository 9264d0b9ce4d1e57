import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { manifestName, readManifest } from '../../../../../main/library/export/exportManifest';
import { openExportFolder } from '../../../../../main/library/export/exportFolder';
import { runSteps } from '../../../../../main/library/export/steppedWork';
import { sha256 } from '../../../../../main/library/files/writeTextFile';
import { mergeExportedFile } from '../../../../../main/library/export/mergeExportedFile';
import { renderRegionedFile, type RegionedFile } from '../../../../../main/library/export/regionedFile';

/**
 * Issue #16: a first export into a folder writes its manifest once, before any file is put in
 * place (the files it creates entered as they will be), and an export stopped part-way through
 * its commit leaves every file it put in place recognised as this library's.
 */
let dir: string;
const writer = { id: 'library-a', alsoMine: [] };
const names = Array.from({ length: 450 }, (_, k) => `篇 ${String(k).padStart(3, '0')}.md`);
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-commit-manifest-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function stage(content: (name: string) => string) {
  const folder = openExportFolder(dir, writer);
  names.forEach((name, k) => folder.add(folder.place(name, k + 1, true)!, content(name)));
  return folder;
}

describe('the manifest of an export commit', () => {
  it('is written once by a first export, and says each file and what it holds', () => {
    const folder = stage((name) => `# ${name}\n`);
    const rename = vi.spyOn(fs, 'renameSync');
    runSteps(folder.commitSteps());
    const manifestWrites = rename.mock.calls.filter(([, to]) => path.basename(String(to)) === manifestName);
    expect(manifestWrites).toHaveLength(1);
    const { manifest } = readManifest(dir);
    expect([...manifest.keys()].sort()).toEqual([...names].sort());
    names.forEach((name, k) =>
      expect(manifest.get(name)).toEqual({ library: 'library-a', sha256: sha256(`# ${name}\n`), article: k + 1 }),
    );
  });

  it('is written again when the commit kept a file someone made meanwhile, without that file', () => {
    const folder = stage((name) => `# ${name}\n`);
    fs.writeFileSync(path.join(dir, names[7]!), 'theirs');
    runSteps(folder.commitSteps());
    const { manifest } = readManifest(dir);
    expect(manifest.has(names[7]!)).toBe(false);
    expect(manifest.size).toBe(names.length - 1);
  });

  it('leaves, when the export stops part-way through its commit, every file put in place replaced by the next export', () => {
    const first = stage((name) => `# ${name} v1\n`);
    const steps = first.commitSteps();
    // The first pause of the commit comes after its first batch of files was put in place.
    steps.next();
    steps.return(undefined as never);
    first.discard();
    const placed = names.filter((name) => fs.existsSync(path.join(dir, name)));
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.length).toBeLessThan(names.length);

    const second = stage((name) => `# ${name} v2\n`);
    const report = runSteps(second.commitSteps());
    expect(report.kept).toEqual([]);
    expect(report.files.map((f) => path.basename(f))).toEqual(names);
    for (const name of names) expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(`# ${name} v2\n`);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.') && f !== manifestName)).toEqual([]);
  });
});

describe('a file the person saves again while an export runs', () => {
  const exportedAt = '2026-12-07T09:00:00.000Z';
  const fileOf = (version: number): RegionedFile => ({
    fields: { title: '标题', exported_at: exportedAt },
    regions: [
      { id: 'head', body: '# 标题' },
      { id: 'p-1', body: `> 第 ${version} 版` },
    ],
  });
  const addRegioned = (folder: ReturnType<typeof openExportFolder>, version: number) => {
    const file = fileOf(version);
    folder.add(folder.place('篇.md', 1, true)!, renderRegionedFile(file), (existing) =>
      mergeExportedFile(existing, file, exportedAt),
    );
  };

  it('is merged at the commit with what they saved last, not with what was there when it was staged', () => {
    const first = openExportFolder(dir, writer);
    addRegioned(first, 1);
    runSteps(first.commitSteps());
    const file = path.join(dir, '篇.md');
    fs.appendFileSync(file, '\n我的第一条笔记\n');
    const second = openExportFolder(dir, writer);
    addRegioned(second, 2);
    // Saved again after the export staged its file, before the commit.
    fs.appendFileSync(file, '我的第二条笔记\n');
    const report = runSteps(second.commitSteps());
    expect(report.kept).toEqual([]);
    expect(report.merged).toEqual([{ path: file, additions: 1, editedBlocks: 0, properties: 0 }]);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('> 第 2 版');
    expect(text).toContain('我的第一条笔记');
    expect(text).toContain('我的第二条笔记');
  });
});
