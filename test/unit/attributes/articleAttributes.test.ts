import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { createLibrary, type Library } from '../../../main/library/createLibrary';
import type { Backup } from '../../../main/library/export/backupFormat';

/**
 * Issue #18 item 3: attributes a researcher defines and sets on articles, one or many at once,
 * or from a CSV keyed by file name or URL; each action one undo step; the library list filters
 * and groups by them.
 */
let dir: string;
let library: Library;
let clock = Date.parse('2026-12-06T09:00:00.000Z');
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-attributes-'));
  // Each call a minute later: no two edits fold into one undo step by time.
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite'), now: () => new Date((clock += 60_000)) });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Three articles imported from files a.txt, b.txt, c.txt; b has a URL. */
async function threeArticles(): Promise<number[]> {
  const files = ['a', 'b', 'c'].map((name, i) => {
    const file = path.join(dir, `${name}.txt`);
    fs.writeFileSync(file, `标题${name}\n\n第${i + 1}篇文章的正文，关于住房政策。`);
    return file;
  });
  const outcomes = await library.importPaths(files);
  const ids = outcomes.map((o) => (o.status === 'imported' ? (o.articleId ?? -1) : -1));
  library.updateMetadata(ids[1]!, { url: 'https://example.org/b' });
  return ids;
}

const page = { view: 'library', sort: 'date', collation: 'zh', query: '', tag: '', offset: 0, limit: 50 } as const;

