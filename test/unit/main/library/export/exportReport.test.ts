import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { articleFileName } from '../../../../../main/library/export/articleFileName';
import { manifestName } from '../../../../../main/library/export/exportManifest';
import { sha256 } from '../../../../../main/library/files/writeTextFile';
import { openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';
import { withoutMarkers } from './parseMarkdown';

// Issue #12 item 4: the library's export answers with what it kept and why (for the app and the
// CLI to show), and a library moved or copied elsewhere is still the writer of its own files.

let lib: AnnotatedLibrary;
let moved: Library | undefined;
let out: string;

beforeEach(async () => {
  lib = await openAnnotatedLibrary();
  out = path.join(lib.dir, 'vault');
});
afterEach(() => {
  moved?.close();
  moved = undefined;
  lib.dispose();
});

const pizhuCopies = () => fs.readdirSync(out).filter((f) => f.includes('(Pizhu'));
const manifestLibraries = () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(out, manifestName), 'utf8')) as {
    files: Record<string, { library: string }>;
  };
  return new Set(Object.values(manifest.files).map((e) => e.library));
};

describe("the library's Markdown export report", () => {
  it('names a file the person rewrote since it was exported (Pizhu\'s marked regions gone) as kept, with where Pizhu wrote instead', () => {
    const first = lib.library.exportMarkdown({ scope: 'library', outDir: out });
    expect(first.kept).toEqual([]);
    const name = articleFileName({ id: lib.crafted.id, title: lib.crafted.metadata.title });
    // Without the markers nothing in it can be told for Pizhu's: it is kept whole.
    const edited = `${withoutMarkers(fs.readFileSync(path.join(out, name), 'utf8'))}\n我的批注。\n`;
    fs.writeFileSync(path.join(out, name), edited);

    const report = lib.library.exportMarkdown({ scope: 'library', outDir: out });
    const instead = path.join(out, name.replace(/\.md$/, ' (Pizhu).md'));
    expect(report.kept).toEqual([{ path: path.join(out, name), reason: 'changed-since-export', writtenInstead: instead }]);
    expect(report.files).toContain(instead);
    expect(report.files).toHaveLength(first.files.length);
    expect(fs.readFileSync(path.join(out, name), 'utf8')).toBe(edited);
  });
});

describe('a library moved or copied to another path is the same writer', () => {
  it('re-exports over its own files from the new path: no "(Pizhu)" copies, nothing kept', async () => {
    const first = lib.library.exportMarkdown({ scope: 'library', outDir: out });
    // The library file copied elsewhere (everything in it: the WAL written back first).
    lib.library.database().pragma('wal_checkpoint(TRUNCATE)');
    const elsewhere = path.join(lib.dir, 'moved', 'library.sqlite');
    fs.mkdirSync(path.dirname(elsewhere));
    fs.copyFileSync(lib.dbPath, elsewhere);
    moved = await createLibrary({ dbPath: elsewhere });

    const again = moved.exportMarkdown({ scope: 'library', outDir: out });
    expect(again.kept).toEqual([]);
    expect(again.files.sort()).toEqual([...first.files].sort());
    expect(pizhuCopies()).toEqual([]);
  });

  it('a manifest naming this library by its current path (before library identities) is this library\'s', () => {
    lib.library.exportMarkdown({ scope: 'library', outDir: out });
    // What an export before library identities wrote: the library file's real path, hashed.
    const byPath = sha256(fs.realpathSync(lib.dbPath)).slice(0, 16);
    const file = path.join(out, manifestName);
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { files: Record<string, { library: string }> };
    const [ownId] = manifestLibraries();
    for (const entry of Object.values(manifest.files)) entry.library = byPath;
    fs.writeFileSync(file, JSON.stringify(manifest));

    const again = lib.library.exportMarkdown({ scope: 'library', outDir: out });
    expect(again.kept).toEqual([]);
    expect(pizhuCopies()).toEqual([]);
    // Files it wrote now carry the library's own identity.
    expect(manifestLibraries()).toEqual(new Set([ownId]));
  });

  it('a manifest naming another path is still another library\'s: its files are kept', () => {
    lib.library.exportMarkdown({ scope: 'library', outDir: out });
    const file = path.join(out, manifestName);
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { files: Record<string, { library: string }> };
    for (const entry of Object.values(manifest.files)) entry.library = sha256('/elsewhere/library.sqlite').slice(0, 16);
    fs.writeFileSync(file, JSON.stringify(manifest));

    const again = lib.library.exportMarkdown({ scope: 'library', outDir: out });
    expect(again.kept.map((k) => k.reason)).toContain('other-library');
    expect(again.kept.map((k) => path.basename(k.path))).toContain('index.md');
  });
});
