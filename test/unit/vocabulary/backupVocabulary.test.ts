import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../../main/library/export/backupFormat';
import { createLibrary, type Library } from '../../../main/library/createLibrary';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../support/seededLibrary';

const schemaPath = path.resolve(__dirname, '../../../docs/backup.schema.json');

let seeded: SeededLibrary;
let others: Library[] = [];
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => {
  for (const other of others) other.close();
  others = [];
  seeded.dispose();
});

const file = (name: string) => path.join(seeded.dir, name);
const readJson = (target: string) => JSON.parse(fs.readFileSync(target, 'utf8')) as Backup;

async function emptyLibrary(name: string): Promise<Library> {
  const library = await createLibrary({
    dbPath: file(`${name}.sqlite`),
    now: () => new Date('2026-12-02T08:00:00.000Z'),
  });
  others.push(library);
  return library;
}

/** Two words of seed 001 (one edited) and one of seed 003, as the pop-up saves them. */
function saveWords(library: Library) {
  const words = [];
  for (const [prefix, at] of [
    ['001', 4],
    ['001', 20],
    ['003', 2],
  ] as const) {
    const paragraph = bodyParagraphs(seedArticle(library, prefix), 60)[0]!;
    const start = at + paragraph.text.slice(at).search(/\p{Script=Han}{2}/u);
    const word = paragraph.text.slice(start, start + 2);
    words.push(
      library.vocabulary.addVocabulary({
        paragraphId: paragraph.id,
        start,
        end: start + 2,
        word,
        reading: 'dú yīn',
        sense: `sense of ${word}`,
        sentence: `前${word}后。`,
        sentenceOffset: 1,
      }),
    );
  }
  library.vocabulary.updateVocabulary(words[1]!.id, { sense: 'edited' });
  return words;
}

/** An entry without what a library gives it (ids, title, link), to compare across libraries. */
const portable = (library: Library) =>
  library.vocabulary.listVocabulary().map(({ id: _id, articleId: _a, paragraphId: _p, link: _l, ...rest }) => rest);

describe('the vocabulary in the JSON backup (version 4)', () => {
  it('is written valid against docs/backup.schema.json, and round-trips: import into an empty library, export again, identical', async () => {
    saveWords(seeded.library);
    const first = seeded.library.exportBackup(file('first.json'));
    const backup = readJson(first.path);
    // Version 4 brought the vocabulary; later versions keep it.
    expect(backup.version).toBeGreaterThanOrEqual(4);
    expect(backup.vocabulary).toHaveLength(3);
    expect(backup.vocabulary[1]).toMatchObject({ sense: 'edited', reading: 'dú yīn' });
    expect(backup.vocabulary.every((v) => typeof v.paragraph === 'number')).toBe(true);
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object);
    expect(validate(backup), JSON.stringify(validate.errors)).toBe(true);

    const target = await emptyLibrary('restored');
    expect(target.importBackup(first.path)).toMatchObject({ vocabularyAdded: 3 });
    expect(portable(target)).toEqual(portable(seeded.library));
    // Each word is on the same paragraph text as before, linked to it.
    for (const entry of target.vocabulary.listVocabulary()) {
      const paragraph = target.getArticle(entry.articleId!).paragraphs.find((p) => p.id === entry.paragraphId)!;
      expect(paragraph.text.slice(entry.start, entry.end)).toBe(entry.storedWord);
      expect(entry.link).toBe(`pizhu://article/${entry.articleId}#${entry.paragraphId}`);
    }
    const second = target.exportBackup(file('second.json'));
    const strip = (text: string) => text.replace(/"exportedAt": "[^"]*"/, '');
    expect(strip(fs.readFileSync(second.path, 'utf8'))).toBe(strip(fs.readFileSync(first.path, 'utf8')));
  });

  it('merging the same backup again adds no word twice; a merge into a library with the articles links each word to its paragraph', async () => {
    saveWords(seeded.library);
    const backupFile = seeded.library.exportBackup(file('words.json')).path;
    expect(seeded.library.importBackup(backupFile)).toMatchObject({ vocabularyAdded: 0 });
    expect(seeded.library.vocabulary.listVocabulary()).toHaveLength(3);

    const other = await openSeededLibrary();
    try {
      expect(other.library.importBackup(backupFile)).toMatchObject({ articlesMerged: 5, vocabularyAdded: 3 });
      const entries = other.library.vocabulary.listVocabulary();
      expect(entries.every((e) => e.paragraphId !== null && e.link !== null)).toBe(true);
    } finally {
      other.dispose();
    }
  });

  it('a version 3 backup (no vocabulary) still imports, and so does a word whose article is gone', async () => {
    saveWords(seeded.library);
    const current = readJson(seeded.library.exportBackup(file('current.json')).path);
    const { vocabulary: _v, ...withoutVocabulary } = current;
    fs.writeFileSync(file('v3.json'), JSON.stringify({ ...withoutVocabulary, version: 3 }));
    const target = await emptyLibrary('from-v3');
    expect(target.importBackup(file('v3.json'))).toMatchObject({ articlesAdded: 5, vocabularyAdded: 0 });
    expect(target.vocabulary.listVocabulary()).toEqual([]);

    const unlinked = {
      ...current,
      articles: [],
      vocabulary: current.vocabulary.map((v) => ({ ...v, article: 'f'.repeat(64) })),
    };
    fs.writeFileSync(file('unlinked.json'), JSON.stringify(unlinked));
    const bare = await emptyLibrary('bare');
    expect(bare.importBackup(file('unlinked.json'))).toMatchObject({ vocabularyAdded: 3 });
    expect(bare.vocabulary.listVocabulary().every((e) => e.articleId === null && e.link === null)).toBe(true);
  });
});
