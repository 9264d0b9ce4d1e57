import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import { createFakeElectron } from '../support/fakeElectron';
import { appUrl, registerAppHandlers } from '../support/wiredHandlers';

const seedsDir = path.resolve(__dirname, '../../seeds');

describe("REFI-QDA over IPC: the project file is the one main's dialog names", () => {
  let dir: string;
  let library: Library;
  let empty: Library;
  let fake: ReturnType<typeof createFakeElectron>;
  let emptyFake: ReturnType<typeof createFakeElectron>;
  let chosen: string | null = null;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-wiring-qdpx-'));
    library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
    await library.seedIfNew(seedsDir);
    const article = library.getArticle(library.listArticles()[0]!.id);
    const paragraph = article.paragraphs.find((p) => p.kind === 'body' && p.text.length > 10)!;
    library.annotations.createHighlight({ paragraphId: paragraph.id, start: 0, end: 6, color: 'yellow', tags: ['主题'] });
    fs.mkdirSync(path.join(dir, 'other'));
    empty = await createLibrary({ dbPath: path.join(dir, 'other', 'library.sqlite') });
    fake = createFakeElectron();
    const choose = () => Promise.resolve(chosen);
    registerAppHandlers(fake, { library, chooseQdpxFile: choose, chooseQdcFile: choose });
    emptyFake = createFakeElectron();
    registerAppHandlers(emptyFake, { library: empty, chooseQdpxFile: choose, chooseQdcFile: choose });
  });
  afterAll(() => {
    library.close();
    empty.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cancelled, nothing; chosen, the project is written and imports into another library', async () => {
    chosen = null;
    expect(await fake.callFrom(appUrl, 'pizhu:exportQdpx', {})).toEqual({ ok: true, value: null });
    expect(await emptyFake.callFrom(appUrl, 'pizhu:importQdpx', undefined)).toEqual({ ok: true, value: null });
    chosen = path.join(dir, 'library.qdpx');
    expect(await fake.callFrom(appUrl, 'pizhu:exportQdpx', { crlf: true })).toMatchObject({
      ok: true,
      value: { path: chosen, sources: 5, codes: 1, selections: 1 },
    });
    expect(await emptyFake.callFrom(appUrl, 'pizhu:importQdpx', undefined)).toMatchObject({
      ok: true,
      value: { articlesAdded: 5, tagsAdded: 1, highlightsAdded: 1 },
    });
  });

  it('refuses a path from the page, a dialog pointed at the library file, and a broken project (typed errors)', async () => {
    expect(await fake.callFrom(appUrl, 'pizhu:exportQdpx', { file: '/tmp/evil.qdpx' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await fake.callFrom(appUrl, 'pizhu:importQdpx', { file: '/tmp/evil.qdpx' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    chosen = path.join(dir, 'library.sqlite');
    expect(await fake.callFrom(appUrl, 'pizhu:exportQdpx', {})).toMatchObject({ ok: false, error: { code: 'protected-path' } });
    chosen = path.join(dir, 'broken.qdpx');
    fs.writeFileSync(chosen, 'PK broken');
    expect(await emptyFake.callFrom(appUrl, 'pizhu:importQdpx', undefined)).toMatchObject({
      ok: false,
      error: { code: 'unsupported-file' },
    });
  });

  it('the codebook alone (.qdc): cancelled, nothing; chosen, written and read into another library; no path from the page', async () => {
    chosen = null;
    expect(await fake.callFrom(appUrl, 'pizhu:exportQdc', undefined)).toEqual({ ok: true, value: null });
    expect(await emptyFake.callFrom(appUrl, 'pizhu:importQdc', undefined)).toEqual({ ok: true, value: null });
    chosen = path.join(dir, 'codebook.qdc');
    expect(await fake.callFrom(appUrl, 'pizhu:exportQdc', undefined)).toEqual({ ok: true, value: { path: chosen, codes: 1 } });
    expect(await emptyFake.callFrom(appUrl, 'pizhu:importQdc', undefined)).toMatchObject({
      ok: true,
      // The project imported above brought its one tag already: the codebook holds nothing new.
      value: { codes: 1, tagsAdded: 0 },
    });
    expect(await fake.callFrom(appUrl, 'pizhu:exportQdc', { file: '/tmp/evil.qdc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });
});
