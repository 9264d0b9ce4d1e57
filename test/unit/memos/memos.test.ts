import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../main/library/createLibrary';
import type { MemoText } from '../../../preload/contract/memoTypes';

/**
 * Issue #18 item 2: an article's memo and the library journal's dated entries. Each save is one
 * undo step (typing folds as a note's does), a blank save removes the memo, the search finds memo
 * text script-insensitively and says where it is, and a memo on a trashed article is not found.
 */
let dir: string;
let libraries: Library[] = [];
let clock = Date.parse('2026-12-06T09:00:00.000Z');
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-memos-'));
});
afterEach(() => {
  for (const library of libraries) library.close();
  libraries = [];
  fs.rmSync(dir, { recursive: true, force: true });
});

// By default each call a minute later: no two saves fold into one undo step by time alone.
async function open(now = () => new Date((clock += 60_000))): Promise<{ library: Library; articleId: number }> {
  const library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite'), now });
  libraries.push(library);
  const { articleId } = library.importText('住房政策\n\n今年的住房政策有三项调整。', '住房政策');
  return { library, articleId: articleId! };
}

const memo = (plainText: string, extra: Partial<MemoText> = {}): MemoText => ({
  editorState: JSON.stringify({ root: { text: plainText } }),
  plainText,
  markdown: `**${plainText}**`,
  ...extra,
});

describe('an article memo', () => {
  it('is saved, read back, edited and removed by a blank save, each an undo step', async () => {
    const { library, articleId } = await open();
    expect(library.memos.getArticleMemo(articleId)).toBeNull();
    const saved = library.memos.saveArticleMemo(articleId, memo('受访者多提到租金。'));
    expect(saved).toMatchObject({ articleId, plainText: '受访者多提到租金。', markdown: '**受访者多提到租金。**' });
    expect(library.memos.getArticleMemo(articleId)?.plainText).toBe('受访者多提到租金。');

    library.memos.saveArticleMemo(articleId, memo('受访者多提到租金。\n第二段', { startsStep: true }));
    expect(library.memos.saveArticleMemo(articleId, memo('  '))).toBeNull();
    expect(library.memos.getArticleMemo(articleId)).toBeNull();

    expect(library.annotations.undo()).toMatchObject({ op: 'memo.delete', articleIds: [articleId] });
    expect(library.memos.getArticleMemo(articleId)?.plainText).toBe('受访者多提到租金。\n第二段');
    expect(library.annotations.undo()?.op).toBe('memo.save');
    expect(library.memos.getArticleMemo(articleId)?.plainText).toBe('受访者多提到租金。');
    expect(library.annotations.undo()?.op).toBe('memo.save');
    expect(library.memos.getArticleMemo(articleId)).toBeNull();
    library.annotations.redo();
    expect(library.memos.getArticleMemo(articleId)?.plainText).toBe('受访者多提到租金。');
  });

  it('folds quick typing on one line into one undo step', async () => {
    const { articleId, library: frozen } = await open(() => new Date('2026-12-06T10:00:00.000Z'));
    frozen.memos.saveArticleMemo(articleId, memo('租', { startsStep: true }));
    frozen.memos.saveArticleMemo(articleId, memo('租金'));
    frozen.memos.saveArticleMemo(articleId, memo('租金上涨'));
    frozen.annotations.undo();
    expect(frozen.memos.getArticleMemo(articleId)).toBeNull();
  });

  it('refuses an article that does not exist, changing nothing', async () => {
    const { library } = await open();
    expect(() => library.memos.saveArticleMemo(9_999, memo('x'))).toThrow(/no article 9999/);
    expect(library.annotations.undo()).toBeNull();
  });
});

describe('the journal', () => {
  it('keeps dated entries newest first; a new entry, an edit and a removal are one undo step each', async () => {
    const { library } = await open();
    const first = library.memos.saveJournalEntry(undefined, memo('第一天:读了十篇报道。'))!;
    const second = library.memos.saveJournalEntry(undefined, memo('第二天:编码“政策”。'))!;
    expect(first.articleId).toBeNull();
    expect(library.memos.listJournal().map((e) => e.plainText)).toEqual(['第二天:编码“政策”。', '第一天:读了十篇报道。']);
    expect(library.memos.saveJournalEntry(undefined, memo(' '))).toBeNull();
    expect(library.memos.listJournal()).toHaveLength(2);

    library.memos.saveJournalEntry(first.id, memo('第一天:读了十二篇报道。', { startsStep: true }));
    expect(library.memos.removeJournalEntry(second.id).plainText).toBe('第二天:编码“政策”。');
    expect(library.memos.listJournal().map((e) => e.plainText)).toEqual(['第一天:读了十二篇报道。']);

    expect(library.annotations.undo()).toMatchObject({ op: 'memo.delete', articleIds: [] });
    expect(library.memos.listJournal()).toHaveLength(2);
    library.annotations.undo();
    expect(library.memos.listJournal()[1]?.plainText).toBe('第一天:读了十篇报道。');
    expect(() => library.memos.removeJournalEntry(9_999)).toThrow(/no journal entry 9999/);
  });

  it('does not take an article memo for a journal entry', async () => {
    const { library, articleId } = await open();
    const onArticle = library.memos.saveArticleMemo(articleId, memo('文章备忘'))!;
    expect(() => library.memos.saveJournalEntry(onArticle.id, memo('改写'))).toThrow(/no journal entry/);
    expect(() => library.memos.removeJournalEntry(onArticle.id)).toThrow(/no journal entry/);
    expect(library.memos.getArticleMemo(articleId)?.plainText).toBe('文章备忘');
  });
});

describe('searching memos', () => {
  it('finds memo text in either script with its ranges, on the first untagged page, and not in the trash', async () => {
    const { library, articleId } = await open();
    library.memos.saveArticleMemo(articleId, memo('受访者谈到住房补贴的申请。'));
    library.memos.saveJournalEntry(undefined, memo('今天重读了住房補貼的材料'));
    const result = library.search.find('住房補貼');
    expect(result.memos?.map((m) => [m.articleId, m.articleTitle, m.text.slice(m.matches[0]!.start, m.matches[0]!.end)])).toEqual([
      [articleId, '住房政策', '住房补贴'],
      [null, null, '住房補貼'],
    ]);
    expect(library.search.find('住房 申请').memos).toHaveLength(1);
    expect(library.search.find('住房补贴', { offset: 50 }).memos).toBeUndefined();
    expect(library.search.find('住房补贴', { articleId }).memos?.map((m) => m.articleId)).toEqual([articleId]);
    library.trashArticle(articleId);
    expect(library.search.find('住房补贴').memos?.map((m) => m.articleId)).toEqual([null]);
  });
});
