import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';
import { parseMarkdown } from './parseMarkdown';

let lib: AnnotatedLibrary;

beforeEach(async () => {
  lib = await openAnnotatedLibrary();
});
afterEach(() => lib.dispose());

// Issue #13: a tag report mixes passages from many articles, but gave no source or date per passage.
describe('a tag report', () => {
  it("ends every passage with its article's source and date, before the back-link", () => {
    lib.library.updateMetadata(lib.crafted.id, { source: '测试*来源*', publishedAt: '2026-11-01' });
    const out = path.join(lib.dir, 'tags');
    const { files } = lib.library.exportMarkdown({ scope: { tag: '政策' }, outDir: out });
    const markdown = fs.readFileSync(files[0]!, 'utf8');
    const lastLines = markdown
      .split('\n')
      .filter((line) => line.includes('[↗ Pizhu](pizhu://article/') && line.startsWith('> '));
    expect(lastLines.length).toBeGreaterThan(0);
    for (const line of lastLines) {
      if (line.includes(`pizhu://article/${lib.crafted.id}#`))
        expect(line).toContain('— 测试\\*来源\\* · 2026-11-01 [↗ Pizhu]');
    }
    expect(lastLines.some((line) => line.includes(`pizhu://article/${lib.crafted.id}#`))).toBe(true);
    // The source's * stays text: the whole tag line reads back as one text node.
    expect(JSON.stringify(parseMarkdown(markdown))).toContain('"value":"#政策 — 测试*来源* · 2026-11-01 "');
  });
});
