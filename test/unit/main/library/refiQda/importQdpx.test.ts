import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { LibraryError } from '../../../../../main/library/libraryError';
import { libraryRefiQda } from '../../../../../main/library/refiQda/refiQdaOperations';
import { highlightColumnSql } from '../../../../../main/library/store/highlightContext';
import { annotationRows } from '../../../../support/seededLibrary';
import { openAnnotatedLibrary, type AnnotatedLibrary } from '../export/annotatedLibrary';
import { hasCorpus, refiCorpus } from './qdpxSupport';

const now = () => new Date('2026-11-23T10:00:00.000Z');
const qdpx = (library: Library) => libraryRefiQda(library, () => now().toISOString());

let dir: string;
let empty: Library;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-qdpx-'));
  empty = await createLibrary({ dbPath: path.join(dir, 'library.sqlite'), now });
});
afterEach(() => {
  empty.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every article's paragraphs' text, highlights (paragraph order, offsets, quote, tags, comment), paragraph tags and notes. */
function snapshot(library: Library) {
  const db = library.database();
  return library
    .listArticles()
    .map((summary) => {
      const article = library.getArticle(summary.id);
      const order = new Map(article.paragraphs.map((p) => [p.id, p.order]));
      const highlights = (
        db
          .prepare(
            `SELECT h.paragraph_id AS p, h.start_offset AS s, h.end_offset AS e, ${highlightColumnSql('quote', 'h')}, h.comment,
               (SELECT group_concat(t.name, '|') FROM (SELECT t.name FROM highlight_tag ht JOIN tag t ON t.id = ht.tag_id WHERE ht.highlight_id = h.id ORDER BY t.name) t) AS tags
             FROM highlight h WHERE h.article_id = ? ORDER BY h.paragraph_id, h.start_offset, h.end_offset`,
          )
          .all(article.id) as Array<{ p: number; s: number; e: number; quote: string; comment: string; tags: string | null }>
      ).map((h) => ({ ...h, p: order.get(h.p) }));
      const paragraphTags = db
        .prepare(
          `SELECT p.ord, t.name FROM paragraph_tag pt JOIN paragraph p ON p.id = pt.paragraph_id JOIN tag t ON t.id = pt.tag_id
           WHERE p.article_id = ? ORDER BY p.ord, t.name`,
        )
        .all(article.id);
      const notes = db
        .prepare(
          'SELECT p.ord, n.markdown AS text FROM note n JOIN paragraph p ON p.id = n.paragraph_id WHERE p.article_id = ? ORDER BY p.ord',
        )
        .all(article.id) as Array<{ ord: number; text: string }>;
      return {
        text: article.paragraphs.map((p) => p.text).join('\n'),
        highlights,
        paragraphTags,
        notes: notes.map((n) => ({ ord: n.ord, markdown: n.text.trim() })),
      };
    })
    .sort((a, b) => a.text.localeCompare(b.text));
}

function tagNames(library: Library): string[] {
  return (library.database().prepare('SELECT name FROM tag ORDER BY name').pluck().all() as string[]);
}

describe('REFI-QDA import: Pizhu → QDPX → Pizhu', () => {
  let lib: AnnotatedLibrary;
  beforeEach(async () => {
    lib = await openAnnotatedLibrary();
  }, 60_000);
  afterEach(() => lib.dispose());

  it('gives back the same texts, anchors, tags and notes in an empty library, astral characters (𠮷) included', () => {
    const outcome = lib.library.importText('标题一行\n\n𠮷野家的𠮷字和互联网在同一段里。\n\n第二段也有𠮷和互联网。', '𠮷野家');
    const article = lib.library.getArticle(outcome.articleId!);
    const paragraph = article.paragraphs.find((p) => p.text.startsWith('𠮷野家'))!;
    const at = paragraph.text.indexOf('互联网');
    const h = lib.library.annotations.createHighlight({ paragraphId: paragraph.id, start: at, end: at + 3, color: 'yellow', tags: ['地名/𠮷'] });
    lib.library.annotations.updateHighlightComment(h.id, 'A & B < "C"');
    const file = path.join(lib.dir, 'round.qdpx');
    qdpx(lib.library).exportQdpx(file);
    const counts = qdpx(empty).importQdpx(file);
    expect(counts.articlesAdded).toBe(lib.library.listArticles().length);
    expect(counts.selectionsSkipped).toBe(0);
    expect(snapshot(empty)).toEqual(snapshot(lib.library));
    expect(tagNames(empty)).toEqual(tagNames(lib.library));
  });
});

describe.skipIf(!hasCorpus)('REFI-QDA import: the corpus samples', () => {
  const project = (name: string) => path.join(refiCorpus, 'projects', name);

  it('the hand-authored project folder: codes with tree and colours, the selection on "Diet and health"', () => {
    const counts = qdpx(empty).importQdpx(project('hand-authored_qdpx-toolkit'));
    expect(counts.articlesAdded).toBe(1);
    expect(counts.sourcesSkipped).toBeGreaterThan(0);
    const db = empty.database();
    const quotes = db.prepare(`SELECT ${highlightColumnSql('quote')} FROM highlight ORDER BY start_offset`).pluck().all();
    expect(quotes).toContain('Diet and health');
    expect(quotes).toContain('health are clo');
    const colored = db.prepare('SELECT name, color FROM tag WHERE color IS NOT NULL').all();
    expect(colored.length).toBeGreaterThan(0);
    expect(tagNames(empty).some((n) => n.includes('/'))).toBe(true);
  });

  it('NVivo for Windows (UTF-16 positions after emoji): detected, and every range on its characters', () => {
    const counts = qdpx(empty).importQdpx(project('nvivo-win-12.6_oltas0517_hu.qdpx'));
    expect(counts.sourcesInUtf16).toBe(1);
    expect(counts.articlesAdded).toBe(2);
    const db = empty.database();
    expect(db.prepare('SELECT count(*) FROM tag').pluck().get()).toBeGreaterThanOrEqual(152);
    const quotes = db.prepare(`SELECT ${highlightColumnSql('quote')} FROM highlight`).pluck().all() as string[];
    expect(quotes.join('\n')).toContain('tudatos hal äl reklám, hatalmas árulás');
    // One highlight per distinct range, its codes gathered (NVivo writes a selection per coding).
    expect(db.prepare('SELECT count(DISTINCT highlight_id) FROM highlight_tag').pluck().get()).toBeLessThan(303);
    expect(db.prepare('SELECT count(*) FROM highlight_tag').pluck().get()).toBeGreaterThan(188);
    // Two real sources of 600,000 characters each go through the whole file import (cleaning, search index): seconds each.
  }, 120_000);

  it('NVivo for Mac: the 7-level codebook, empty sources skipped', () => {
    const counts = qdpx(empty).importQdpx(project('nvivo-mac-15.0.0_qc-sample.qdpx'));
    expect(counts.sourcesSkipped).toBe(2);
    expect(counts.articlesAdded).toBe(0);
    expect(tagNames(empty).length).toBeGreaterThanOrEqual(262);
    expect(Math.max(...tagNames(empty).map((n) => n.split('/').length))).toBe(7);
  });

  it.each([
    ['f4-2025.2.9_valid-document.xml', /does not hold that file/],
    ['openqda-dev_invalid-document.xml', /Codebook|twice/],
  ])('%s: refused with a clear message, nothing changed', (name, message) => {
    const before = annotationRows(empty.database());
    expect(() => qdpx(empty).importQdpx(project(name))).toThrow(message);
    expect(annotationRows(empty.database())).toEqual(before);
    expect(empty.listArticles()).toEqual([]);
  });
});

describe('REFI-QDA import: hostile archives', () => {
  const projectXml = (sourcePath: string) =>
    `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>` +
    `<TextSource guid="11111111-1111-1111-1111-111111111111" name="a" plainTextPath="${sourcePath}"/></Sources></Project>`;

  function refused(bytes: Uint8Array, message: RegExp) {
    const file = path.join(dir, 'hostile.qdpx');
    fs.writeFileSync(file, bytes);
    const before = annotationRows(empty.database());
    expect(() => qdpx(empty).importQdpx(file)).toThrow(message);
    expect(annotationRows(empty.database())).toEqual(before);
    expect(empty.listArticles()).toEqual([]);
  }

  it('a zip bomb', () => {
    refused(
      zipSync({ 'project.qde': strToU8(projectXml('internal://a.txt')), 'sources/a.txt': new Uint8Array(40 * 1024 * 1024) }, { level: 9 }),
      /zip bomb/,
    );
  });

  it('an entry named ../', () => {
    refused(zipSync({ 'project.qde': strToU8(projectXml('internal://a.txt')), '../evil.txt': strToU8('x') }), /outside the project/);
  });

  it('an entry of 200 MB', () => {
    const zip = zipSync({ 'project.qde': strToU8(projectXml('internal://a.txt')), 'sources/a.txt': strToU8('正文。') }, { level: 0 });
    // The central directory's uncompressed size of the last entry, stated as 200 MB (and its compressed size alike, so no ratio trips first).
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let cd = zip.byteLength - 22;
    const cdOffset = view.getUint32(cd + 16, true);
    cd = cdOffset;
    const nameLength = view.getUint16(cd + 28, true);
    const next = cd + 46 + nameLength + view.getUint16(cd + 30, true) + view.getUint16(cd + 32, true);
    view.setUint32(next + 20, 200 * 1024 * 1024, true);
    view.setUint32(next + 24, 200 * 1024 * 1024, true);
    refused(zip, /200 MB/);
  });

  it('a missing source', () => {
    refused(zipSync({ 'project.qde': strToU8(projectXml('internal://a.txt')) }), /does not hold that file/);
  });

  it('not a zip or XML at all, and a project file that is not well-formed', () => {
    refused(strToU8('<Project name="x"><Code></Cod></Project>'), /not well-formed/);
  });

  it('a symlink loop and a FIFO chosen as the project: refused as files, not an internal error', () => {
    const loop = path.join(dir, 'loop.qdpx');
    fs.symlinkSync(loop, loop);
    const fifo = path.join(dir, 'pipe.qdpx');
    execFileSync('mkfifo', [fifo]);
    for (const file of [loop, fifo]) {
      const before = annotationRows(empty.database());
      let thrown: unknown;
      try {
        qdpx(empty).importQdpx(file);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(LibraryError);
      expect((thrown as Error).message).toMatch(path.basename(file));
      expect(annotationRows(empty.database())).toEqual(before);
    }
  });
});