function csvFile(name: string, text: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('article attributes', () => {
  it('sets a choice on a selection in one undo step, groups by it and filters the list by it', async () => {
    const [a, b, c] = await threeArticles();
    const outlet = library.attributes.defineAttribute({ name: '媒体类型', kind: 'choice', choices: ['官方', '市场化'] });
    expect(library.attributes.setAttributeValue([a!, b!], outlet.id, '官方')).toEqual({ changed: 2 });
    // The list's spelling in the other script is the same choice.
    library.attributes.setAttributeValue([c!], outlet.id, '市場化');
    const [summary] = library.attributes.listAttributes();
    expect(summary!.values).toEqual([
      { value: '官方', count: 2 },
      { value: '市场化', count: 1 },
    ]);
    const filtered = library.listArticlePage({ ...page, attribute: { attributeId: outlet.id, value: '官方' } });
    expect(filtered.rows.map((r) => r.id).sort()).toEqual([a, b].sort());
    expect(filtered.total).toBe(2);
    expect(filtered.inView).toBe(3);

    expect(library.annotations.undo()?.description).toBe('Set “媒体类型” to “市场化”');
    expect(library.annotations.undo()?.description).toBe('Set “媒体类型” to “官方” on 2 articles');
    expect(library.attributes.listAttributes()[0]!.values).toEqual([]);
    library.annotations.redo();
    expect(library.attributes.articleAttributes(a!)).toEqual([
      { attributeId: outlet.id, name: '媒体类型', kind: 'choice', value: '官方' },
    ]);
  });

  it('keeps numbers and dates in one form and refuses what is neither, changing nothing', async () => {
    const [a] = await threeArticles();
    const words = library.attributes.defineAttribute({ name: 'words', kind: 'number' });
    const day = library.attributes.defineAttribute({ name: '日期', kind: 'date' });
    library.attributes.setAttributeValue([a!], words.id, ' 1,200 ');
    library.attributes.setAttributeValue([a!], day.id, '2024年3月5日');
    expect(library.attributes.articleAttributes(a!).map((v) => v.value)).toEqual(['1200', '2024-03-05']);
    expect(() => library.attributes.setAttributeValue([a!], words.id, 'many')).toThrow(/not a number/);
    expect(() => library.attributes.setAttributeValue([a!], day.id, '2024-02-30')).toThrow(/no day of the calendar/);
    expect(() => library.attributes.setAttributeValue([a!, 9_999], day.id, '2024-01-01')).toThrow(/no article 9999/);
    expect(library.attributes.articleAttributes(a!).map((v) => v.value)).toEqual(['1200', '2024-03-05']);
    // A kind change every value cannot follow is refused whole.
    expect(() => library.attributes.updateAttribute(day.id, { name: '日期', kind: 'number' })).toThrow(/1 article/);
  });

  it('removes an attribute with its values and undo brings both back', async () => {
    const [a] = await threeArticles();
    const region = library.attributes.defineAttribute({ name: 'region', kind: 'text' });
    library.attributes.setAttributeValue([a!], region.id, '广东');
    library.attributes.removeAttribute(region.id);
    expect(library.attributes.listAttributes()).toEqual([]);
    library.annotations.undo();
    expect(library.attributes.articleAttributes(a!)).toEqual([
      { attributeId: region.id, name: 'region', kind: 'text', value: '广东' },
    ]);
  });

  it('imports a CSV keyed by file name, reporting every skipped line with its reason, in one undo step', async () => {
    const [a, b, c] = await threeArticles();
    library.attributes.defineAttribute({ name: 'stance', kind: 'choice', choices: ['支持', '反对'] });
    const file = csvFile(
      'attrs.csv',
      '\uFEFFfile,stance,region\r\n' +
        'a.txt,支持,广东\r\n' +
        'folder/b.txt,,北京\r\n' + // a path's last part names the file; a blank cell leaves the value alone
        'c.txt,中立,上海\r\n' + // not one of the list: the whole line is skipped
        'missing.txt,支持,x\r\n' +
        'a.txt,反对,y\r\n' + // a second line for a.txt
        'only-two\r\n' +
        ',支持,z\r\n',
    );
    const result = library.attributes.importAttributeCsv(file);
    expect(result).toEqual({
      articles: 2,
      values: 3,
      skipped: [
        { line: 4, reason: 'bad-value', column: 'stance' },
        { line: 5, reason: 'no-article' },
        { line: 6, reason: 'duplicate' },
        { line: 7, reason: 'wrong-columns' },
        { line: 8, reason: 'no-key' },
      ],
    });
    // "region" named no attribute: it was added as text in the same step.
    expect(library.attributes.articleAttributes(a!).map((v) => `${v.name}=${v.value}`)).toEqual(['region=广东', 'stance=支持']);
    expect(library.attributes.articleAttributes(b!).map((v) => `${v.name}=${v.value}`)).toEqual(['region=北京']);
    expect(library.attributes.articleAttributes(c!)).toEqual([]);
    library.annotations.undo();
    expect(library.attributes.listAttributes().map((x) => x.name)).toEqual(['stance']);
    expect(library.attributes.articleAttributes(a!)).toEqual([]);
  });

  it('imports by URL and refuses a file that is no attribute CSV with nothing changed', async () => {
    const [, b] = await threeArticles();
    const byUrl = library.attributes.importAttributeCsv(csvFile('u.csv', 'url,outlet\nhttps://example.org/b,南方周末\n'));
    expect(byUrl).toEqual({ articles: 1, values: 1, skipped: [] });
    expect(library.attributes.articleAttributes(b!)[0]!.value).toBe('南方周末');
    const before = JSON.stringify(library.attributes.listAttributes());
    const bad: Array<[string, string | Uint8Array, RegExp]> = [
      ['nokey.csv', 'title,outlet\nx,y\n', /no key column/],
      ['quote.csv', 'file,outlet\n"a.txt,y\n', /not valid CSV/],
      ['binary.csv', new Uint8Array([0x66, 0x69, 0x6c, 0x65, 0x00, 0xff, 0xfe]), /not UTF-8|not a text file/],
      ['empty.csv', '   \n', /is empty/],
      ['twice.csv', 'file,outlet,Outlet\n', /twice/],
    ];
    for (const [name, text, message] of bad) {
      expect(() => library.attributes.importAttributeCsv(csvFile(name, text))).toThrow(message);
    }
    expect(JSON.stringify(library.attributes.listAttributes())).toBe(before);
    expect(library.annotations.undo()?.description).toBe('Import attributes from “u.csv”');
  });

  it('goes through the JSON backup (version 8, valid against its schema) and merges without overwriting; version 7 still reads', async () => {
    const [a, b] = await threeArticles();
    const outlet = library.attributes.defineAttribute({ name: '媒体类型', kind: 'choice', choices: ['官方', '市场化'] });
    const words = library.attributes.defineAttribute({ name: 'words', kind: 'number' });
    library.attributes.setAttributeValue([a!], outlet.id, '官方');
    library.attributes.setAttributeValue([b!], outlet.id, '市场化');
    library.attributes.setAttributeValue([a!], words.id, '1200');
    const file = path.join(dir, 'backup.json');
    library.exportBackup(file);
    const backup = JSON.parse(fs.readFileSync(file, 'utf8')) as Backup;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../docs/backup.schema.json'), 'utf8')) as object);
    expect(validate(backup), JSON.stringify(validate.errors)).toBe(true);
    expect(backup.version).toBe(8);
    expect(backup.attributes.map((x) => [x.name, x.kind, x.choices])).toEqual([
      ['words', 'number', []],
      ['媒体类型', 'choice', ['官方', '市场化']],
    ]);
    expect(backup.articles.map((x) => x.attributes ?? null)).toEqual([{ words: '1200', 媒体类型: '官方' }, { 媒体类型: '市场化' }, null]);

    // Into another library that has its own value for the first article: that one is kept.
    const other = await createLibrary({ dbPath: path.join(dir, 'other.sqlite') });
    try {
      const files = ['a'].map((name) => path.join(dir, `${name}.txt`));
      const [first] = await other.importPaths(files);
      const firstId = first!.status === 'imported' ? first!.articleId! : -1;
      const own = other.attributes.defineAttribute({ name: '媒體類型', kind: 'text' });
      other.attributes.setAttributeValue([firstId], own.id, '自媒体');
      const counts = other.importBackup(file);
      expect(counts).toMatchObject({ attributesAdded: 1, attributeValuesAdded: 2 });
      expect(other.attributes.articleAttributes(firstId).map((v) => `${v.name}=${v.value}`)).toEqual(['words=1200', '媒體類型=自媒体']);
      // Version 7, written before attributes, has none and still reads.
      const v7 = path.join(dir, 'v7.json');
      const { attributes: _dropped, ...rest } = backup;
      fs.writeFileSync(v7, JSON.stringify({ ...rest, version: 7, articles: rest.articles.map(({ attributes: _a, ...x }) => x) }));
      expect(other.importBackup(v7)).toMatchObject({ attributesAdded: 0, attributeValuesAdded: 0 });
    } finally {
      other.close();
    }
  });
});
