/**
 * Library steps for unplaced-notes.spec.ts, run on the library file before and after the app has
 * it open (fixtures/preparedLibrary: in a process of their own, through the real main/library).
 */
import * as Y from 'yjs';
import type { Library } from '../../main/library/createLibrary';
import { articleDocName, libraryDoc } from '../../main/library/sync/model/docStore';

/** Lin's note: on a place in a split of the text (a newer cleaner's) that no map here leads to. */
export const linsWords = '这一段在新版清理里被分成两段，笔记写在后半段';

function articleIdByTitle(library: Library, title: string): number {
  const id = library.database().prepare('SELECT id FROM article WHERE title = ?').pluck().get(title);
  if (typeof id !== 'number') throw new Error(`no article is titled ${title}`);
  return id;
}

/**
 * Another device's updates, as a sync would apply them: its member Lin (林, with her colour), and
 * her note on the article titled `title`. Answers the article's id.
 */
export function addLinsNote(library: Library, title: string): { articleId: number } {
  const articleId = articleIdByTitle(library, title);
  const uid = library.database().prepare('SELECT uid FROM article WHERE id = ?').pluck().get(articleId) as string;
  const withLin = new Y.Doc();
  Y.applyUpdate(withLin, library.sync.diff(libraryDoc, new Uint8Array([0])));
  withLin.transact(() => {
    const lin = new Y.Map<unknown>();
    withLin.getMap<unknown>('members').set('member-lin', lin);
    lin.set('name', '林');
    lin.set('color', '#1c7ed6');
  });
  library.sync.apply(libraryDoc, Y.encodeStateAsUpdate(withLin, library.sync.stateVector(libraryDoc)));
  const name = articleDocName(uid);
  const article = new Y.Doc();
  Y.applyUpdate(article, library.sync.diff(name, new Uint8Array([0])));
  article.transact(() => {
    const entry = article.getMap<unknown>('note/2@00000000000000aa');
    entry.set('made_by', 'member-lin');
    entry.set('updated_at', '2026-12-01T08:00:00.000Z');
    article.getText('notetext/2@00000000000000aa').insert(0, linsWords);
  });
  library.sync.apply(name, Y.encodeStateAsUpdate(article, library.sync.stateVector(name)));
  return { articleId };
}

/** The article's unplaced entries as [words, set aside], read from the file after the app closed. */
export function unplacedOf(library: Library, title: string): Array<[string, boolean]> {
  return library.getArticle(articleIdByTitle(library, title)).unplaced.map((u) => [u.plainText, u.dismissed]);
}
