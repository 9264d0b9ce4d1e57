import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import { createLibrary, type Library } from '../../../../main/library/createLibrary';
import { tempDirs } from '../syncFixtures';
import { cleaner } from './newerCleaner';
import { exchangeDocs as exchange } from '../exchangeDocs';

// A newer cleaner, run by the device said to run it, splits the first paragraph in two.
vi.mock('../../../../main/library/import/prepareImport', async (importOriginal) =>
  (await import('./newerCleaner')).newerCleanerModule(importOriginal),
);

/**
 * A re-clean by a newer cleaner (the same text, split otherwise) on one device while another
 * device, on an older Pizhu, keeps the old split (#19). Before, the newer device's re-clean wrote
 * every note and tag at its new position, and the older device put them on whatever paragraph
 * held that position in its split: a note on the wrong paragraph.
 */
const tempDir = tempDirs('pizhu-sync-cleaner-');

const text = [
  '第一段：今天我们读一篇关于城市与河流的文章，作者从老街写起。',
  '第二段：河水从山里流下来，穿过整座城市，两岸是新修的步道。',
  '第三段：到了晚上，桥上的灯亮起来，许多人来这里散步和聊天。',
  '第四段：作者最后说，这座城市离不开这条河。',
].join('\n\n');

let opened: Library[] = [];
afterEach(() => {
  for (const library of opened) library.close();
  opened = [];
  cleaner.newer = false;
});

async function libraries(count: number): Promise<Library[]> {
  const dir = tempDir();
  const made: Library[] = [];
  for (let i = 0; i < count; i++) made.push(await createLibrary({ dbPath: path.join(dir, `${'AB'[i]}.sqlite`) }));
  opened.push(...made);
  return made;
}

const only = (library: Library) => library.listArticles()[0]!.id;

/** The paragraph that begins so. */
function paragraph(library: Library, begins: string): number {
  const found = library.getArticle(only(library)).paragraphs.find((p) => p.text.startsWith(begins));
  expect(found, begins).toBeDefined();
  return found!.id;
}

function note(library: Library, begins: string, plain: string): void {
  library.annotations.saveNote({
    paragraphId: paragraph(library, begins),
    editorState: JSON.stringify(plainTextNoteState(plain)),
    plainText: plain,
    markdown: plain,
  });
}

/** What a person sees: each note, tag and highlight by the text of the paragraph it is on. */
function shown(library: Library) {
  const article = library.getArticle(only(library));
  const textOf = new Map(article.paragraphs.map((p) => [p.id, p.text]));
  return {
    notes: Object.fromEntries(article.notes.map((n) => [textOf.get(n.paragraphId), n.plainText])) as Record<
      string,
      string
    >,
    tags: Object.fromEntries(
      Object.entries(article.paragraphTags).map(([id, tags]) => [textOf.get(Number(id)), tags]),
    ) as Record<string, string[]>,
    highlights: article.highlights.map((h) => ({
      quote: h.quote,
      reads: h.paragraphId === null ? null : textOf.get(h.paragraphId)!.slice(h.start!, h.end!),
    })),
  };
}

function expectDocsAndRebuild(all: readonly Library[]): void {
  const [head, ...rest] = all.map((l) => JSON.stringify(l.sync.dump()));
  for (const other of rest) expect(other).toBe(head);
  for (const library of all) {
    const incremental = JSON.stringify(library.sync.projectionDump());
    library.sync.rebuildProjection();
    expect(JSON.stringify(library.sync.projectionDump())).toBe(incremental);
  }
}

describe('a re-clean by a newer cleaner (another paragraph split of the same text)', () => {
  it('keeps every note and tag on its paragraph on both devices, and an updated device reads as the newer', async () => {
    const [a, b] = await libraries(2);
    a!.importText(text, '城市与河流');
    note(a!, '第三段', '桥上的灯');
    a!.annotations.tagParagraph(paragraph(a!, '第三段'), '夜景');
    const quote = '离不开';
    const fourth = a!.getArticle(only(a!)).paragraphs.find((p) => p.text.startsWith('第四段'))!;
    a!.annotations.createHighlight({
      paragraphId: fourth.id,
      start: fourth.text.indexOf(quote),
      end: fourth.text.indexOf(quote) + quote.length,
      color: 'green',
      tags: [],
    });
    exchange([a!, b!]);

    // A runs a newer Pizhu and re-cleans: every paragraph after the first moves down by one.
    cleaner.newer = true;
    a!.recleanArticle(only(a!));
    cleaner.newer = false;
    expect(a!.getArticle(only(a!)).paragraphs).toHaveLength(5);
    note(a!, '作者从老街写起', '老街');
    // B, on the older Pizhu and offline meanwhile, writes on its own split.
    note(b!, '第四段', '结尾');
    exchange([a!, b!]);

    expect(shown(a!)).toEqual({
      notes: { [text.split('\n\n')[2]!]: '桥上的灯', [text.split('\n\n')[3]!]: '结尾', '作者从老街写起。': '老街' },
      tags: { [text.split('\n\n')[2]!]: ['夜景'] },
      highlights: [{ quote, reads: quote }],
    });
    // B's split has no paragraph for A's note on the half it lacks: that note waits (in the
    // document) for B's update; nothing is shown on a paragraph it was not written on.
    expect(shown(b!)).toEqual({
      notes: { [text.split('\n\n')[2]!]: '桥上的灯', [text.split('\n\n')[3]!]: '结尾' },
      tags: { [text.split('\n\n')[2]!]: ['夜景'] },
      highlights: [{ quote, reads: quote }],
    });
    expectDocsAndRebuild([a!, b!]);

    // B is updated and re-cleans: it reads as A does, rows and all.
    cleaner.newer = true;
    b!.recleanArticle(only(b!));
    cleaner.newer = false;
    exchange([a!, b!]);
    expect(shown(b!)).toEqual(shown(a!));
    expect(JSON.stringify(b!.sync.projectionDump())).toBe(JSON.stringify(a!.sync.projectionDump()));
    expectDocsAndRebuild([a!, b!]);
  });
});

