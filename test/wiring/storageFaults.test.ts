import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch, createHandlers } from '../../main/app/createHandlers';
import { openSeededLibrary, type SeededLibrary } from '../support/seededLibrary';

let seeded: SeededLibrary;
let dispatch: ReturnType<typeof createDispatch>;

beforeEach(async () => {
  seeded = await openSeededLibrary();
  dispatch = createDispatch(
    createHandlers({ library: seeded.library, appVersion: '0', seededOnThisRun: 5, chooseFiles: () => Promise.resolve([]) }),
    () => undefined,
  );
});
afterEach(() => seeded.dispose());

function snapshot(): string {
  const db = seeded.library.database();
  return JSON.stringify(['article', 'paragraph', 'highlight', 'tag', 'note'].map((t) => db.prepare(`SELECT * FROM ${t}`).all()));
}

describe('a library the disk will not take writes for', () => {
  it('disk full: a clear error, and no partial import', async () => {
    const db = seeded.library.database();
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`); // the file cannot grow: as good as a full disk
    const before = snapshot();
    const long = Array.from({ length: 400 }, (_, i) => `第${i}段:这是一段足够长的正文,用来把数据库撑满。`).join('\n\n');
    const result = await dispatch('pizhu:importText', { text: long, title: '写不下的文章' });
    expect(result).toMatchObject({ ok: false, error: { code: 'io-failed' } });
    expect(!result.ok && result.error.message).toMatch(/disk is full; nothing was changed/);
    expect(snapshot()).toBe(before);
  });

  it('read-only: a clear error, and nothing changed', async () => {
    const article = seeded.library.listArticles()[0]!;
    const paragraph = seeded.library.getArticle(article.id).paragraphs.find((p) => p.kind === 'body')!;
    seeded.library.database().pragma('query_only = ON');
    const before = snapshot();
    const result = await dispatch('pizhu:createHighlight', { paragraphId: paragraph.id, start: 0, end: 2, color: 'yellow' });
    expect(result).toMatchObject({ ok: false, error: { code: 'io-failed' } });
    expect(!result.ok && result.error.message).toMatch(/read-only/);
    expect(snapshot()).toBe(before);
  });
});
