import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLibrary, type Library } from '../../../../main/library/createLibrary';
import type { WebAnnotationCollection } from '../../../../main/library/export/exportW3c';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import type { Backup } from '../../../../main/library/export/backupFormat';
import { allNodes, parseMarkdown, textOf } from '../../main/library/export/parseMarkdown';
import { tempDirs } from '../syncFixtures';
import { cleaner } from './newerCleaner';
import { exchangeDocs as exchange } from '../exchangeDocs';
import { only, unplacedOnB, writeNote } from './unplacedFixture';

/**
 * Issue #19: a note or paragraph tag another device made on its split of the text, listed here as
 * unplaced, was in no export: the Markdown file, the W3C annotations and the JSON backup left it
 * out. Each now holds its words (or tag) and its maker, marked as not placed; one set aside in the
 * reader too (a view, not a delete). An article without any is exported as before (the export
 * suites' pinned outputs).
 */
vi.mock('../../../../main/library/import/prepareImport', async (importOriginal) =>
  (await import('./newerCleaner')).newerCleanerModule(importOriginal),
);

const tempDir = tempDirs('pizhu-unplaced-exports-');

let opened: Library[] = [];
afterEach(() => {
  for (const library of opened) library.close();
  opened = [];
  cleaner.newer = false;
});

async function devices(note?: string): Promise<{ dir: string; a: Library; b: Library }> {
  const dir = tempDir();
  const [a, b] = await unplacedOnB(dir, note);
  opened.push(a, b);
  // B's own note on another paragraph: the article has a placed annotation too.
  writeNote(b, '第二段', '河边的步道');
  return { dir, a, b };
}

function articleMarkdown(library: Library, outDir: string): string {
  const report = library.exportMarkdown({ scope: { article: only(library) }, outDir });
  expect(report.files).toHaveLength(1);
  return fs.readFileSync(report.files[0]!, 'utf8');
}

