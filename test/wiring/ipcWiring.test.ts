import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDispatch, createHandlers } from '../../main/app/createHandlers';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import type { PizhuApi } from '../../preload/contract/api';
import type { Highlight } from '../../preload/contract/annotationTypes';
import type { ArticleView } from '../../preload/contract/articleTypes';
import { channelOf, methods } from '../../preload/contract/channels';
import { createFakeElectron } from '../support/fakeElectron';
import { appUrl, handlerDeps, registerAppHandlers } from '../support/wiredHandlers';

const seedsDir = path.resolve(__dirname, '../../seeds');

describe('main/app registers the whole contract', () => {
  let dir: string;
  let library: Library;
  const fake = createFakeElectron();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-wiring-'));
    library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
    await library.seedIfNew(seedsDir);
    registerAppHandlers(fake, { library, appVersion: '0.0.0', seededOnThisRun: 5 });
  });
  afterAll(() => {
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers one handler per contract method and nothing else', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(methods.map(channelOf).sort());
  });

  it('answers a valid call with a value', async () => {
    const result = (await fake.callFrom(appUrl, 'pizhu:listArticles', undefined)) as { ok: boolean; value: unknown[] };
    expect(result.ok).toBe(true);
    expect(result.value).toHaveLength(5);
  });

  it.each([
    ['pizhu:getArticle', { articleId: 'one' }],
    ['pizhu:getArticle', { articleId: -1 }],
    ['pizhu:getArticle', { articleId: 1, extra: true }],
    ['pizhu:getArticle', null],
    ['pizhu:listArticles', { unexpected: 1 }],
    ['pizhu:reclassifyParagraph', { paragraphId: 1, kind: 'advert' }],
    ['pizhu:updateMetadata', { articleId: 1, changes: { publishedAt: 'yesterday' } }],
    ['pizhu:setReadingPosition', { articleId: 1, paragraphOrder: 1.5 }],
    ['pizhu:createHighlight', { paragraphId: 1, start: 0, end: 2, color: 'red' }],
    ['pizhu:createHighlight', { paragraphId: 1, start: -1, end: 2, color: 'yellow' }],
    // Passes the schema, refused by the library: the span lies outside the paragraph.
    ['pizhu:createHighlight', { paragraphId: 1, start: 0, end: 9_000_000, color: 'yellow' }],
    ['pizhu:updateHighlight', { highlightId: 1, color: 'yellow', extra: 1 }],
    ['pizhu:tagParagraph', { paragraphId: 1, tag: 'x'.repeat(500) }],
    ['pizhu:tagParagraph', { paragraphId: 1, tag: 'a//b' }],
    ['pizhu:tagHighlight', { highlightId: 1, tag: '' }],
    ['pizhu:renameTag', { from: 'a', to: 'x'.repeat(500) }],
    ['pizhu:saveNote', { paragraphId: 1, editorState: '{}', plainText: 'x' }],
    ['pizhu:undo', { steps: 2 }],
  ])('refuses %s with %j as a typed invalid-argument error', async (channel, request) => {
    const before = library.listArticles();
    const result = (await fake.callFrom(appUrl, channel, request)) as { ok: boolean; error: { code: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(library.listArticles()).toEqual(before);
  });

  it('round-trips a highlight through the channels, and undo brings a deleted one back', async () => {
    const call = (channel: string, request?: unknown) =>
      fake.callFrom(appUrl, `pizhu:${channel}`, request) as Promise<{ ok: boolean; value: never }>;
    const [summary] = library.listArticles();
    const article = (await call('getArticle', { articleId: summary!.id })).value as ArticleView;
    const paragraph = article.paragraphs.find((p) => p.text.length > 10)!;
    const created = await call('createHighlight', {
      paragraphId: paragraph.id,
      start: 0,
      end: 4,
      color: 'blue',
      tags: ['wiring'],
    });
    expect(created).toMatchObject({ ok: true, value: { quote: paragraph.text.slice(0, 4), tags: ['wiring'] } });
    const highlight = created.value as Highlight;
    expect(await call('deleteHighlight', { highlightId: highlight.id })).toMatchObject({ ok: true });
    expect(await call('undo')).toMatchObject({ ok: true, value: { op: 'highlight.delete', articleIds: [article.id] } });
    const reloaded = (await call('getArticle', { articleId: article.id })).value as ArticleView;
    expect(reloaded.highlights).toEqual([highlight]);
    expect(await call('deleteHighlight', { highlightId: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('answers a missing article with not-found, not an exception', async () => {
    const result = await fake.callFrom(appUrl, 'pizhu:getArticle', { articleId: 9999 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses calls from a frame that is not the app page', async () => {
    const result = await fake.callFrom('https://evil.example/', 'pizhu:listArticles', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('answers an unknown channel with a typed error', async () => {
    const dispatch = createDispatch(createHandlers(handlerDeps({ library })));
    expect(await dispatch('pizhu:dropTables', undefined)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });
});

describe('preload exposes the contract as window.pizhu and nothing else', () => {
  it('exposes one function per method that invokes its channel', async () => {
    const fake = createFakeElectron();
    vi.resetModules();
    vi.doMock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));
    await import('../../preload/index');
    expect([...fake.exposed.keys()]).toEqual(['pizhu']);
    const api = fake.exposed.get('pizhu') as PizhuApi;
    expect(Object.keys(api).sort()).toEqual([...methods].sort());
    await api.getArticle({ articleId: 3 });
    expect(fake.invoked).toEqual([{ channel: 'pizhu:getArticle', request: { articleId: 3 } }]);
    // ipcRenderer itself never reaches the page
    expect(Object.values(api).every((f) => typeof f === 'function')).toBe(true);
    // main's "a pizhu:// link is waiting" becomes a DOM event the page listens for
    const dispatched: string[] = [];
    const g = globalThis as unknown as { dispatchEvent?: (e: Event) => boolean };
    const saved = g.dispatchEvent;
    g.dispatchEvent = (e) => (dispatched.push(e.type), true);
    fake.rendererListeners.get('pizhu:link')?.();
    g.dispatchEvent = saved;
    expect(dispatched).toEqual(['pizhu:link']);
    vi.doUnmock('electron');
  });
});
