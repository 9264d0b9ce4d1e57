import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch, createHandlers, type Dispatch } from '../../../../../main/app/createHandlers';
import type { AutocodeResult, SearchResult } from '../../../../../preload/contract/api';
import { channelOf, methods } from '../../../../../preload/contract/channels';
import { openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
let dispatch: Dispatch;
beforeAll(async () => {
  seeded = await openSeededLibrary();
  dispatch = createDispatch(
    createHandlers({ library: seeded.library, appVersion: '0', seededOnThisRun: 0, chooseFiles: () => Promise.resolve([]) }),
    () => undefined,
  );
});
afterAll(() => seeded.dispose());

const call = (method: string, request?: unknown) => dispatch(channelOf(method as never), request);

describe('search and autocode over the contract', () => {
  it('are contract methods', () => {
    expect(methods).toContain('search');
    expect(methods).toContain('autocode');
  });

  it('answers a search with a page of hits and the total', async () => {
    const result = await call('search', { query: '晉江 公安', limit: 3 });
    expect(result.ok).toBe(true);
    const value = (result as { value: SearchResult }).value;
    expect(value.hits).toHaveLength(3);
    // A page says "more than 3" without counting; the exact count when asked.
    expect(value).toMatchObject({ total: 3, totalIsLowerBound: true });
    const counted = await call('search', { query: '晉江 公安', limit: 3, exactTotal: true });
    expect((counted as { value: SearchResult }).value.total).toBeGreaterThan(3);
    expect((counted as { value: SearchResult }).value.totalIsLowerBound).toBeUndefined();
    const [hit] = value.hits;
    expect(Object.keys(hit!).sort()).toEqual(
      ['articleArchived', 'articleId', 'articleRegion', 'articleScript', 'articleTitle', 'kind', 'matches', 'paragraphId', 'paragraphKind', 'paragraphOrder', 'text'].sort(),
    );
    expect(hit!.matches.length).toBeGreaterThan(0);
  });

  it.each([
    ['search', { query: '' }],
    ['search', { query: 'x'.repeat(201) }],
    ['search', { query: '晋江', limit: 501 }],
    ['search', { query: '晋江', offset: -1 }],
    ['search', { query: '晋江', articleId: 0 }],
    ['search', { query: '晋江', everything: true }],
    ['search', { query: 42 }],
    ['search', undefined],
    ['autocode', { query: '晋江', span: false }],
    ['autocode', { query: '晋江', tag: 't', span: 'yes' }],
    ['autocode', { query: '晋江', tag: 't', span: true, color: 'red' }],
    ['autocode', { query: '晋江', tag: 'x'.repeat(101), span: true }],
    // Pass the schema, refused by the library: nothing to search for, a malformed tag.
    ['search', { query: '!!!' }],
    ['autocode', { query: '晋江', tag: 'a//b', span: false }],
  ])('refuses %s %j with a typed invalid-argument error', async (method, request) => {
    expect(await call(method, request)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('answers an unknown article with not-found', async () => {
    expect(await call('search', { query: '晋江', articleId: 99_999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('auto-codes, and one undo over the contract takes it back', async () => {
    const coded = (await call('autocode', { query: '背包精神', tag: 'codes', span: true })) as { ok: true; value: AutocodeResult };
    expect(coded.value.highlights).toBeGreaterThan(0);
    expect(await call('undo')).toMatchObject({ ok: true, value: { op: 'search.autocode', articleIds: coded.value.articleIds } });
    expect(seeded.library.database().prepare('SELECT count(*) AS n FROM highlight').get()).toEqual({ n: 0 });
  });
});
