/**
 * Issue #15 item 6 over the contract, as the page calls it: typed errors, undo in one step, and a
 * term list file chosen only by main's dialog (the page can name none).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch, createHandlers, type Dispatch } from '../../../../../main/app/createHandlers';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { channelOf } from '../../../../../preload/contract/channels';
import type { Method } from '../../../../../preload/contract/api';
import type { TermOverride } from '../../../../../preload/contract/termOverrideTypes';

let dir: string;
let library: Library;
let dispatch: Dispatch;
/** What main's term list dialog answers next (null: the person cancels), and what it was asked for. */
let dialogAnswer: string | null;
const dialogAsked: string[] = [];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-overrides-ipc-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
  dialogAnswer = null;
  dialogAsked.length = 0;
  dispatch = createDispatch(
    createHandlers({
      library,
      appVersion: '0',
      seededOnThisRun: 0,
      chooseFiles: () => Promise.resolve([]),
      chooseTermListFile: (purpose) => {
        dialogAsked.push(purpose);
        return Promise.resolve(dialogAnswer);
      },
    }),
    () => undefined,
  );
});

afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (method: Method, request?: unknown) => dispatch(channelOf(method), request);

describe('term overrides over the contract', () => {
  it('adds, refuses a conflict with its code and the id to edit, and undoes in one step', async () => {
    const added = await call('addTermOverride', { source: '软件', target: '軟體', modes: ['tw', 't'] });
    expect(added).toMatchObject({ ok: true, value: { source: '软件', target: '軟體', modes: ['t', 'tw'] } });
    const id = (added as { value: TermOverride }).value.id;
    expect(await call('addTermOverride', { source: '软件', target: '软体', modes: ['tw'] })).toMatchObject({
      ok: false,
      error: { code: 'override-conflict', detail: String(id) },
    });
    expect(await call('updateTermOverride', { id, source: '软件', target: '软体', modes: ['tw'] })).toMatchObject({
      ok: true,
      value: { id, target: '软体', modes: ['tw'] },
    });
    expect(await call('removeTermOverride', { id: id + 100 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await call('undo')).toMatchObject({ ok: true, value: { op: 'override.update', articleIds: [] } });
    expect(await call('listTermOverrides')).toMatchObject({
      ok: true,
      value: [{ id, target: '軟體', modes: ['t', 'tw'] }],
    });
  });

  it('refuses what the contract does not allow before the library sees it', async () => {
    for (const request of [
      { source: '', target: 'x', modes: ['t'] },
      { source: 'a', target: 'x', modes: [] },
      { source: 'a', target: 'x', modes: ['original'] },
      { source: 'a', target: 'x', modes: ['t'], id: 1 },
      { source: '\ud800', target: 'x', modes: ['t'] },
    ]) {
      expect(await call('addTermOverride', request), JSON.stringify(request)).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      });
    }
    // The page names no file: a path in the request is refused, and no dialog opened.
    expect(await call('importTermOverrides', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await call('exportTermOverrides', '/tmp/x.csv')).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(dialogAsked).toEqual([]);
    expect(await call('listTermOverrides')).toEqual({ ok: true, value: [] });
  });

  it('imports and exports through main’s dialog; cancelled, it answers null; a broken file is a typed error', async () => {
    expect(await call('importTermOverrides')).toEqual({ ok: true, value: null });
    const terms = path.join(dir, 'terms.csv');
    fs.writeFileSync(terms, 'source,target,modes\n心理发展,心理發展,t tw\n,x,t\n');
    dialogAnswer = terms;
    expect(await call('importTermOverrides')).toEqual({
      ok: true,
      value: { added: 1, updated: 0, unchanged: 0, skipped: [{ line: 3, reason: 'empty-field' }] },
    });
    dialogAnswer = path.join(dir, 'out.csv');
    expect(await call('exportTermOverrides')).toEqual({ ok: true, value: { written: 1 } });
    expect(fs.readFileSync(dialogAnswer, 'utf8')).toContain('心理发展,心理發展,t tw');
    fs.writeFileSync(terms, Buffer.from([0, 1, 2, 3]));
    dialogAnswer = terms;
    expect(await call('importTermOverrides')).toMatchObject({ ok: false, error: { code: 'decode-failed' } });
    expect(dialogAsked).toEqual(['open', 'open', 'save', 'open']);
  });
});
