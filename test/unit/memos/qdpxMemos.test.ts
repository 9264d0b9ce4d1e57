import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../main/library/createLibrary';
import { libraryRefiQda } from '../../../main/library/refiQda/refiQdaOperations';
import { plainTextNoteState } from '../../../preload/common/noteText';
import type { MemoText } from '../../../preload/contract/memoTypes';
import { hasCorpus, hasXmllint, readArchive, schemaErrors } from '../main/library/refiQda/qdpxSupport';

/**
 * Issue #18 items 2 and 6: memos in REFI-QDA exchange. An article's memo is a Note its
 * TextSource refers to, the journal's entries Notes the Project refers to (dated as written);
 * the project validates against Project.xsd, and Pizhu → QDPX → Pizhu gives the memos back.
 */
let dir: string;
const libraries: Library[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-memo-qdpx-'));
});
afterEach(() => {
  for (const library of libraries.splice(0)) library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(name: string): Promise<Library> {
  let clock = Date.parse('2026-12-06T09:00:00.000Z');
  const library = await createLibrary({ dbPath: path.join(dir, `${name}.sqlite`), now: () => new Date((clock += 60_000)) });
  libraries.push(library);
  return library;
}

const memo = (text: string): MemoText => ({ editorState: JSON.stringify(plainTextNoteState(text)), plainText: text, markdown: text });

describe('memos in a .qdpx project', () => {
  it('go out as the source’s and the project’s notes, valid against Project.xsd, and come back', async () => {
    const source = await open('source');
    const articleId = source.importText('𠮷野家\n\n𠮷野家的报道,讲住房政策。', '𠮷野家').articleId!;
    source.memos.saveArticleMemo(articleId, memo('这篇把𠮷野家当作例子 & 说明<住房>问题。'));
    source.memos.saveJournalEntry(undefined, memo('第一天:导入报道。'));
    source.memos.saveJournalEntry(undefined, memo('第二天:写备忘。'));
    const file = path.join(dir, 'library.qdpx');
    const result = libraryRefiQda(source).exportQdpx(file);
    expect(result.notes).toBe(3);
    const xml = readArchive(file).get('project.qde')!;
    expect(xml).toMatch(/<TextSource [^>]*>.*<NoteRef targetGUID="[^"]+"\/><\/TextSource>/s);
    expect(xml).toContain('name="Memo"');
    expect(xml).toContain('这篇把𠮷野家当作例子 &amp; 说明&lt;住房&gt;问题。');
    expect([...xml.matchAll(/<Note guid="[^"]+" name="Journal [^"]+"[^>]*creationDateTime="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '2026-12-06T09:03:00.000Z',
      '2026-12-06T09:04:00.000Z',
    ]);
    expect(xml).toMatch(/<\/Notes><NoteRef targetGUID="[^"]+"\/><NoteRef targetGUID="[^"]+"\/><\/Project>/);
    if (hasCorpus && hasXmllint) expect(schemaErrors(xml, 'Project.xsd')).toBe('');

    const target = await open('target');
    expect(libraryRefiQda(target).importQdpx(file)).toMatchObject({ articlesAdded: 1, memosAdded: 3 });
    const [imported] = target.listArticles();
    expect(target.memos.getArticleMemo(imported!.id)?.plainText).toBe('这篇把𠮷野家当作例子 & 说明<住房>问题。');
    expect(target.memos.listJournal().map((e) => [e.createdAt, e.plainText])).toEqual([
      ['2026-12-06T09:04:00.000Z', '第二天:写备忘。'],
      ['2026-12-06T09:03:00.000Z', '第一天:导入报道。'],
    ]);
    // Again: nothing twice.
    expect(libraryRefiQda(target).importQdpx(file)).toMatchObject({ memosAdded: 0 });
  });
});
