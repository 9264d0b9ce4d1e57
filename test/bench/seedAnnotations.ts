import type { Library } from '../../main/library/createLibrary';
import { highlightColors } from '../../preload/contract/annotationTypes';

/** Nested tag names under eight parents: 40 for the 10,000 bench, 5,000 for --large. */
const tagNamesFor = (count: number) => Array.from({ length: count }, (_, i) => `主题${i % 8}/子题${i}`);

/**
 * Bench set-up, not a measured path: highlights, tags and notes written straight into the
 * tables in one transaction (the app writes them one journaled action at a time). Paragraph
 * texts are read one at a time as they are picked: 1.5 million of them would not fit in memory.
 */
export function seedAnnotations(library: Library, count: number, random: () => number, tagCount = 40): void {
  const db = library.database();
  const tagNames = tagNamesFor(tagCount);
  const paragraphs = db
    .prepare("SELECT id, article_id FROM paragraph WHERE kind = 'body' AND length(text) >= 24 ORDER BY id")
    .raw()
    .all() as Array<[number, number]>;
  const textOf = db.prepare('SELECT text FROM paragraph WHERE id = ?').pluck();
  const now = new Date().toISOString();
  db.transaction(() => {
    const tagIds = tagNames.flatMap((name) => {
      const parts = name.split('/');
      return parts.map((_, i) => {
        const n = parts.slice(0, i + 1).join('/');
        db.prepare('INSERT OR IGNORE INTO tag (name, created_at) VALUES (?, ?)').run(n, now);
        return (db.prepare('SELECT id FROM tag WHERE name = ?').get(n) as { id: number }).id;
      });
    });
    const insert = db.prepare(
      `INSERT INTO highlight (article_id, paragraph_id, start_offset, end_offset, quote, prefix, suffix, color, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const tag = db.prepare('INSERT OR IGNORE INTO highlight_tag (highlight_id, tag_id) VALUES (?, ?)');
    const note = db.prepare(
      'INSERT OR IGNORE INTO note (paragraph_id, editor_state, plain_text, markdown, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (let i = 0; i < count; i++) {
      const [paragraphId, articleId] = paragraphs[Math.floor(random() * paragraphs.length)]!;
      const p = { id: paragraphId, article_id: articleId, text: textOf.get(paragraphId) as string };
      const start = Math.floor(random() * (p.text.length - 12));
      const end = start + 2 + Math.floor(random() * 10);
      const id = Number(
        insert.run(p.article_id, p.id, start, end, p.text.slice(start, end), p.text.slice(Math.max(0, start - 32), start), p.text.slice(end, end + 32), highlightColors[i % 6], now, now).lastInsertRowid,
      );
      if (i % 2 === 0) tag.run(id, tagIds[i % tagIds.length]);
      if (i % 10 === 0) {
        const text = `笔记 ${i}:这一段值得再读。`;
        note.run(p.id, JSON.stringify({ root: { children: [] } }), text, `**笔记 ${i}**:这一段值得再读。`, now);
      }
    }
  })();
}

/** The article with the most paragraphs gets 200 highlights of its own; returns its id. */
export function addHighlightsTo(library: Library, count: number): number {
  const db = library.database();
  const { article_id } = db
    .prepare("SELECT article_id FROM paragraph WHERE kind = 'body' GROUP BY article_id ORDER BY count(*) DESC LIMIT 1")
    .get() as { article_id: number };
  const paragraphs = library.getArticle(article_id).paragraphs.filter((p) => p.kind === 'body' && p.text.length > 20);
  for (let i = 0; i < count; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    const start = (i * 7) % (p.text.length - 8);
    library.annotations.createHighlight({ paragraphId: p.id, start, end: start + 6, color: 'yellow', tags: i % 4 === 0 ? ['bench/load'] : [] });
  }
  return article_id;
}
