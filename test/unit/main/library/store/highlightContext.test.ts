import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Highlight } from '../../../../../preload/contract/annotationTypes';
import { anchorHighlight } from '../../../../../main/library/annotations/highlightAnchor';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import type { WebAnnotationCollection } from '../../../../../main/library/export/exportW3c';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { undoMigration0034 } from '../../../../support/undoLaterMigrations';

/**
 * Issue #16 (migration 0034): a highlight's quote, prefix and suffix are stored only where they
 * differ from what its paragraph's text says at its place. What a person gets back must not
 * change: the values read, re-anchoring after the text changes, undo, and the exports.
 */
const original = [
  '测试文章标题',
  '',
  '第一段:晋江市公安局刑侦大队坚持“案子发到哪、背包背到哪”,不怕苦累,不畏艰险。',
  '',
  '第二段:出入境管理大队启动了特事特辦服务机制,为高龄老人上门办证。𠀀字在这里,后面还有一些文字用来做上下文。',
  '',
  '第三段:这一段将在新版本里被整段删去,上面的标注无处可去。',
].join('\n');

const edited = original
  .replace('第二段:出入境管理大队', '第二段:据介绍,出入境管理大队')
  .replace('启动了特事特辦服务机制', '启动了特事特办的服务机制')
  .replace('\n\n第三段:这一段将在新版本里被整段删去,上面的标注无处可去。', '\n\n第三段换成了全新的内容。');

