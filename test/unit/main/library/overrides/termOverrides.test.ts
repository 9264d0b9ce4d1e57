/**
 * Issue #15 item 6: term overrides in the library. Each change is one undo step; one source reads
 * one way per mode; a CSV term list imports line by line with every skipped line reported, and a
 * file that is no term list is refused with nothing changed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { LibraryError } from '../../../../../main/library/libraryError';
import { maxTermListBytes } from '../../../../../preload/contract/termOverrideTypes';

let dir: string;
let library: Library;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-overrides-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
});

afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What the person sees in the overrides list: source → target [modes]. */
const listed = () => library.overrides.list().map((o) => `${o.source}→${o.target} [${o.modes.join(' ')}]`);

function refusal(run: () => unknown): { code: string; message: string; detail?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof LibraryError) return { code: error.code, message: error.message, detail: error.detail };
    throw error;
  }
  throw new Error('expected a refusal');
}

function writeFile(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('term overrides', () => {
  it('adds, edits and removes an override, each one undo step', () => {
    const added = library.overrides.add({ source: ' 心理发展 ', target: '心理發展', modes: ['tw', 't', 'tw'] });
    expect(added).toMatchObject({ source: '心理发展', target: '心理發展', modes: ['t', 'tw'] });
    expect(listed()).toEqual(['心理发展→心理發展 [t tw]']);

    library.overrides.update(added.id, { source: '心理发展', target: '心理發展', modes: ['t', 'tw', 'twp', 'hk'] });
    expect(listed()).toEqual(['心理发展→心理發展 [t tw twp hk]']);
    library.overrides.remove(added.id);
    expect(listed()).toEqual([]);

    expect(library.annotations.undo()).toMatchObject({ op: 'override.remove', articleIds: [] });
    expect(listed()).toEqual(['心理发展→心理發展 [t tw twp hk]']);
    expect(library.annotations.undo()?.op).toBe('override.update');
    expect(listed()).toEqual(['心理发展→心理發展 [t tw]']);
    expect(library.annotations.undo()?.op).toBe('override.add');
    expect(listed()).toEqual([]);
    library.annotations.redo();
    expect(library.overrides.list()).toEqual([added]);
  });

  it('refuses a second reading of a source in a mode it already has, naming the one to edit', () => {
    const first = library.overrides.add({ source: '软件', target: '軟體', modes: ['t', 'tw'] });
    const refused = refusal(() => library.overrides.add({ source: '软件', target: '電腦程式', modes: ['tw', 'hk'] }));
    expect(refused).toMatchObject({ code: 'override-conflict', detail: String(first.id) });
    expect(refused.message).toContain('軟體');
    // Another mode of the same source is another override.
    library.overrides.add({ source: '软件', target: '軟件', modes: ['hk'] });
    expect(listed()).toEqual(['软件→軟體 [t tw]', '软件→軟件 [hk]']);
  });

  it('refuses what no override can be, and changes nothing', () => {
    const cases: Array<[Parameters<Library['overrides']['add']>[0], string]> = [
      [{ source: '  ', target: 'x', modes: ['t'] }, 'invalid-argument'],
      [{ source: 'a', target: 'b', modes: [] }, 'invalid-argument'],
      [{ source: 'a', target: 'b', modes: ['original'] }, 'invalid-argument'],
      [{ source: 'a'.repeat(65), target: 'b', modes: ['t'] }, 'invalid-argument'],
      [{ source: 'a\nb', target: 'b', modes: ['t'] }, 'invalid-argument'],
    ];
    for (const [rule, code] of cases) expect(refusal(() => library.overrides.add(rule)).code).toBe(code);
    expect(refusal(() => library.overrides.remove(99)).code).toBe('not-found');
    expect(listed()).toEqual([]);
    expect(library.annotations.undo()).toBeNull();
  });
});

describe('CSV term lists', () => {
  it('exports what it imports, with quoting, and a second import changes nothing', () => {
    library.overrides.add({ source: '心理发展', target: '心理發展', modes: ['t', 'tw'] });
    library.overrides.add({ source: 'A,B', target: '"引號"', modes: ['hk'] });
    const file = path.join(dir, 'terms.csv');
    expect(library.overrides.exportTermList(file)).toEqual({ written: 2 });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toBe('\uFEFFsource,target,modes\r\n"A,B","""引號""",hk\r\n心理发展,心理發展,t tw\r\n');

    const other = path.join(dir, 'other.sqlite');
    return createLibrary({ dbPath: other }).then((second) => {
      try {
        expect(second.overrides.importTermList(file)).toEqual({ added: 2, updated: 0, unchanged: 0, skipped: [] });
        expect(second.overrides.list().map((o) => [o.source, o.target, o.modes])).toEqual([
          ['A,B', '"引號"', ['hk']],
          ['心理发展', '心理發展', ['t', 'tw']],
        ]);
        expect(second.overrides.importTermList(file)).toEqual({ added: 0, updated: 0, unchanged: 2, skipped: [] });
        // The first import is one undo step.
        expect(second.annotations.undo()?.op).toBe('override.import');
        expect(second.overrides.list()).toEqual([]);
      } finally {
        second.close();
      }
    });
  });

  it('imports the valid lines and reports every other line with its reason', () => {
    library.overrides.add({ source: '软件', target: '軟體', modes: ['t', 'tw'] });
    library.overrides.add({ source: '程序', target: '程式', modes: ['tw'] });
    const file = writeFile(
      'terms.csv',
      [
        'Source,Target,Modes', // 1: header, any case
        '心理发展,心理發展,t tw', // 2: added
        '软件,软体,t tw', // 3: same source and modes: target updated
        '程序,程序,tw hk', // 4: overlaps 程序 [tw] with other modes: conflict
        '服务器,伺服器,tw klingon', // 5: bad mode
        '服务器,伺服器,original', // 6: original never converts
        ',伺服器,tw', // 7: empty source
        `${'长'.repeat(65)},x,t`, // 8: too long
        '只有两列,x', // 9: wrong columns
        '心理发展,心理发展,tw', // 10: duplicate of line 2 in tw
        '"多行\n名字",x,t', // 11-12: a line break in a field
        '', // blank: no line
        '严华郁,嚴華郁,t tw twp hk', // 14: added
      ].join('\n'),
    );
    const result = library.overrides.importTermList(file);
    expect(result).toEqual({
      added: 2,
      updated: 1,
      unchanged: 0,
      skipped: [
        { line: 4, reason: 'conflict' },
        { line: 5, reason: 'bad-mode' },
        { line: 6, reason: 'bad-mode' },
        { line: 7, reason: 'empty-field' },
        { line: 8, reason: 'too-long' },
        { line: 9, reason: 'wrong-columns' },
        { line: 10, reason: 'duplicate' },
        { line: 11, reason: 'bad-text' },
      ],
    });
    expect(listed()).toEqual([
      '严华郁→嚴華郁 [t tw twp hk]',
      '心理发展→心理發展 [t tw]',
      '程序→程式 [tw]',
      '软件→软体 [t tw]',
    ]);
    // All of it is one step.
    library.annotations.undo();
    expect(listed()).toEqual(['程序→程式 [tw]', '软件→軟體 [t tw]']);
  });

  describe('a file that is no term list is refused and nothing changes', () => {
    const before = () =>
      JSON.stringify([library.overrides.list(), library.database().prepare('SELECT * FROM journal').all()]);

    it.each([
      [
        'binary bytes',
        () => writeFile('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
        'decode-failed',
      ],
      [
        'GBK text',
        () => writeFile('gbk.csv', Buffer.from([0x73, 0x6f, 0x75, 0x72, 0x63, 0x65, 0x0a, 0xd0, 0xc4, 0xc0, 0xed])),
        'decode-failed',
      ],
      ['UTF-8 with a NUL', () => writeFile('nul.csv', 'source,target,modes\na\0,b,t\n'), 'decode-failed'],
      ['no header', () => writeFile('plain.csv', '心理发展,心理發展,t\n'), 'unsupported-file'],
      [
        'a quote left open',
        () => writeFile('open.csv', 'source,target,modes\n"心理发展,心理發展,t\n'),
        'unsupported-file',
      ],
      [
        'text after a closing quote',
        () => writeFile('after.csv', 'source,target,modes\n"a"b,c,t\n'),
        'unsupported-file',
      ],
      ['an empty file', () => writeFile('empty.csv', ''), 'empty-file'],
      [
        'a folder',
        () => fs.mkdirSync(path.join(dir, 'folder.csv')) ?? path.join(dir, 'folder.csv'),
        'unsupported-file',
      ],
      ['a missing file', () => path.join(dir, 'missing.csv'), 'not-found'],
      ['the library itself', () => path.join(dir, 'library.sqlite'), 'protected-path'],
      [
        'too many lines',
        () => writeFile('many.csv', `source,target,modes\n${'a,b,t\n'.repeat(5_001)}`),
        'file-too-large',
      ],
    ])('%s', (_name, make, code) => {
      const state = before();
      const file = make();
      const refused = refusal(() => library.overrides.importTermList(file));
      expect(refused.code).toBe(code);
      expect(refused.message).toMatch(/nothing was changed/i);
      expect(before()).toBe(state);
    });

    it('a file of 200 MB, without reading it', () => {
      const file = path.join(dir, 'huge.csv');
      fs.writeFileSync(file, 'source,target,modes\n');
      fs.truncateSync(file, 200 * 1024 * 1024);
      expect(fs.statSync(file).size).toBeGreaterThan(maxTermListBytes);
      const state = before();
      const refused = refusal(() => library.overrides.importTermList(file));
      expect(refused.code).toBe('file-too-large');
      expect(refused.message).toContain('200 MB');
      expect(before()).toBe(state);
    });

    it('a FIFO, without waiting for a writer', () => {
      const fifo = path.join(dir, 'pipe.csv');
      try {
        execFileSync('mkfifo', [fifo]);
      } catch {
        console.warn('skipped: mkfifo is not available here');
        return;
      }
      const state = before();
      const refused = refusal(() => library.overrides.importTermList(fifo));
      expect(refused.code).toBe('unsupported-file');
      expect(refused.message).toContain('FIFO');
      expect(before()).toBe(state);
    });
  });
});
