import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupSchema, backupVersion, type Backup } from '../../../../../main/library/export/backupFormat';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { LibraryError } from '../../../../../main/library/libraryError';
import { annotationRows, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';
import { editorState, openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';
import { expectIndexInStep } from '../../../../support/searchIndexInStep';

const schemaPath = path.resolve(__dirname, '../../../../../docs/backup.schema.json');

let source: AnnotatedLibrary;
let others: Array<{ close(): void }> = [];

beforeEach(async () => {
  source = await openAnnotatedLibrary();
  const { library } = source;
  // What a round trip must carry besides annotations: a reader's kind choice, metadata edits, an orphan.
  const crafted = library.getArticle(source.crafted.id);
  library.reclassifyParagraph(crafted.paragraphs[1]!.id, 'body');
  // Edited in the other order than the fields are listed: the backup still round-trips to the same JSON.
  library.updateMetadata(crafted.id, { publishedAt: '2026-11-01' });
  library.updateMetadata(crafted.id, { source: '测试来源' });
  library.setReadingPosition(crafted.id, 3);
  const orphan = source.highlights.at(-1)!;
  library
    .database()
    .prepare('UPDATE highlight SET paragraph_id = NULL, start_offset = NULL, end_offset = NULL WHERE id = ?')
    .run(orphan.id);
});
afterEach(() => {
  for (const other of others) other.close();
  others = [];
  source.dispose();
});

function file(name: string): string {
  return path.join(source.dir, name);
}

function readJson(target: string): Backup {
  return JSON.parse(fs.readFileSync(target, 'utf8')) as Backup;
}

async function emptyLibrary(name: string, now = '2026-11-24T09:00:00.000Z'): Promise<Library> {
  const library = await createLibrary({ dbPath: file(`${name}.sqlite`), now: () => new Date(now) });
  others.push(library);
  return library;
}

async function seededOther(): Promise<SeededLibrary> {
  const other = await openSeededLibrary(() => new Date('2026-11-25T09:00:00.000Z'));
  others.push({ close: () => other.dispose() });
  return other;
}

function tableCounts(library: Library): Record<string, number> {
  const db = library.database();
  const tables = ['article', 'paragraph', 'highlight', 'tag', 'highlight_tag', 'paragraph_tag', 'note'];
  return Object.fromEntries(
    tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}

describe('JSON backup export', () => {
  it('writes the documented, versioned format, valid against docs/backup.schema.json and the importer’s schema', () => {
    const result = source.library.exportBackup(file('backup.json'));
    const backup = readJson(result.path);
    expect(result).toMatchObject({ articles: 6, highlights: source.highlights.length, notes: 4 });
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object);
    expect(validate(backup), JSON.stringify(validate.errors)).toBe(true);
    expect(backupSchema.safeParse(backup).success).toBe(true);
    expect(backup).toMatchObject({ format: 'pizhu-backup', version: 8, exportedAt: '2026-11-23T10:00:00.000Z' });

    const crafted = backup.articles.find((a) => a.title === '互联网与平安:一次测试')!;
    expect(crafted.rawText).toContain('# 不是标题');
    // The title was given at import (pasted with a title): the person's edit as much as the two after it.
    expect(crafted.metadataEdits).toEqual({ title: '互联网与平安:一次测试', source: '测试来源', publishedAt: '2026-11-01' });
    expect(crafted.readingPosition).toBe(3);
    expect(crafted.paragraphs[1]).toMatchObject({ kind: 'body', kindByUser: true });
    expect(crafted.paragraphs.find((p) => p.note?.markdown.includes('**要点**'))?.note?.editorState).toContain('root');
    expect(backup.articles.flatMap((a) => a.highlights).filter((h) => h.paragraph === null)).toHaveLength(1);
    expect(backup.tags.map((t) => t.name)).toEqual(
      expect.arrayContaining(['政策', '政策/互联网', '方法', '方法/编码']),
    );
    // The seeds' cleaning survives: flags and removals.
    expect(backup.articles.some((a) => a.paragraphs.some((p) => p.flags.length > 0))).toBe(true);
    expect(backup.articles.some((a) => a.paragraphs.some((p) => p.removals.length > 0))).toBe(true);
    // Nothing of the journal, and no database ids.
    expect(JSON.stringify(backup)).not.toMatch(/"(id|journal|paragraphId|articleId)":/);
  });

  it('is on the disk before it is named: fsynced, renamed, and the rename fsynced (a power cut leaves no empty backup)', () => {
    const target = file('durable.json');
    const synced: string[] = [];
    const fsync = vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      synced.push(fs.existsSync(target) ? 'after rename' : 'before rename');
    });
    try {
      source.library.exportBackup(target);
    } finally {
      fsync.mockRestore();
    }
    expect(synced).toEqual(['before rename', 'after rename']);
    expect(JSON.parse(fs.readFileSync(target, 'utf8'))).toMatchObject({ format: 'pizhu-backup' });
  });

  it('refuses a relative path', () => {
    expect(() => source.library.exportBackup('backup.json')).toThrow(/absolute path/);
  });
});

