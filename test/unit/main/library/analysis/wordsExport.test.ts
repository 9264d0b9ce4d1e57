import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';

/** Issue #18 item 5, the Words view's calls: a KWIC page sorted and limited in main, and CSV written only where a dialog may. */
let dir: string;
let library: Library;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-words-export-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
  library.importText('清晨的码头很安静。\n\n工人们在码头卸货，码头旁边有一家小店。', '码头一');
  library.importText('老碼頭已經有一百年。\n\n人們常在碼頭散步。', '碼頭二');
}, 60_000);
afterAll(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the Words view through the library', () => {
  it('sorts KWIC lines before the limit and says how many there were', () => {
    const all = library.analysis.concordance({ word: '碼頭', context: 3 });
    expect(all.total).toBe(all.lines.length);
    const page = library.analysis.concordance({ word: '码头', context: 3, sort: 'right', limit: 2 });
    expect(page.total).toBe(all.total);
    // Right contexts folded: 卸货 (5378) before 已經 → 已经 (5DF2).
    expect(page.lines.map((l) => l.right)).toEqual(['卸货，', '已經有']);
    // In text order, the first lines of the whole list, and the count of all.
    const first = library.analysis.concordance({ word: '码头', context: 3, limit: 3 });
    expect(first.lines).toEqual(all.lines.slice(0, 3));
    expect(first.total).toBe(all.total);
    expect(() => library.analysis.concordance({ word: '码头', limit: 0 })).toThrow(/whole number/);
  });

  it('tells a polling window how far a running count has got, and nothing once it ends', async () => {
    const seen: Array<{ done: number; total: number } | null> = [];
    expect(library.analysis.progress()).toBeNull();
    const list = await library.analysis.frequencies({}, () => seen.push(library.analysis.progress()));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual({ done: list.paragraphs, total: list.paragraphs });
    expect(library.analysis.progress()).toBeNull();
  });

  it('writes a frequency list, KWIC lines and keyness as CSV, and never over a library file', async () => {
    const file = path.join(dir, 'words.csv');
    const written = await library.analysis.exportCsv(file, { kind: 'frequencies', request: { keepStopWords: true } });
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('item,folded,occurrences,articles,per_10000');
    expect(csv).toContain('\r\n码头,码头,');
    expect(written.rows).toBe(csv.trimEnd().split('\r\n').length - 1);

    const kwic = await library.analysis.exportCsv(file, { kind: 'concordance', request: { word: '码头' } });
    expect(kwic.rows).toBe(library.analysis.concordance({ word: '码头' }).total);

    await expect(
      library.analysis.exportCsv(path.join(dir, 'library.sqlite'), { kind: 'frequencies', request: {} }),
    ).rejects.toThrow(/library/i);
    expect(library.listArticles()).toHaveLength(2);
    await expect(library.analysis.exportCsv('relative.csv', { kind: 'frequencies', request: {} })).rejects.toThrow();
  });
});
