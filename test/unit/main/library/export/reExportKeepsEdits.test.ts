import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articleFileName } from '../../../../../main/library/export/articleFileName';
import { mergeExportedFile } from '../../../../../main/library/export/mergeExportedFile';
import { regionText } from '../../../../../main/library/export/markedRegions';
import { renderRegionedFile, type RegionedFile } from '../../../../../main/library/export/regionedFile';
import { between, hostileLine, pick, seededRandom } from './hostileText';
import { openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';

// Issue #13 item 5: a re-export overwrote (and, since issue #12, set beside) a file the person
// edited in their Obsidian vault. Now Pizhu's part is in marked regions and what the person
// wrote is carried over, in place.

let lib: AnnotatedLibrary;
let out: string;
let file: string;

beforeEach(async () => {
  lib = await openAnnotatedLibrary();
  out = path.join(lib.dir, 'vault');
  file = path.join(out, articleFileName({ id: lib.crafted.id, title: lib.crafted.metadata.title }));
});
afterEach(() => lib.dispose());

const exportArticle = () => lib.library.exportMarkdown({ scope: { article: lib.crafted.id }, outDir: out });
const read = () => fs.readFileSync(file, 'utf8');
const frontMatterOf = (text: string) => parse(text.split('\n---\n')[0]!.slice(4)) as Record<string, unknown>;

/** The first passage's block id line and the next region's begin marker. */
function passageIds(text: string): string[] {
  return [...text.matchAll(/^\^p-(\d+)$/gm)].map((m) => m[1]!);
}

describe('re-exporting into a file the person edited in their vault', () => {
  it('keeps a line added between two passages in place, and adds the new highlight', () => {
    expect(exportArticle().kept).toEqual([]);
    const [first, second] = passageIds(read());
    // In Obsidian: a line of their own after the first passage's block.
    const mine = '我在 Obsidian 里加的一行：这一段和下一段要对照着读。';
    const lines = read().split('\n');
    const endOfFirst = lines.indexOf(`<!-- pizhu:end id=p-${first} -->`);
    lines.splice(endOfFirst + 1, 0, '', mine);
    fs.writeFileSync(file, lines.join('\n'));

    // A new highlight in the app, then export again.
    const target = lib.crafted.paragraphs.find((p) => p.text.startsWith('生僻字'))!;
    lib.library.annotations.createHighlight({ paragraphId: target.id, start: 0, end: 3, color: 'yellow' });
    const report = exportArticle();

    const text = read();
    expect(report.kept).toEqual([]);
    expect(report.files).toEqual([file]);
    expect(report.merged).toEqual([{ path: file, additions: 1, editedBlocks: 0, properties: 0 }]);
    expect(text.split('\n').filter((l) => l === mine)).toHaveLength(1);
    // Still between the same two passages.
    const at = text.indexOf(mine);
    expect(text.lastIndexOf(`^p-${first}`, at)).toBeGreaterThan(-1);
    expect(text.indexOf(`<!-- pizhu:begin id=p-${second} `)).toBeGreaterThan(at);
    expect(text.lastIndexOf(`<!-- pizhu:begin id=p-${second} `, at)).toBe(-1);
    // The new highlight is in the file.
    expect(text).toContain(`^p-${target.id}`);
    expect(text).toContain('> ==生僻字==');
    // No copy beside it.
    expect(fs.readdirSync(out).filter((f) => f.includes('(Pizhu'))).toEqual([]);

    // The next export, with nothing changed, keeps it exactly once, in the same place.
    lib.setNow(new Date('2026-12-02T08:00:00.000Z'));
    expect(exportArticle().merged).toHaveLength(1);
    expect(
      read()
        .split('\n')
        .filter((l) => l === mine),
    ).toHaveLength(1);
    expect(read().indexOf(mine)).toBeLessThan(read().indexOf(`<!-- pizhu:begin id=p-${second} `));
  });

  it('keeps an edited highlight quote beside the new one, marked as theirs, and says so', () => {
    exportArticle();
    const before = read();
    const quote = before.match(/^> .*==互联网==.*$/m)![0];
    const edited = before.replace(quote, `${quote}（我改过这句引文）`);
    fs.writeFileSync(file, edited);
    const report = exportArticle();
    expect(report.merged).toEqual([{ path: file, additions: 0, editedBlocks: 1, properties: 0 }]);
    const text = read();
    // Pizhu's new passage, and theirs after it under a line saying whose it is.
    expect(text).toContain(`${quote}\n`);
    const theirs = text.indexOf(`${quote}（我改过这句引文）`);
    expect(theirs).toBeGreaterThan(text.indexOf(`${quote}\n`));
    const label = text.lastIndexOf('*✎ Your edited version of the Pizhu block above, kept as you wrote it', theirs);
    expect(label).toBeGreaterThan(-1);
    expect(label).toBeGreaterThan(text.indexOf(`${quote}\n`));
    // Their version is theirs now: outside every region, carried as it is by the next export.
    exportArticle();
    expect(read().split(`${quote}（我改过这句引文）`)).toHaveLength(2);
  });

  it("keeps a property the person added, adds their tag to Pizhu's, and keeps a changed title as theirs", () => {
    exportArticle();
    const fields = frontMatterOf(read());
    const [, yaml, rest] = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(read())!;
    const theirs = yaml!
      .replace(/^title: .*$/m, 'title: 我自己的标题')
      .replace(/^tags:\n/m, 'tags:\n  - 我的标签\n')
      .concat('aliases:\n  - 平安\ncssclasses: wide\n');
    fs.writeFileSync(file, `---\n${theirs}---\n${rest}`);
    const report = exportArticle();
    expect(report.merged).toEqual([{ path: file, additions: 0, editedBlocks: 0, properties: 4 }]);
    const after = frontMatterOf(read());
    expect(after).toMatchObject({
      title: fields.title,
      title_yours: '我自己的标题',
      aliases: ['平安'],
      cssclasses: 'wide',
      pizhu: fields.pizhu,
    });
    expect(after.tags).toEqual([...(fields.tags as string[]), '我的标签']);
    // Again: nothing doubled, nothing lost.
    exportArticle();
    expect(frontMatterOf(read())).toEqual(after);
  });

  it("leaves a file that is not Pizhu's untouched, even one with Pizhu's markers in it", () => {
    fs.mkdirSync(out, { recursive: true });
    const theirs = `# 我的文件\n\n${regionText({ id: 'head', body: '抄来的' })}\n我的一行。\n`;
    fs.writeFileSync(file, theirs);
    const report = exportArticle();
    expect(fs.readFileSync(file, 'utf8')).toBe(theirs);
    expect(report.merged).toEqual([]);
    expect(report.kept).toEqual([
      { path: file, reason: 'not-written-by-pizhu', writtenInstead: file.replace(/\.md$/, ' (Pizhu).md') },
    ]);
  });

  it('reads a file an editor saved with CRLF line ends and a byte-order mark as the same file', () => {
    exportArticle();
    const mine = '我用另一个编辑器加的一行。';
    fs.writeFileSync(file, `\uFEFF${read().replace(/\n/g, '\r\n')}\r\n${mine}\r\n`);
    const report = exportArticle();
    expect(report.merged).toEqual([{ path: file, additions: 1, editedBlocks: 0, properties: 0 }]);
    const text = read();
    expect(text.startsWith('---\n')).toBe(true);
    expect(text.match(/^---$/gm)).toHaveLength(2);
    expect(text.endsWith(`\n\n${mine}\n`)).toBe(true);
  });

  it('keeps the file whole, and writes beside it, when a marker was broken by hand', () => {
    exportArticle();
    const broken = `${read().replace(/^<!-- pizhu:end id=head -->$/m, '')}\n我的一行。\n`;
    fs.writeFileSync(file, broken);
    const report = exportArticle();
    expect(read()).toBe(broken);
    expect(report.kept).toEqual([
      { path: file, reason: 'changed-since-export', writtenInstead: file.replace(/\.md$/, ' (Pizhu).md') },
    ]);
  });
});

describe("re-exporting the library's index and a tag report the person wrote in", () => {
  it('keeps their lines in both, in place', () => {
    lib.library.exportMarkdown({ scope: 'library', outDir: out });
    lib.library.exportMarkdown({ scope: { tag: '政策' }, outDir: out });
    const index = path.join(out, 'index.md');
    const report = path.join(out, 'tag 政策.md');
    fs.appendFileSync(index, '\n我的索引说明：先读政策类。\n');
    const lines = fs.readFileSync(report, 'utf8').split('\n');
    lines.splice(lines.indexOf('<!-- pizhu:end id=head -->') + 1, 0, '', '这个标签的编码规则：只标原文。');
    fs.writeFileSync(report, lines.join('\n'));

    const library = lib.library.exportMarkdown({ scope: 'library', outDir: out });
    const tag = lib.library.exportMarkdown({ scope: { tag: '政策' }, outDir: out });
    expect(library.kept).toEqual([]);
    expect(tag.kept).toEqual([]);
    expect(library.merged).toEqual([{ path: index, additions: 1, editedBlocks: 0, properties: 0 }]);
    expect(tag.merged).toEqual([{ path: report, additions: 1, editedBlocks: 0, properties: 0 }]);
    expect(fs.readFileSync(index, 'utf8')).toMatch(/<!-- pizhu:end id=index -->\n\n我的索引说明：先读政策类。\n$/);
    const text = fs.readFileSync(report, 'utf8');
    expect(text.indexOf('这个标签的编码规则：只标原文。')).toBeGreaterThan(text.indexOf('# Tag: 政策'));
    expect(text.indexOf('这个标签的编码规则：只标原文。')).toBeLessThan(text.indexOf('<!-- pizhu:begin id=a-'));
  });
});

describe('mergeExportedFile never drops a line the person wrote (seeded cases)', () => {
  const exportedAt = '2026-12-06T09:00:00.000Z';
  const fileOf = (ids: readonly string[], version: number): RegionedFile => ({
    fields: { title: `标题 ${version}`, tags: ['a'], exported_at: exportedAt },
    // An article's file always has its title region; the passages come and go.
    regions: [{ id: 'head', body: `# 标题 ${version}` }].concat(
      ids.map((id) => ({ id, body: `> 第 ${version} 版的 ${id}\n>\n> [↗ Pizhu](pizhu://article/1)\n\n^${id}` })),
    ),
  });

  it('carries every line written outside or inside the regions into the next export (300 cases)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(seed);
      const ids = Array.from({ length: between(random, 1, 6) }, (_, i) => `p-${i + 1}`);
      const lines = renderRegionedFile(fileOf(ids, 1)).split('\n');
      const frontEnd = lines.indexOf('---', 1);
      // The person's lines, each unique, put anywhere after the front matter: between regions or inside one.
      const mine: string[] = [];
      for (let n = between(random, 1, 5); n > 0; n--) {
        const line = `${hostileLine(random).replace(/<!--|-->/g, '')} ·${seed}·${n}`;
        mine.push(line);
        lines.splice(between(random, frontEnd + 1, lines.length), 0, line);
      }
      // The next export has some of the regions gone and new ones added.
      const next = ids.filter(() => random() < 0.7).concat(pick(random, [[], ['p-9'], ['p-7', 'p-8']]));
      const merged = mergeExportedFile(lines.join('\n'), fileOf(next, 2), exportedAt);
      const context = `seed ${seed}:\n${lines.join('\n')}`;
      expect(merged, context).not.toBeNull();
      const outLines = merged!.content.split('\n');
      for (const line of mine)
        expect(
          outLines.filter((l) => l === line.trim() || l === line),
          context,
        ).not.toEqual([]);
      for (const id of next) expect(merged!.content, context).toContain(`第 2 版的 ${id}`);
      // And again: still every line, none doubled.
      const again = mergeExportedFile(merged!.content, fileOf(next, 3), exportedAt)!.content.split('\n');
      for (const line of mine) {
        expect(again.filter((l) => l === line).length, context).toBe(outLines.filter((l) => l === line).length);
      }
    }
  });
});