describe('JSON backup import', () => {
  it('round-trips: export, import into an empty library, export again gives identical JSON apart from exportedAt', async () => {
    const first = source.library.exportBackup(file('first.json'));
    const target = await emptyLibrary('restored');
    const counts = target.importBackup(first.path);
    expectIndexInStep(target.database());
    expect(counts).toMatchObject({
      articlesAdded: 6,
      articlesMerged: 0,
      highlightsAdded: source.highlights.length,
      highlightsOrphaned: 1,
      highlightsAlreadyPresent: 0,
      notesAdded: 4,
      notesJoined: 0,
    });
    const second = target.exportBackup(file('second.json'));
    const a = fs.readFileSync(first.path, 'utf8');
    const b = fs.readFileSync(second.path, 'utf8');
    expect(b).not.toBe(a);
    const stamp = /"exportedAt": "[^"]*"/;
    expect(b.replace(stamp, '')).toBe(a.replace(stamp, ''));
    // What the reader sees is the same too.
    const crafted = target.listArticles().find((x) => x.title === '互联网与平安:一次测试')!;
    const view = target.getArticle(crafted.id);
    expect(view.paragraphs.map((p) => [p.text, p.kind, p.kindByUser])).toEqual(
      source.library.getArticle(source.crafted.id).paragraphs.map((p) => [p.text, p.kind, p.kindByUser]),
    );
  });

  it('merges into a library that has some of it, without duplicates; a different note is joined, never overwritten', async () => {
    const backup = source.library.exportBackup(file('backup.json'));
    const other = await seededOther();
    const { library } = other;
    // The other library has its own annotations on the same seed article.
    const seed = seedArticle(library, '001');
    const sourceSeed = seedArticle(source.library, '001');
    const backupNoteParagraph = sourceSeed.notes[0]!.paragraphId;
    const order = sourceSeed.paragraphs.find((p) => p.id === backupNoteParagraph)!.order;
    const paragraph = seed.paragraphs[order]!;
    library.annotations.saveNote({
      paragraphId: paragraph.id,
      editorState: editorState('mine'),
      plainText: '我自己的笔记',
      markdown: '我自己的笔记',
    });
    const same = sourceSeed.highlights[0]!;
    const sameParagraph = seed.paragraphs[sourceSeed.paragraphs.find((p) => p.id === same.paragraphId)!.order]!;
    const mine = library.annotations.createHighlight({
      paragraphId: sameParagraph.id,
      start: same.start!,
      end: same.end!,
      color: 'green',
      tags: ['政策/治理'.toUpperCase(), 'Mine'],
    });
    library.annotations.tagParagraph(paragraph.id, 'ZHENGCE');
    const before = tableCounts(library);

    const counts = library.importBackup(backup.path);
    expectIndexInStep(library.database());
    expect(counts).toMatchObject({
      articlesAdded: 1,
      articlesMerged: 5,
      highlightsAlreadyPresent: 1,
      notesJoined: 1,
      notesAdded: 3,
    });
    expect(counts.highlightsAdded).toBe(source.highlights.length - 1);

    const after = library.getArticle(seed.id);
    const joined = after.notes.find((n) => n.paragraphId === paragraph.id)!;
    expect(joined.markdown).toBe(`我自己的笔记\n\n${sourceSeed.notes[0]!.markdown}`);
    expect(joined.plainText.startsWith('我自己的笔记\n\n')).toBe(true);
    // The library's one paragraph, then the backup note's blocks.
    const blocks = (state: string) => (JSON.parse(state) as { root: { children: unknown[] } }).root.children;
    expect(blocks(joined.editorState)).toHaveLength(1 + blocks(sourceSeed.notes[0]!.editorState).length);
    // The same highlight once, keeping the library's colour and gaining nothing twice.
    const placed = after.highlights.filter(
      (h) => h.paragraphId === sameParagraph.id && h.start === same.start && h.end === same.end,
    );
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ id: mine.id, color: 'green' });
    expect(placed[0]!.tags).toEqual(['Mine', '政策/治理']);
    // Tags matched whatever their case.
    const names = library.annotations.listTags().map((t) => t.name);
    expect(names.filter((n) => n.toLowerCase() === 'zhengce')).toHaveLength(1);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(tableCounts(library).article).toBe(before.article! + 1);

    // The same backup again adds nothing.
    const rows = annotationRows(library.database());
    const again = library.importBackup(backup.path);
    expect(again).toMatchObject({
      articlesAdded: 0,
      highlightsAdded: 0,
      tagsAdded: 0,
      paragraphTagsAdded: 0,
      notesAdded: 0,
      notesJoined: 0,
    });
    expect(again.highlightsAlreadyPresent).toBe(source.highlights.length);
    expect(annotationRows(library.database())).toEqual(rows);
  });

  it('places a highlight by its quote when the library’s paragraphs differ, and keeps one it cannot place as an orphan', async () => {
    const backup = source.library.exportBackup(file('backup.json'));
    const data = readJson(backup.path);
    const other = await seededOther();
    const seed = data.articles.find((a) => a.fileName?.startsWith('001'))!;
    // As if the library's copy had been cleaned differently: the backup's paragraphs shifted by one.
    seed.paragraphs.unshift({
      ...seed.paragraphs[0]!,
      text: '多出来的一段',
      raw: '多出来的一段',
      tags: [],
      note: null,
    });
    seed.paragraphs.forEach((p, i) => (p.order = i));
    for (const h of seed.highlights) if (h.paragraph !== null) h.paragraph += 1;
    seed.highlights.push({
      ...seed.highlights[0]!,
      paragraph: null,
      start: null,
      end: null,
      quote: '这句话不在文章里',
      tags: ['孤儿'],
    });
    const edited = file('edited.json');
    fs.writeFileSync(edited, JSON.stringify(data));
    const counts = other.library.importBackup(edited);
    expect(counts.highlightsOrphaned).toBe(1);

    const article = seedArticle(other.library, '001');
    const expected = seedArticle(source.library, '001').highlights[0]!;
    const placed = article.highlights.find((h) => h.quote === expected.quote)!;
    expect(placed.paragraphId).not.toBeNull();
    expect(article.paragraphs.find((p) => p.id === placed.paragraphId)!.text.slice(placed.start!, placed.end!)).toBe(
      expected.quote,
    );
    expect(article.highlights.find((h) => h.quote === '这句话不在文章里')).toMatchObject({
      paragraphId: null,
      tags: ['孤儿'],
    });
    // The source's orphan (on seed 004) is found again in this library's copy by its quote.
    const orphan = seedArticle(source.library, '004').highlights.find((h) => h.paragraphId === null)!;
    const found = seedArticle(other.library, '004').highlights.find((h) => h.quote === orphan.quote)!;
    expect(found.paragraphId).not.toBeNull();
  });

  it('clears undo history when it changed something, so no old undo writes over imported rows', async () => {
    const backup = source.library.exportBackup(file('backup.json'));
    const other = await seededOther();
    const paragraph = seedArticle(other.library, '003').paragraphs[3]!;
    other.library.annotations.tagParagraph(paragraph.id, 'before-import');
    other.library.importBackup(backup.path);
    expect(other.library.annotations.undo()).toBeNull();
  });

  describe('refuses a bad file with a clear error and changes nothing', () => {
    let target: SeededLibrary;
    let good: Backup;
    beforeEach(async () => {
      good = readJson(source.library.exportBackup(file('good.json')).path);
      target = await seededOther();
      target.library.annotations.tagParagraph(seedArticle(target.library, '002').paragraphs[2]!.id, 'existing');
    });

    const cases: Array<[string, (b: Backup) => unknown, RegExp, string]> = [
      ['not JSON', () => '{"format": "pizhu-backup", "version": 1, ', /not JSON/, 'unsupported-file'],
      ['another program’s JSON', () => ({ notes: [] }), /not a Pizhu backup/, 'unsupported-file'],
      ['a newer version', (b) => ({ ...b, version: backupVersion + 1 }), new RegExp(`newer Pizhu \\(backup version ${backupVersion + 1}`), 'library-too-new'],
      ['an unknown version', (b) => ({ ...b, version: '1' }), /version "1"/, 'unsupported-file'],
      [
        'a missing field',
        (b) => ({ ...b, articles: b.articles.map(({ rawText: _, ...a }) => a) }),
        /articles\[0\]\.rawText/,
        'unsupported-file',
      ],
      ['an unknown field', (b) => ({ ...b, extra: true }), /extra/, 'unsupported-file'],
      [
        'a bad paragraph kind',
        (b) => withArticle(b, (a) => (a.paragraphs[0]!.kind = 'advert' as never)),
        /paragraphs\[0\]\.kind/,
        'unsupported-file',
      ],
      [
        'paragraphs out of order',
        (b) => withArticle(b, (a) => (a.paragraphs[1]!.order = 7)),
        /paragraphs\[1\]\.order: expected 1/,
        'unsupported-file',
      ],
      [
        'a range outside its paragraph',
        (b) => withHighlight(b, (h) => (h.end = 99_999)),
        /lies outside its paragraph/,
        'unsupported-file',
      ],
      [
        'a highlight on a missing paragraph',
        (b) => withHighlight(b, (h) => (h.paragraph = 9_999)),
        /paragraph 9999 does not exist/,
        'unsupported-file',
      ],
      ['an orphan with offsets', (b) => withHighlight(b, (h) => (h.paragraph = null)), /orphan/, 'unsupported-file'],
      [
        'a bad tag name',
        (b) => withHighlight(b, (h) => (h.tags = ['a//b'])),
        /tags\[0\]: the tag name "a\/\/b"/,
        'unsupported-file',
      ],
      ['a bad colour', (b) => withHighlight(b, (h) => (h.color = 'red' as never)), /color/, 'unsupported-file'],
      [
        'two articles with one hash',
        (b) => ({ ...b, articles: [...b.articles, b.articles[0]!] }),
        /same content hash/,
        'unsupported-file',
      ],
    ];

    it.each(cases)('%s', (_name, make, message, code) => {
      const bad = file('bad.json');
      const content = make(structuredClone(good));
      fs.writeFileSync(bad, typeof content === 'string' ? content : JSON.stringify(content));
      const before = { rows: annotationRows(target.library.database()), counts: tableCounts(target.library) };
      let error: unknown;
      try {
        target.library.importBackup(bad);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(LibraryError);
      expect((error as LibraryError).code).toBe(code);
      expect((error as LibraryError).message).toMatch(message);
      expect((error as LibraryError).message).toMatch(/bad\.json/);
      expect((error as LibraryError).message).toMatch(/library was not changed/);
      expect(annotationRows(target.library.database())).toEqual(before.rows);
      expect(tableCounts(target.library)).toEqual(before.counts);
    });

    it('a missing file', () => {
      expect(() => target.library.importBackup(file('missing.json'))).toThrow(
        'The backup "missing.json" does not exist; nothing was changed.',
      );
      expect(() => target.library.importBackup('relative.json')).toThrow(/absolute path/);
    });

    it('rolls back everything when a write fails half way (all or nothing)', () => {
      const db = target.library.database();
      const before = { rows: annotationRows(db), counts: tableCounts(target.library) };
      // The last note written fails: by then articles, tags and highlights were written.
      db.exec(`CREATE TEMP TRIGGER fail_late BEFORE INSERT ON note WHEN new.markdown LIKE '%第二条%'
               BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
      expect(() => target.library.importBackup(file('good.json'))).toThrow(/simulated failure/);
      expect(annotationRows(db)).toEqual(before.rows);
      expect(tableCounts(target.library)).toEqual(before.counts);
      db.exec('DROP TRIGGER fail_late');
    });
  });
});

function withArticle(backup: Backup, change: (article: Backup['articles'][number]) => void): Backup {
  change(backup.articles[0]!);
  return backup;
}

function withHighlight(
  backup: Backup,
  change: (highlight: Backup['articles'][number]['highlights'][number]) => void,
): Backup {
  const article = backup.articles.find((a) => a.highlights.some((h) => h.paragraph !== null))!;
  change(article.highlights.find((h) => h.paragraph !== null)!);
  return backup;
}
