import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import { createLibrary, type Library } from '../../../../main/library/createLibrary';
import { syncOnceWithServer } from '../../../../main/library/sync/client/serverSync';
import { syncFolderOnce } from '../../../../main/library/sync/folder/folderSync';
import { startSyncServer } from '../../../../main/library/sync/server/syncServer';
import { storedArticleText, textDocName, textDocUpdate } from '../../../../main/library/sync/text/articleText';
import { seedsDir } from '../../../support/seededLibrary';
import { memberToken, tempDirs } from '../syncFixtures';
import { exchangeDocs as exchange } from '../exchangeDocs';

const tempDir = tempDirs('pizhu-sync-text-');
const seeds = fs
  .readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .slice(0, 2)
  .map((f) => path.join(seedsDir, f));
const pasted = [
  '第一段：河水从山里流下来，穿过整座城市。',
  '第二段：到了晚上，桥上的灯亮起来，许多人来这里散步。',
].join('\n\n');

let opened: Library[] = [];
afterEach(() => {
  for (const library of opened) library.close();
  opened = [];
});

async function libraries(count: number): Promise<Library[]> {
  const dir = tempDir();
  const made: Library[] = [];
  for (let i = 0; i < count; i++) made.push(await createLibrary({ dbPath: path.join(dir, `${'ABC'[i]}.sqlite`) }));
  opened.push(...made);
  return made;
}

/**
 * Device A's work: two files and a pasted text imported, a tagged highlight, a note, one article
 * archived and one trashed. Returns the uids of its articles.
 */
async function work(a: Library): Promise<string[]> {
  const outcomes = [...(await a.importPaths(seeds)), a.importText(pasted, '城市与河流')];
  const ids = outcomes.map((o) => {
    expect(o.status).toBe('imported');
    return o.articleId!;
  });
  const [first, second, third] = ids.map((id) => a.getArticle(id));
  const paragraph = first!.paragraphs.find((p) => p.text.length > 10)!;
  a.annotations.createHighlight({ paragraphId: paragraph.id, start: 2, end: 8, color: 'green', tags: ['地点'] });
  a.annotations.saveNote({
    paragraphId: third!.paragraphs[1]!.id,
    editorState: JSON.stringify(plainTextNoteState('桥上的灯')),
    plainText: '桥上的灯',
    markdown: '桥上的灯',
  });
  a.setArchived(second!.id, true);
  a.trashArticle(third!.id);
  return ids.map((id) => uidOf(a, id));
}

function uidOf(library: Library, articleId: number): string {
  return library.database().prepare('SELECT uid FROM article WHERE id = ?').pluck().get(articleId) as string;
}

/** What a person sees of every article (the trash's too), keyed by uid: details, paragraphs, annotations. */
function shown(library: Library): unknown {
  const ids = library.database().prepare('SELECT id FROM article ORDER BY uid').pluck().all() as number[];
  return ids.map((id) => {
    const view = library.getArticle(id);
    return {
      uid: uidOf(library, id),
      metadata: view.metadata,
      script: view.script,
      region: view.region,
      fileName: view.fileName,
      paragraphs: view.paragraphs.map((p) => [p.order, p.kind, p.text, p.raw]),
      highlights: view.highlights.map((h) => [h.quote, h.start, h.end, h.color, h.tags]),
      notes: view.notes.map((n) => n.plainText),
    };
  });
}

function expectSame(all: readonly Library[]): void {
  const [first, ...rest] = all.map((l) => ({
    docs: JSON.stringify(l.sync.dump()),
    rows: JSON.stringify(l.sync.projectionDump()),
    shown: JSON.stringify(shown(l)),
    trash: l.listTrash().map((t) => t.title),
    archived: l
      .listArticles()
      .filter((s) => s.archivedAt !== null)
      .map((s) => s.title),
  }));
  for (const other of rest) expect(other).toEqual(first);
}