let dir: string;
const libraries: Library[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-context-'));
});
afterEach(() => {
  for (const library of libraries.splice(0)) library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function openWithOriginal(name: string) {
  const library = await createLibrary({ dbPath: path.join(dir, `${name}.sqlite`), now: () => new Date('2026-12-07T05:00:00.000Z') });
  libraries.push(library);
  const file = path.join(dir, `${name}.txt`);
  fs.writeFileSync(file, original);
  const [outcome] = await library.importPaths([file]);
  const article = library.getArticle(outcome!.articleId!);
  const paragraph = (start: string) => article.paragraphs.find((p) => p.text.startsWith(start))!;
  const highlight = (start: string, quote: string) => {
    const p = paragraph(start);
    const at = p.text.indexOf(quote);
    return library.annotations.createHighlight({ paragraphId: p.id, start: at, end: at + quote.length, color: 'yellow', tags: ['测试'] });
  };
  return { library, article, paragraph, highlight };
}

/** How many of each part are stored as "as the text says". */
function storedFromText(db: Db): { quote: number; prefix: number; suffix: number; rows: number } {
  return db
    .prepare(
      `SELECT sum(typeof(quote) = 'blob') AS quote, sum(typeof(prefix) = 'blob') AS prefix,
         sum(typeof(suffix) = 'blob') AS suffix, count(*) AS rows FROM highlight`,
    )
    .get() as { quote: number; prefix: number; suffix: number; rows: number };
}

const anchorOf = (h: Highlight) => ({ quote: h.quote, prefix: h.prefix, suffix: h.suffix });

describe('a highlight’s quote and context stored from the text', () => {
  it('are not stored where the text gives them, and read back as the text gives them', async () => {
    const { library, paragraph, highlight, article } = await openWithOriginal('a');
    const made = [
      highlight('第一段', '不怕苦累'),
      highlight('第一段', '第一段'), // at the start: no prefix
      highlight('第二段', '文字用来做上下文。'), // at the end: no suffix
      highlight('第二段', '字在这里'), // just after an astral character, less than 32 units in
    ];
    expect(storedFromText(library.database())).toEqual({ quote: 4, prefix: 4, suffix: 4, rows: 4 });
    const read = library.getArticle(article.id).highlights;
    for (const h of made) {
      const p = h.paragraphId === paragraph('第一段').id ? paragraph('第一段') : paragraph('第二段');
      expect(anchorOf(read.find((r) => r.id === h.id)!)).toEqual(anchorHighlight(p.text, h.start!, h.end!));
      expect(anchorOf(h)).toEqual(anchorHighlight(p.text, h.start!, h.end!));
    }
  });

  it('a paragraph’s text changed in place: its highlights keep what was highlighted', async () => {
    const { library, paragraph, highlight, article } = await openWithOriginal('a');
    const h = highlight('第一段', '不怕苦累');
    const db = library.database();
    db.prepare('UPDATE paragraph SET text = ? WHERE id = ?').run('全新的文字,不再有原来的内容。', paragraph('第一段').id);
    expect(storedFromText(db)).toEqual({ quote: 0, prefix: 0, suffix: 0, rows: 1 });
    expect(anchorOf(library.getArticle(article.id).highlights[0]!)).toEqual(anchorOf(h));
  });

  it('undo puts a deleted highlight back with its quote and context, also after its paragraph’s text changed', async () => {
    const { library, paragraph, highlight, article } = await openWithOriginal('a');
    const h = highlight('第二段', '为高龄老人');
    library.annotations.deleteHighlight(h.id);
    library.annotations.undo();
    expect(anchorOf(library.getArticle(article.id).highlights[0]!)).toEqual(anchorOf(h));
    expect(storedFromText(library.database())).toMatchObject({ quote: 1, prefix: 1, suffix: 1 });
    library.annotations.deleteHighlight(h.id);
    const p = paragraph('第二段');
    library.database().prepare('UPDATE paragraph SET text = ? WHERE id = ?').run(`前言。${p.text}`, p.id);
    library.annotations.undo();
    expect(anchorOf(library.getArticle(article.id).highlights[0]!)).toEqual(anchorOf(h));
  });

  it('re-importing edited text re-anchors and orphans exactly as a library that stores every quote in full', async () => {
    const compact = await openWithOriginal('compact');
    const full = await openWithOriginal('full');
    // The library before migration 0034: every value written out, no triggers.
    undoMigration0034(full.library.database());
    for (const side of [compact, full]) {
      side.highlight('第一段', '不怕苦累');
      side.highlight('第二段', '为高龄老人上门办证');
      side.highlight('第二段', '启动了特事特辦服务机制');
      side.highlight('第二段', '字在这里');
      side.highlight('第三段', '标注无处可去');
    }
    expect(storedFromText(full.library.database())).toMatchObject({ quote: 0, prefix: 0, suffix: 0 });
    expect(storedFromText(compact.library.database())).toEqual({ quote: 5, prefix: 5, suffix: 5, rows: 5 });

    const outcomes = [compact, full].map((side) => {
      const report = side.library.reimportArticle(side.article.id, Buffer.from(edited), 'article.txt');
      const view = side.library.getArticle(side.article.id);
      const ordOf = (id: number | null) => view.paragraphs.find((p) => p.id === id)?.order ?? null;
      const file = path.join(dir, `${side === compact ? 'compact' : 'full'}.jsonld`);
      side.library.exportW3c(file);
      const w3c = JSON.parse(fs.readFileSync(file, 'utf8')) as WebAnnotationCollection;
      return {
        placed: report.placed,
        orphans: report.orphans.map((h) => ({ ...anchorOf(h), paragraphId: h.paragraphId })),
        highlights: view.highlights.map((h) => ({ ...anchorOf(h), paragraph: ordOf(h.paragraphId), start: h.start, end: h.end })),
        w3c: w3c.first.items.map((a) => [a.id, a.target]),
      };
    });
    expect(outcomes[0]!.placed).toEqual({ position: 1, quote: 2, fuzzy: 1 });
    expect(outcomes[0]!.orphans).toEqual([expect.objectContaining({ quote: '标注无处可去', paragraphId: null })]);
    expect(outcomes[0]).toEqual(outcomes[1]);

    // Re-cleaning again, with nothing changed, moves nothing, in both.
    for (const side of [compact, full]) {
      expect(side.library.recleanArticle(side.article.id).placed).toEqual({ position: 4, quote: 0, fuzzy: 0 });
    }
    expect(storedFromText(compact.library.database()).quote).toBeGreaterThanOrEqual(4);
  });
});
