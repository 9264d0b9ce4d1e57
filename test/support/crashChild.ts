/**
 * The child of the crash-safety test: imports articles and writes annotations as fast as it
 * can, printing one line per acknowledged (committed) write, until it is killed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLibrary } from '../../main/library/createLibrary';

const [dbPath, seedsDir, runTag] = process.argv.slice(2);
if (!dbPath || !seedsDir || !runTag) throw new Error('usage: crashChild DB SEEDS RUN');

const seedTexts = fs
  .readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));

void (async () => {
  const library = await createLibrary({ dbPath });
  for (let i = 0; ; i++) {
    // A new article each time: a seed with a unique line, so its hash is new.
    const text = `${runTag}-${i} 第${i}篇\n\n${seedTexts[i % seedTexts.length] ?? ''}`;
    const outcome = library.importText(text, `${runTag}-${i}`);
    process.stdout.write(`article ${outcome.articleId} ${runTag}-${i}\n`);
    const article = library.getArticle(outcome.articleId!);
    for (const p of article.paragraphs.filter((x) => x.kind === 'body' && x.text.length > 8).slice(0, 5)) {
      const h = library.annotations.createHighlight({ paragraphId: p.id, start: 1, end: 6, color: 'green', tags: [`crash/${runTag}`] });
      process.stdout.write(`highlight ${h.id}\n`);
      library.annotations.saveNote({
        paragraphId: p.id,
        editorState: '{"root":{"children":[]}}',
        plainText: `note-${runTag}-${i}-${p.id}`,
        markdown: `note-${runTag}-${i}-${p.id}`,
      });
      process.stdout.write(`note ${p.id} note-${runTag}-${i}-${p.id}\n`);
    }
  }
})();
