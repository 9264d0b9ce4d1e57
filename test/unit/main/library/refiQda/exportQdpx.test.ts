import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotatedLibrary, type AnnotatedLibrary } from '../export/annotatedLibrary';
import { libraryRefiQda } from '../../../../../main/library/refiQda/refiQdaOperations';
import { hasCorpus, hasXmllint, readArchive, schemaErrors } from './qdpxSupport';

let lib: AnnotatedLibrary;
beforeEach(async () => {
  lib = await openAnnotatedLibrary();
  // Seeding five articles and annotating them takes seconds on a machine the other tests load.
}, 60_000);
afterEach(() => lib.dispose());

const qdpx = () => libraryRefiQda(lib.library, () => '2026-11-23T10:00:00.000Z');

function exportTo(name: string, options = {}) {
  const file = path.join(lib.dir, name);
  const result = qdpx().exportQdpx(file, options);
  return { result, entries: readArchive(file) };
}

/** `text` sliced by code points, as REFI-QDA counts. */
function byCodePoints(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

describe('REFI-QDA export (.qdpx)', () => {
  it('writes project.qde and one sources/<guid>.txt per article, every selection on its quote counted in code points (𠮷)', () => {
    const outcome = lib.library.importText('标题一行\n\n𠮷野家的𠮷字和互联网在同一段里。\n\n第二段也有𠮷和互联网。', '𠮷野家');
    const article = lib.library.getArticle(outcome.articleId!);
    const paragraph = article.paragraphs.find((p) => p.text.startsWith('𠮷野家'))!;
    const at = paragraph.text.indexOf('互联网');
    lib.library.annotations.createHighlight({ paragraphId: paragraph.id, start: at, end: at + 3, color: 'yellow', tags: ['地名/𠮷'] });
    const { result, entries } = exportTo('library.qdpx');
    const xml = entries.get('project.qde')!;
    expect(result.sources).toBe(entries.size - 1);
    const selections = [...xml.matchAll(/<PlainTextSelection guid="[^"]+" name="([^"]*)" startPosition="(\d+)" endPosition="(\d+)"/g)];
    expect(selections.length).toBeGreaterThanOrEqual(lib.highlights.length + 1);
    for (const source of xml.matchAll(/<TextSource guid="([^"]+)"[^>]*>(.*?)<\/TextSource>/gs)) {
      const text = entries.get(`sources/${source[1]}.txt`)!;
      expect(text).toBeDefined();
      for (const s of source[2]!.matchAll(/name="([^"]*)" startPosition="(\d+)" endPosition="(\d+)"/g)) {
        const quote = byCodePoints(text, Number(s[2]), Number(s[3]));
        const name = s[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
        expect(quote.startsWith(name.slice(0, 20))).toBe(true);
      }
    }
    const astral = xml.match(/name="互联网" startPosition="(\d+)" endPosition="(\d+)"[^>]*><Coding[^>]*><CodeRef targetGUID="([^"]+)"/g);
    expect(astral).not.toBeNull();
    // The code 𠮷 nests under 地名.
    expect(xml).toMatch(/<Code guid="[^"]+" name="地名" isCodable="true"><Code guid="[^"]+" name="𠮷" isCodable="true"><\/Code><\/Code>/);
  });

  it('escapes & < " and drops control characters in names, notes and text', () => {
    const outcome = lib.library.importText('A & B < C "D"\u0001 E\n\n第二段。', 'A & B');
    const article = lib.library.getArticle(outcome.articleId!);
    const first = article.paragraphs[article.paragraphs.length - 2] ?? article.paragraphs[0]!;
    lib.library.annotations.createHighlight({ paragraphId: first.id, start: 0, end: 5, color: 'yellow', tags: ['x & <y> "z"'] });
    const { entries } = exportTo('escaped.qdpx');
    const xml = entries.get('project.qde')!;
    expect(xml).toContain('name="x &amp; &lt;y&gt; &quot;z&quot;"');
    // eslint-disable-next-line no-control-regex -- the control characters are what is matched
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    if (hasCorpus && hasXmllint) expect(schemaErrors(xml, 'Project.xsd')).toBe('');
  });

  it.skipIf(!hasCorpus || !hasXmllint)('validates against the standard\'s Project.xsd', () => {
    const { entries } = exportTo('valid.qdpx');
    expect(schemaErrors(entries.get('project.qde')!, 'Project.xsd')).toBe('');
  });

  it('option crlf (MAXQDA): sources with CRLF line endings, positions counting the CR', () => {
    const { entries } = exportTo('maxqda.qdpx', { crlf: true });
    const xml = entries.get('project.qde')!;
    const sources = [...entries.entries()].filter(([name]) => name.startsWith('sources/'));
    expect(sources.length).toBeGreaterThan(0);
    for (const [, text] of sources) expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const internet = [...xml.matchAll(/<TextSource guid="([^"]+)"[^>]*>(.*?)<\/TextSource>/gs)].find((m) => m[2]!.includes('name="互联网"'))!;
    const text = entries.get(`sources/${internet[1]}.txt`)!;
    const position = internet[2]!.match(/name="互联网" startPosition="(\d+)" endPosition="(\d+)"/)!;
    expect(byCodePoints(text, Number(position[1]), Number(position[2]))).toBe('互联网');
    if (hasCorpus && hasXmllint) expect(schemaErrors(xml, 'Project.xsd')).toBe('');
  });

  it('option atlasNaming (ATLAS.ti): the project file is named after the project', () => {
    const { entries } = exportTo('atlas.qdpx', { atlasNaming: true, projectName: '新闻: 编码/2026' });
    expect(entries.has('project.qde')).toBe(false);
    expect(entries.has('新闻_ 编码_2026.qde')).toBe(true);
    // Pizhu's importer finds the project file by its extension as well.
    const before = lib.library.listArticles().length;
    const imported = qdpx().importQdpx(path.join(lib.dir, 'atlas.qdpx'));
    expect(imported.articlesAdded + imported.articlesAlreadyPresent).toBe(before);
    expect(lib.library.listArticles()).toHaveLength(before + imported.articlesAdded);
  });

  it('refuses a path inside the library folder guard and leaves no temporary file behind', () => {
    expect(() => qdpx().exportQdpx(lib.dbPath)).toThrow();
    expect(fs.readdirSync(lib.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