/** The error a call throws (undefined when it does not throw). */
function refusal(call: () => void): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('article texts replicate as immutable, content-addressed documents', () => {
  it('an article imported on A appears on B and C as A shows it, its archived and trashed state kept', async () => {
    const [a, b, c] = await libraries(3);
    const uids = await work(a!);
    expect(b!.listArticles()).toEqual([]);
    exchange([a!, b!, c!]);
    expect(b!.sync.docNames()).toEqual(expect.arrayContaining(uids.map((uid) => textDocName(uid))));
    expect(
      b!
        .listArticles()
        .map((s) => s.title)
        .sort(),
    ).toEqual(
      a!
        .listArticles()
        .map((s) => s.title)
        .sort(),
    );
    expectSame([a!, b!, c!]);
    // Stored as an import stores it: B's copy re-cleans and verifies as A's does.
    expect(b!.verify().ok).toBe(true);
  });

  it('the same through a sync server on loopback', { timeout: 60_000 }, async () => {
    const [a, b, c] = await libraries(3);
    await work(a!);
    const data = tempDir();
    const server = await startSyncServer({ dataDir: data, port: 0 });
    try {
      // A first (its articles reach the server), then every device again after all have been once.
      const tokens = new Map([a!, b!, c!].map((library, i) => [library, memberToken(data, 'abc'[i]!)]));
      for (const library of [a!, b!, c!, a!, b!]) {
        await syncOnceWithServer(library.sync, { url: server.url, token: tokens.get(library)!, timeoutMs: 20_000 });
      }
    } finally {
      await server.close();
    }
    expectSame([a!, b!, c!]);
  });

  it('the same through a sync folder', { timeout: 60_000 }, async () => {
    const [a, b, c] = await libraries(3);
    await work(a!);
    const folder = tempDir();
    const memories = tempDir();
    for (const library of [a!, b!, c!, a!, b!]) {
      const memoryPath = path.join(memories, `${library.sync.deviceId}.json`);
      const report = await syncFolderOnce(library.sync, { folder, memoryPath });
      expect(report.skipped).toEqual([]);
    }
    expectSame([a!, b!, c!]);
  });

  it('annotations that arrive before their text are kept, and shown when it arrives; rebuilding from Yjs gives the same rows', async () => {
    const [a, b] = await libraries(2);
    const uids = await work(a!);
    exchange([a!, b!], (name) => !name.startsWith('text/'));
    expect(b!.listArticles()).toEqual([]);
    // Held in B's file, not dropped: B holds every annotation document A has.
    expect(b!.sync.docNames().filter((n) => n.startsWith('article/'))).toEqual(
      a!.sync.docNames().filter((n) => n.startsWith('article/')),
    );
    const before = JSON.stringify(b!.sync.dump());
    b!.close();
    opened = opened.filter((l) => l !== b);
    const reopened = await createLibrary({ dbPath: b!.path });
    opened.push(reopened);
    expect(JSON.stringify(reopened.sync.dump())).toBe(before);

    for (const uid of uids) reopened.sync.apply(textDocName(uid), a!.sync.diff(textDocName(uid)));
    const highlights = reopened.listArticles().flatMap((s) => reopened.getArticle(s.id).highlights);
    expect(highlights.map((h) => [h.quote, h.tags])).toEqual([[expect.any(String), ['地点']]]);
    expectSame([a!, reopened]);
    const incremental = JSON.stringify(reopened.sync.projectionDump());
    reopened.sync.rebuildProjection();
    expect(JSON.stringify(reopened.sync.projectionDump())).toBe(incremental);
  });

  it('a text that does not hash to its uid is refused by name and changes nothing', async () => {
    const [a, b] = await libraries(2);
    const [uid] = await work(a!);
    const text = storedArticleText(a!.database(), uid!)!;
    const rowsBefore = JSON.stringify(b!.sync.projectionDump());
    const namesBefore = b!.sync.docNames();
    // A paragraph added on the way: the document names the text it no longer is.
    const tampered = textDocUpdate(uid!, { ...text, rawText: `${text.rawText}\n\n伪造的一段。` });
    expect(refusal(() => b!.sync.apply(textDocName(uid!), tampered))).toMatchObject({
      code: 'invalid-argument',
      message: `The text sent for "${textDocName(uid!)}" does not hash to its name (SHA-256); it was refused and nothing changed.`,
    });
    expect(refusal(() => b!.sync.apply(textDocName(uid!), new Uint8Array([1, 2, 3])))).toMatchObject({
      code: 'invalid-argument',
    });
    expect(JSON.stringify(b!.sync.projectionDump())).toBe(rowsBefore);
    expect(b!.sync.docNames()).toEqual(namesBefore);
    expect(b!.listArticles()).toEqual([]);
    // The true text is taken afterwards.
    b!.sync.apply(textDocName(uid!), a!.sync.diff(textDocName(uid!)));
    expect(b!.listArticles()).toHaveLength(1);
  });

  it('an article emptied from one device’s trash is not brought back by another’s copy; imported again, it syncs again', async () => {
    const [a, b] = await libraries(2);
    const outcome = a!.importText(pasted, '城市与河流');
    a!.trashArticle(outcome.articleId!);
    exchange([a!, b!]);
    expect(b!.listTrash().map((t) => t.title)).toEqual(['城市与河流']);
    expect(await a!.emptyTrash()).toBe(1);
    exchange([a!, b!]);
    expect(a!.listTrash()).toEqual([]);
    expect(a!.listArticles()).toEqual([]);
    // Deleting for good is the device's own: B keeps it in its trash.
    expect(b!.listTrash().map((t) => t.title)).toEqual(['城市与河流']);
    const again = a!.importText(pasted, '城市与河流');
    expect(again.status).toBe('imported');
    b!.restoreArticle(b!.listTrash()[0]!.id);
    exchange([a!, b!]);
    expect(a!.listArticles().map((s) => s.title)).toEqual(['城市与河流']);
    expectSame([a!, b!]);
  });

  it('a text held here by an article re-imported over an edited file is not stored twice; that article’s new text is sent as its version', async () => {
    const [a, b] = await libraries(2);
    const first = b!.importText(`${pasted}\n\n第三段：初稿。`, '城市与河流');
    const edited = new TextEncoder().encode(pasted);
    b!.reimportArticle(first.articleId!, edited, 'river.txt');
    // B's article keeps its first uid; its new text is a version of it (textVersions.test.ts), and A's article, imported from the edited file itself.
    const uid = uidOf(b!, first.articleId!);
    const hash = b!.database().prepare('SELECT content_hash FROM article WHERE uid = ?').pluck().get(uid) as string;
    expect(b!.sync.docNames().filter((n) => n.startsWith('text/'))).toEqual([textDocName(uid, hash)]);
    a!.importText(pasted, '城市与河流');
    exchange([a!, b!]);
    expect(b!.listArticles()).toHaveLength(1);
    expect(a!.listArticles()).toHaveLength(1);
  });

  it('a text a device holds already (imported there too) is the same document and is not sent again', async () => {
    const [a, b] = await libraries(2);
    a!.importText(pasted, '城市与河流');
    b!.importText(pasted, '城市与河流');
    const name = a!.sync.docNames().find((n) => n.startsWith('text/'))!;
    expect(b!.sync.diff(name, a!.sync.stateVector(name))).toEqual(a!.sync.diff(name, b!.sync.stateVector(name)));
    expect(Buffer.from(a!.sync.diff(name))).toEqual(Buffer.from(b!.sync.diff(name)));
  });

  it('an import is sent to a live transport once it has committed', async () => {
    const [a] = await libraries(1);
    const sent: string[] = [];
    const stop = a!.sync.onUpdate((name) => sent.push(name));
    const outcome = a!.importText(pasted, '城市与河流');
    await new Promise((resolve) => setImmediate(resolve));
    stop();
    expect(sent).toEqual([textDocName(uidOf(a!, outcome.articleId!))]);
  });
});
