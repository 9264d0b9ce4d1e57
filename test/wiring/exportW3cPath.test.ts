import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import { createFakeElectron } from '../support/fakeElectron';
import { appUrl, registerAppHandlers } from '../support/wiredHandlers';

const seedsDir = path.resolve(__dirname, '../../seeds');

describe("W3C export from the export dialog: the file is the one main's save dialog names", () => {
  let dir: string;
  let library: Library;
  let fake: ReturnType<typeof createFakeElectron>;
  let chosen: string | null = null;
  const call = (request?: unknown) => fake.callFrom(appUrl, 'pizhu:exportW3c', request);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-wiring-w3c-'));
    library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
    await library.seedIfNew(seedsDir);
    const article = library.getArticle(library.listArticles()[0]!.id);
    const paragraph = article.paragraphs.find((p) => p.kind === 'body' && p.text.length > 10)!;
    library.annotations.createHighlight({
      paragraphId: paragraph.id,
      start: 0,
      end: 6,
      color: 'yellow',
      tags: ['主题'],
    });
    fake = createFakeElectron();
    registerAppHandlers(fake, { library, chooseW3cFile: () => Promise.resolve(chosen) });
  });
  afterAll(() => {
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cancelled, writes nothing; chosen, writes every highlight there as a W3C collection', async () => {
    expect(await call()).toEqual({ ok: true, value: null });
    chosen = path.join(dir, 'notes.jsonld');
    expect(await call()).toEqual({ ok: true, value: { path: chosen, annotations: 1 } });
    const written = JSON.parse(fs.readFileSync(chosen, 'utf8')) as {
      type: string;
      first: { items: Array<{ type: string }> };
    };
    expect(written.type).toBe('AnnotationCollection');
    expect(written.first.items.map((i) => i.type)).toEqual(['Annotation']);
  });

  it('refuses a path from the page, and a dialog pointed at the library file', async () => {
    expect(await call({ file: '/tmp/pizhu-evil.jsonld' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    chosen = path.join(dir, 'library.sqlite');
    expect(await call()).toMatchObject({ ok: false, error: { code: 'protected-path' } });
    expect(fs.readFileSync(chosen).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
