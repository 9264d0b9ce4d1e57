/**
 * A second process for the library-lock tests: opens the library (taking its lock, as the app
 * does), prints "open" and, if asked, saves a note after each line read from stdin, printing
 * "saved TIME LINE" once it is committed. It runs until killed or its stdin closes.
 */
import readline from 'node:readline';
import { createLibrary } from '../../main/library/createLibrary';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: lockHolderChild DB');

void (async () => {
  const library = await createLibrary({ dbPath });
  process.stdout.write('open\n');
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    const paragraph = library.getArticle(library.listArticles()[0]!.id).paragraphs.find((p) => p.kind === 'body')!;
    const note = library.annotations.saveNote({
      paragraphId: paragraph.id,
      editorState: '{"root":{"children":[]}}',
      plainText: line,
      markdown: line,
    });
    process.stdout.write(`saved ${note?.updatedAt ?? 'nothing'} ${line}\n`);
  }
  library.close();
})();