describe('exports of notes and paragraph tags not placed here', () => {
  it('the Markdown file lists them last, marked as not placed, with their words and maker', async () => {
    const { dir, b } = await devices();
    const markdown = articleMarkdown(b, path.join(dir, 'md'));
    const section = markdown.slice(markdown.indexOf('## Unplaced notes and paragraph tags'));
    expect(markdown.indexOf('## Unplaced notes and paragraph tags')).toBeGreaterThan(markdown.indexOf('河边的步道'));
    expect(section).toContain('no paragraph here is known to match them');
    expect(section).toContain('**Not placed** · note by 林\n\n老街的记忆\n');
    expect(section).toContain('**Not placed** · paragraph tag #老街 by 林\n');
    // The article bears the tag: Obsidian finds it by the front matter too.
    const frontMatter = parseMarkdown(markdown).children[0]!;
    expect(frontMatter.type).toBe('yaml');
    expect((parse((frontMatter as { value: string }).value) as { tags: string[] }).tags).toEqual(['老街']);
  });

  it('one set aside in the reader is still exported, said to be set aside', async () => {
    const { dir, b } = await devices();
    const note = b.getArticle(only(b)).unplaced.find((u) => u.kind === 'note')!;
    b.setUnplacedDismissed(only(b), note.key, true);
    const markdown = articleMarkdown(b, path.join(dir, 'md'));
    expect(markdown).toContain('**Not placed** · note by 林 · set aside in the reader\n\n老街的记忆\n');
    expect(markdown).toContain('**Not placed** · paragraph tag #老街 by 林\n');
  });

  it('a note whose words look like Markdown is written as its words', async () => {
    const { dir, b } = await devices('[链接](http://example.com) **粗** <b>x</b>');
    const markdown = articleMarkdown(b, path.join(dir, 'md'));
    const words = '[链接](http://example.com) **粗** <b>x</b>';
    const tree = parseMarkdown(markdown);
    const paragraph = allNodes(tree).find((n) => n.type === 'paragraph' && textOf(n) === words);
    expect(paragraph, 'the words, as a paragraph of text').toBeDefined();
    // No link named 链接, no bold, no HTML: only the bare address may read as a link (GFM's autolink of it).
    const made = allNodes(paragraph!).filter((n) => n.type !== 'paragraph' && n.type !== 'text');
    expect(made.map((n) => [n.type, textOf(n)])).toEqual([['link', 'http://example.com']]);
  });

  it('a re-export keeps what the person wrote below an unplaced note', async () => {
    const { dir, b } = await devices();
    const out = path.join(dir, 'md');
    const first = articleMarkdown(b, out);
    const file = path.join(
      out,
      fs.readdirSync(out).find((f) => f.endsWith('.md') && f !== 'index.md')!,
    );
    fs.writeFileSync(file, `${first}\n我的补充：老街在哪里？\n`);
    const again = articleMarkdown(b, out);
    expect(again).toContain('老街的记忆');
    expect(again).toContain('我的补充：老街在哪里？');
  });

  it('the W3C export has an annotation of the article for each, with its maker and a note that it is not placed', async () => {
    const { dir, b } = await devices();
    const note = b.getArticle(only(b)).unplaced.find((u) => u.kind === 'note')!;
    b.setUnplacedDismissed(only(b), note.key, true);
    const file = path.join(dir, 'annotations.jsonld');
    const result = b.exportW3c(file);
    const collection = JSON.parse(fs.readFileSync(file, 'utf8')) as WebAnnotationCollection;
    expect(result.annotations).toBe(collection.total);
    const article = `pizhu://article/${only(b)}`;
    const unplaced = collection.first.items.filter((a) => a.target === article);
    expect(unplaced.map((a) => ({ motivation: a.motivation, creator: a.creator, body: a.body }))).toEqual([
      {
        motivation: 'commenting',
        creator: { type: 'Person', name: '林' },
        body: [
          { type: 'TextualBody', purpose: 'commenting', value: '老街的记忆', format: 'text/markdown' },
          {
            type: 'TextualBody',
            purpose: 'describing',
            value: expect.stringMatching(/^Not placed: .* Set aside in the reader/) as unknown as string,
            format: 'text/plain',
          },
        ],
      },
      {
        motivation: 'tagging',
        creator: { type: 'Person', name: '林' },
        body: [
          { type: 'TextualBody', purpose: 'tagging', value: '老街' },
          {
            type: 'TextualBody',
            purpose: 'describing',
            value: expect.stringMatching(/^Not placed: [^.]*\.$/) as unknown as string,
            format: 'text/plain',
          },
        ],
      },
    ]);
    expect(new Set(collection.first.items.map((a) => a.id)).size).toBe(collection.total);
  });

  it('the JSON backup holds them, and a library restored from it lists, exports and backs them up again', async () => {
    const { dir, a, b } = await devices();
    const note = b.getArticle(only(b)).unplaced.find((u) => u.kind === 'note')!;
    b.setUnplacedDismissed(only(b), note.key, true);
    const file = path.join(dir, 'backup.json');
    b.exportBackup(file);
    const backup = JSON.parse(fs.readFileSync(file, 'utf8')) as Backup;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(
      JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../docs/backup.schema.json'), 'utf8')) as object,
    );
    expect(validate(backup), JSON.stringify(validate.errors)).toBe(true);
    expect(backup.version).toBe(9);
    expect(backup.articles[0]!.unplaced).toEqual([
      {
        key: note.key,
        kind: 'note',
        plainText: '老街的记忆',
        markdown: '老街的记忆',
        madeBy: '林',
        updatedAt: note.updatedAt,
        setAside: true,
      },
      {
        key: expect.any(String) as unknown as string,
        kind: 'paragraphTag',
        tag: '老街',
        madeBy: '林',
        setAside: false,
      },
    ]);
    // A's library holds none here (its split places them): a version 8 file, as before.
    a.exportBackup(path.join(dir, 'a.json'));
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'a.json'), 'utf8'))).toMatchObject({ version: 8 });

    // Restored in place of B's library: listed as they were, under the maker's name the backup gave.
    const staged = await b.stageJsonRestore(file);
    await b.restoreFrom(staged.path);
    staged.discard();
    const listed = () =>
      b
        .getArticle(only(b))
        .unplaced.map((u) => [u.kind, u.plainText || u.tag, u.restoredMaker ?? u.madeBy, u.dismissed]);
    expect(listed()).toEqual([
      ['note', '老街的记忆', '林', true],
      ['paragraph_tag', '老街', '林', false],
    ]);
    expect(
      fs.readFileSync(
        b.exportMarkdown({ scope: 'library', outDir: path.join(dir, 'md') }).files.find((f) => f.includes('城市'))!,
        'utf8',
      ),
    ).toContain('**Not placed** · note by 林 · set aside in the reader\n\n老街的记忆\n');
    b.exportBackup(path.join(dir, 'again.json'));
    const again = JSON.parse(fs.readFileSync(path.join(dir, 'again.json'), 'utf8')) as Backup;
    expect({ ...again, exportedAt: '' }).toEqual({ ...backup, exportedAt: '' });
    // Merging the same backup again adds none twice.
    b.importBackup(file);
    expect(listed()).toHaveLength(2);
    // Its words placed on a paragraph (here by B's own note): no longer listed as unplaced.
    writeNote(b, '第一段', '老街的记忆');
    expect(listed()).toEqual([['paragraph_tag', '老街', '林', false]]);

    // The documents bring A's entries back: each listed once, from them.
    exchange([a, b]);
    expect(
      b.getArticle(only(b)).unplaced.map((u) => [u.plainText || u.tag, u.madeBy === '' ? 'restored' : 'synced']),
    ).toEqual([
      ['老街的记忆', 'synced'],
      ['老街', 'synced'],
    ]);
  });

  it('an article whose only annotations are unplaced ones a backup restored has its Markdown file', async () => {
    const dir = tempDir();
    const pair = await unplacedOnB(dir);
    opened.push(...pair);
    const file = path.join(dir, 'backup.json');
    pair[1].exportBackup(file);
    const fresh = await createLibrary({ dbPath: path.join(dir, 'C.sqlite'), deviceName: 'laptop C' });
    opened.push(fresh);
    fresh.importBackup(file);
    expect(fresh.getArticle(only(fresh)).unplaced.map((u) => u.restoredMaker)).toEqual(['林', '林']);
    const report = fresh.exportMarkdown({ scope: 'library', outDir: path.join(dir, 'md') });
    expect(report.unannotated).toEqual([]);
    const article = report.files.find((f) => path.basename(f) !== 'index.md')!;
    expect(fs.readFileSync(article, 'utf8')).toContain('**Not placed** · note by 林\n\n老街的记忆\n');
  });
});
