import path from 'node:path';
import { expect } from 'vitest';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import { createLibrary, type Library } from '../../../../main/library/createLibrary';
import { cleaner } from './newerCleaner';
import { exchangeDocs as exchange } from '../exchangeDocs';

/**
 * Two libraries (devices A and B) where A re-cleaned an article with the newer cleaner
 * (newerCleaner.ts, which the test file must mock) and then noted and tagged the half paragraph
 * only its split has: B lists both as unplaced. A's member is named 林.
 * The test file mocks prepareImport as newerCleaner.ts says.
 */
export const riverText = [
  '第一段：今天我们读一篇关于城市与河流的文章，作者从老街写起。',
  '第二段：河水从山里流下来，穿过整座城市，两岸是新修的步道。',
  '第三段：到了晚上，桥上的灯亮起来，许多人来这里散步和聊天。',
].join('\n\n');

export const only = (library: Library) => library.listArticles()[0]!.id;

export function paragraphOf(library: Library, begins: string): number {
  const found = library.getArticle(only(library)).paragraphs.find((p) => p.text.startsWith(begins));
  expect(found, begins).toBeDefined();
  return found!.id;
}

export function writeNote(library: Library, begins: string, plain: string): void {
  library.annotations.saveNote({
    paragraphId: paragraphOf(library, begins),
    editorState: JSON.stringify(plainTextNoteState(plain)),
    plainText: plain,
    markdown: plain,
  });
}

/** A (named 林) re-cleans with the newer cleaner, notes `note` and tags 老街 on the half paragraph only its split has. */
export async function unplacedOnB(dir: string, note = '老街的记忆'): Promise<[Library, Library]> {
  const a = await createLibrary({ dbPath: path.join(dir, 'A.sqlite'), deviceName: 'laptop A' });
  const b = await createLibrary({ dbPath: path.join(dir, 'B.sqlite'), deviceName: 'laptop B' });
  try {
    a.team.setMe({ name: '林', color: a.team.members()[0]!.color });
    a.importText(riverText, '城市与河流');
    exchange([a, b]);
    cleaner.newer = true;
    a.recleanArticle(only(a));
    cleaner.newer = false;
    writeNote(a, '作者从老街写起', note);
    a.annotations.tagParagraph(paragraphOf(a, '作者从老街写起'), '老街');
    exchange([a, b]);
    expect(b.getArticle(only(b)).unplaced.map((u) => u.kind)).toEqual(['note', 'paragraph_tag']);
    return [a, b];
  } catch (error) {
    a.close();
    b.close();
    throw error;
  }
}
