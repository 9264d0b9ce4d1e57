import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPizhu } from '../../support/runPizhu';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../support/seededLibrary';

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
  const article = seedArticle(seeded.library, '001');
  const paragraph = bodyParagraphs(article, 60)[0]!;
  const start = paragraph.text.search(/\p{Script=Han}{2}/u);
  const word = paragraph.text.slice(start, start + 2);
  seeded.library.vocabulary.addVocabulary({
    paragraphId: paragraph.id,
    start,
    end: start + 2,
    word,
    reading: 'dú yīn',
    sense: 'a sense, with a comma',
    sentence: `「${word}」。`,
    sentenceOffset: 1,
  });
  // The CLI opens the file itself, as it would beside the app.
  seeded.library.close();
});
afterEach(() => seeded.dispose());

describe('pizhu vocab', () => {
  it('lists the vocabulary, and exports it as CSV and as an Anki import file', async () => {
    const db = seeded.dbPath;
    const list = await runPizhu(['vocab', 'list', '--db', db]);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(
      /\tdú yīn\ta sense, with a comma\t治理更精细 平安更有感\tpizhu:\/\/article\/\d+#\d+\t2026-11-23\n1 word$/,
    );

    const csv = path.join(seeded.dir, 'words.csv');
    const exported = await runPizhu(['vocab', 'export', '--format', 'csv', '--out', csv, '--db', db]);
    expect(exported).toMatchObject({ code: 0, out: `1 word written to ${csv} as CSV` });
    const lines = fs.readFileSync(csv, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFword,stored_word,reading,meaning,sentence,article,link,created_at');
    expect(lines[1]).toContain(',dú yīn,"a sense, with a comma",');

    const anki = path.join(seeded.dir, 'words.txt');
    const json = await runPizhu(['vocab', 'export', '--format', 'anki', '--out', anki, '--json', '--db', db]);
    expect(JSON.parse(json.out)).toEqual({ path: anki, format: 'anki', words: 1 });
    const text = fs.readFileSync(anki, 'utf8');
    expect(text.split('\n').slice(0, 3)).toEqual([
      '#separator:tab',
      '#html:true',
      '#columns:Word\tReading\tMeaning\tSentence\tSource',
    ]);
    expect(text).toMatch(
      /\t「<b>\p{Script=Han}{2}<\/b>」。\t<a href="pizhu:\/\/article\/\d+#\d+">治理更精细 平安更有感<\/a>\n$/u,
    );
  });

  it('answers bad usage with exit code 2 and writes nothing', async () => {
    const db = seeded.dbPath;
    const out = path.join(seeded.dir, 'x.csv');
    for (const args of [
      ['vocab'],
      ['vocab', 'export', '--out', out],
      ['vocab', 'export', '--format', 'pdf', '--out', out],
      ['vocab', 'export', '--format', 'csv'],
      ['vocab', 'list', 'extra'],
      ['vocab', 'list', '--article', 'one'],
    ]) {
      const run = await runPizhu([...args, '--db', db]);
      expect(run.code, args.join(' ')).toBe(2);
    }
    expect(fs.existsSync(out)).toBe(false);
  });
});
