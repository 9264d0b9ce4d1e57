import { describe, expect, it } from 'vitest';
import { maxDroppedFiles, maxDroppedFolderDepth } from '../../../../preload/contract/importTypes';
import { readDrop, type DropEntry } from '../../../../renderer/src/features/import/readDrop';

/** File and Directory Entries as a drop gives them: a folder answers readEntries in parts of 100, then an empty one. */
function file(name: string, fails = false): DropEntry {
  return {
    name,
    isFile: true,
    isDirectory: false,
    file: (success: (f: File) => void, failure: (e: unknown) => void) =>
      fails ? failure(new Error('gone')) : success(new File([name], name)),
  } as DropEntry;
}
function folder(name: string, children: DropEntry[]): DropEntry {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (success: (entries: DropEntry[]) => void) => {
          success(children.slice(at, at + 100));
          at += 100;
        },
      };
    },
  } as DropEntry;
}

describe('reading a drop', () => {
  it('walks folders by name, leaves hidden files out, and lists a file it cannot read', async () => {
    const many = Array.from({ length: 250 }, (_, i) => file(`n${String(i).padStart(3, '0')}.txt`));
    const read = await readDrop([
      new File(['loose'], 'loose.md'),
      folder('clips', [file('b.html'), file('.DS_Store'), folder('more', many), file('a.txt'), file('gone.txt', true)]),
    ]);
    expect(read.files.map((f) => f.name)).toEqual(['loose.md', 'a.txt', 'b.html', ...many.map((f) => f.name)]);
    expect(read.unread).toEqual([{ name: 'gone.txt', reason: { key: 'unreadable' } }]);
  });

  it(`goes at most ${maxDroppedFolderDepth} folders deep and reads at most ${maxDroppedFiles} files, saying so`, async () => {
    let deep = folder('bottom', [file('too-deep.txt')]);
    for (let i = 0; i < maxDroppedFolderDepth; i++) deep = folder(`level${i}`, [deep, file(`at${i}.txt`)]);
    const read = await readDrop([folder('nest', [deep])]);
    expect(read.files.map((f) => f.name)).not.toContain('too-deep.txt');
    expect(read.files).toHaveLength(maxDroppedFolderDepth);
    expect(read.unread).toEqual([{ name: 'nest', reason: { key: 'tooDeep', folder: 'nest' } }]);

    const flood = Array.from({ length: maxDroppedFiles + 10 }, (_, i) => file(`${i}.txt`));
    const capped = await readDrop([folder('flood', flood)]);
    expect(capped.files).toHaveLength(maxDroppedFiles);
    expect(capped.unread).toEqual([{ name: '', reason: { key: 'tooMany' } }]);
  });
});
