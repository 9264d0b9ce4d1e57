import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarkdownExportRequest } from '../../../../../preload/contract/api';
import { articleFileName } from '../../../../../main/library/export/articleFileName';
import { sha256 } from '../../../../../main/library/files/writeTextFile';
import { manifestName } from '../../../../../main/library/export/exportManifest';
import { exportMarkdownReport } from '../../../../../main/library/export/exportMarkdown';
import { keptFilesMessage, mergedFilesMessage } from '../../../../../main/library/export/keptFilesMessage';
import { openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';
import { withoutMarkers } from './parseMarkdown';

// Issue #12 item 4: an export deleted or overwrote the person's own files in its folder.

const now = '2026-12-06T09:00:00.000Z';
const own = '# 我自己的笔记\n\n不要动它。\n';

let lib: AnnotatedLibrary;
let other: AnnotatedLibrary | undefined;
let out: string;

beforeEach(async () => {
  lib = await openAnnotatedLibrary();
  out = path.join(lib.dir, 'vault');
  fs.mkdirSync(out);
});
afterEach(() => {
  lib.dispose();
  other?.dispose();
  other = undefined;
});

function exportFrom(library: AnnotatedLibrary, scope: MarkdownExportRequest['scope']) {
  return exportMarkdownReport(library.library.database(), { scope, outDir: out }, now);
}

const read = (name: string) => fs.readFileSync(path.join(out, name), 'utf8');

describe('Markdown export keeps what Pizhu did not write', () => {
  it("keeps the person's own index.md and writes the library's index beside it, reporting it", () => {
    fs.writeFileSync(path.join(out, 'index.md'), own);
    const report = exportFrom(lib, 'library');
    expect(read('index.md')).toBe(own);
    const beside = path.join(out, 'index (Pizhu).md');
    expect(report.kept).toEqual([
      { path: path.join(out, 'index.md'), reason: 'not-written-by-pizhu', writtenInstead: beside },
    ]);
    expect(report.files).toContain(beside);
    expect(fs.readFileSync(beside, 'utf8')).toContain('# Pizhu library');

    // The next export writes to the same place beside it, not to a third name.
    const again = exportFrom(lib, 'library');
    expect(again.files).toEqual(report.files);
    expect(read('index.md')).toBe(own);
    expect(fs.existsSync(path.join(out, 'index (Pizhu 2).md'))).toBe(false);
  });

  it("keeps the person's own `tag X.md`", () => {
    fs.writeFileSync(path.join(out, 'tag 政策.md'), own);
    const report = exportFrom(lib, { tag: '政策' });
    expect(read('tag 政策.md')).toBe(own);
    expect(report.kept).toEqual([
      {
        path: path.join(out, 'tag 政策.md'),
        reason: 'not-written-by-pizhu',
        writtenInstead: path.join(out, 'tag 政策 (Pizhu).md'),
      },
    ]);
    expect(read('tag 政策 (Pizhu).md')).toContain('# Tag: 政策');
  });

  it('does not overwrite an exported file rewritten since without Pizhu\'s markers, and says so; an unedited one is replaced', () => {
    const first = exportFrom(lib, 'library');
    const name = articleFileName({ id: lib.crafted.id, title: lib.crafted.metadata.title });
    const edited = `${withoutMarkers(read(name))}\n我在 Obsidian 里加的一段。\n`;
    fs.writeFileSync(path.join(out, name), edited);
    const untouched = first.files.find((f) => !f.endsWith(name) && !f.endsWith('index.md'))!;

    const second = exportFrom(lib, 'library');
    expect(read(name)).toBe(edited);
    expect(second.kept).toEqual([
      {
        path: path.join(out, name),
        reason: 'changed-since-export',
        writtenInstead: path.join(out, name.replace(/\.md$/, ' (Pizhu).md')),
      },
    ]);
    expect(second.files).toContain(untouched);
    expect(fs.readdirSync(out).filter((f) => f.includes('(Pizhu)'))).toEqual([
      name.replace(/\.md$/, ' (Pizhu).md'),
    ]);
  });

  it("never removes or overwrites a first library's files when a second library exports into the same folder", async () => {
    exportFrom(lib, 'library');
    // One of the first library's files, edited in Obsidian.
    const name = articleFileName({ id: lib.crafted.id, title: lib.crafted.metadata.title });
    const edited = `${withoutMarkers(read(name))}\n批注。\n`;
    fs.writeFileSync(path.join(out, name), edited);
    const before = new Map(fs.readdirSync(out).map((f) => [f, read(f)]));

    // The second library has the same articles under the same ids, one renamed: the old code
    // took the first library's file of that id for its own earlier export and deleted it.
    other = await openAnnotatedLibrary();
    other.library.updateMetadata(other.crafted.id, { title: '另一个库的标题' });
    const seed = other.library.listArticles().find((a) => a.id !== other!.crafted.id)!;
    other.library.updateMetadata(seed.id, { title: '又一个标题' });
    const report = exportFrom(other, 'library');

    for (const [file, content] of before) {
      if (file === manifestName) continue;
      expect(read(file), file).toBe(content);
    }
    expect(read(name)).toBe(edited);
    // Names both libraries use went beside the first library's files, each reported.
    expect(report.kept.length).toBeGreaterThan(0);
    for (const kept of report.kept) {
      expect(kept.reason).toBe('other-library');
      expect(kept.writtenInstead).toMatch(/ \(Pizhu\)\.md$/);
    }
    expect(report.kept.map((k) => path.basename(k.path))).toContain('index.md');

    // And the first library, exporting again, still owns its files and removes none of the second's.
    const secondFiles = new Map(report.files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
    const again = exportFrom(lib, 'library');
    expect(read(name)).toBe(edited);
    expect(again.kept.map((k) => path.basename(k.path))).toEqual([name]);
    for (const [file, content] of secondFiles) {
      if (again.files.includes(file)) continue;
      expect(fs.readFileSync(file, 'utf8'), file).toBe(content);
    }
  });

  it('gives the tags `.` and `..` a file each', () => {
    const paragraph = lib.internetParagraph;
    lib.library.annotations.createHighlight({ paragraphId: paragraph.id, start: 0, end: 2, color: 'yellow', tags: ['.'] });
    lib.library.annotations.createHighlight({ paragraphId: paragraph.id, start: 3, end: 5, color: 'yellow', tags: ['..'] });
    const one = exportFrom(lib, { tag: '.' });
    const two = exportFrom(lib, { tag: '..' });
    expect(one.kept).toEqual([]);
    expect(two.kept).toEqual([]);
    expect(one.files).toHaveLength(1);
    expect(two.files).toHaveLength(1);
    expect(one.files[0]).not.toBe(two.files[0]);
    expect(fs.readFileSync(one.files[0]!, 'utf8')).toContain('title: "Tag: ."');
    expect(fs.readFileSync(two.files[0]!, 'utf8')).toContain('title: "Tag: .."');
  });

  it("removes a renamed article's earlier file only when this library wrote it and nobody changed it", () => {
    const first = exportFrom(lib, { article: lib.crafted.id }).files[0]!;
    const edited = `${fs.readFileSync(first, 'utf8')}\n加了一行。\n`;
    fs.writeFileSync(first, edited);
    lib.library.updateMetadata(lib.crafted.id, { title: '改过的标题' });
    const report = exportFrom(lib, { article: lib.crafted.id });
    expect(fs.readFileSync(first, 'utf8')).toBe(edited);
    expect(report.kept).toEqual([{ path: first, reason: 'changed-since-export', writtenInstead: null }]);
    expect(path.basename(report.files[0]!)).toBe(`改过的标题 (${lib.crafted.id}).md`);
  });

  it('takes nothing for its own when the manifest is missing or damaged', () => {
    const first = exportFrom(lib, { article: lib.crafted.id }).files[0]!;
    const written = fs.readFileSync(first, 'utf8');
    const damaged = '{"format":"pizhu-export","version":1,"files":';
    fs.writeFileSync(path.join(out, manifestName), damaged);
    const report = exportFrom(lib, { article: lib.crafted.id });
    expect(fs.readFileSync(first, 'utf8')).toBe(written);
    // Even the unreadable manifest is kept, beside the new one.
    const aside = fs.readdirSync(out).filter((f) => f.startsWith('.pizhu-export.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(out, aside[0]!), 'utf8')).toBe(damaged);
    expect(report.kept).toEqual([
      { path: first, reason: 'not-written-by-pizhu', writtenInstead: first.replace(/\.md$/, ' (Pizhu).md') },
    ]);
  });

  it('recognises a file written by an export that stopped before recording it (pending hash)', () => {
    const first = exportFrom(lib, { article: lib.crafted.id }).files[0]!;
    const manifestFile = path.join(out, manifestName);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as {
      files: Record<string, { sha256: string; pending?: string }>;
    };
    const entry = manifest.files[path.basename(first)]!;
    // As if the export recorded what it was about to write, wrote it, and died before the final manifest.
    fs.writeFileSync(first, '新内容\n');
    entry.pending = sha256('新内容\n');
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    // An export of something else leaves that record as it is…
    exportFrom(lib, { tag: '政策' });
    // …so the next export of the article still knows the file for Pizhu's.
    const report = exportFrom(lib, { article: lib.crafted.id });
    expect(report.kept).toEqual([]);
    expect(report.files).toEqual([first]);
    expect(fs.readFileSync(first, 'utf8')).toContain('pizhu: "pizhu://article/');
  });

  it('never follows a manifest entry out of the folder', () => {
    const first = exportFrom(lib, { article: lib.crafted.id }).files[0]!;
    const manifestFile = path.join(out, manifestName);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as {
      files: Record<string, { library: string; sha256: string; article?: number }>;
    };
    const own = manifest.files[path.basename(first)]!;
    // A file outside the folder, listed as this library's earlier export of the same article.
    const outside = path.join(lib.dir, 'outside.md');
    fs.writeFileSync(outside, own.sha256);
    manifest.files['../outside.md'] = { library: own.library, sha256: sha256(own.sha256), article: lib.crafted.id };
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    exportFrom(lib, { article: lib.crafted.id });
    expect(fs.readFileSync(outside, 'utf8')).toBe(own.sha256);
  });
});

describe('keptFilesMessage', () => {
  it('says for each kept file why, and where Pizhu wrote instead', () => {
    expect(
      keptFilesMessage([
        { path: '/v/index.md', reason: 'not-written-by-pizhu', writtenInstead: '/v/index (Pizhu).md' },
        { path: '/v/a (1).md', reason: 'changed-since-export', writtenInstead: null },
        { path: '/v/b (2).md', reason: 'other-library', writtenInstead: '/v/b (2) (Pizhu).md' },
      ]),
    ).toEqual([
      "kept /v/index.md (Pizhu did not write it); Pizhu's version is /v/index (Pizhu).md",
      'kept /v/a (1).md (it changed since Pizhu exported it); nothing written in its place',
      "kept /v/b (2).md (another library exported it); Pizhu's version is /v/b (2) (Pizhu).md",
    ]);
  });
});

describe('mergedFilesMessage', () => {
  it('says for each merged file what of the person\'s was kept', () => {
    expect(
      mergedFilesMessage([
        { path: '/v/a (1).md', additions: 1, editedBlocks: 0, properties: 0 },
        { path: '/v/b (2).md', additions: 2, editedBlocks: 1, properties: 3 },
      ]),
    ).toEqual([
      'merged /v/a (1).md: kept your 1 addition in place',
      "merged /v/b (2).md: kept your 2 additions in place, 1 edited block beside Pizhu's, 3 properties",
    ]);
  });
});
