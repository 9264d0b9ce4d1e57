/**
 * Metadata on the real articles of ../shared/corpus/articles (read in place, never copied), held
 * at the level issue 14 item 4 reached, against what PROVENANCE.md says each file states
 * (test/fidelity/readProvenance.ts; `npm run fidelity` prints the same figures per file).
 * HTML and plain text only: Markdown front matter is read by markdown/ and measured there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareFileImport } from '../../../../../../main/library/import/prepareImport';
import { verdict, type Verdict } from '../../../../../fidelity/compareMetadata';
import { fields, readProvenance, type Field } from '../../../../../fidelity/readProvenance';

const corpusDir = path.resolve(process.cwd(), '../shared/corpus/articles');
const corpusPresent = fs.existsSync(path.join(corpusDir, 'PROVENANCE.md'));
if (!corpusPresent)
  console.warn(`metadataCorpus: the corpus ${corpusDir} is absent, so the real-article metadata test is skipped.`);

function tally(): Record<Field, Record<Verdict, number>> {
  const labels = readProvenance(corpusDir);
  const counts = Object.fromEntries(
    fields.map((f) => [f, { right: 0, wrong: 0, missing: 0, 'wrong-shown': 0, 'empty-ok': 0 }]),
  ) as Record<Field, Record<Verdict, number>>;
  for (const name of fs.readdirSync(corpusDir).sort()) {
    if (!/\.(html|txt)$/u.test(name) || /\.expected\./u.test(name)) continue;
    const m = prepareFileImport(fs.readFileSync(path.join(corpusDir, name)), name).parsed.metadata;
    const shown: Record<Field, string | null> = {
      title: m.title,
      source: m.source,
      author: m.author,
      date: m.publishedAt,
      url: m.url,
    };
    const label = labels.get(name) ?? {};
    for (const f of fields) {
      const l = label[f];
      if (l) counts[f][verdict(f, l, shown[f])]++;
    }
  }
  return counts;
}

describe.skipIf(!corpusPresent)('metadata on the development corpus (HTML and plain text)', () => {
  it(
    'finds title, source, author, date and URL where the file states them, and shows no wrong date',
    { timeout: 120_000 },
    () => {
      const c = tally();
      const rate = (f: Field) => c[f].right / (c[f].right + c[f].wrong + c[f].missing);
      // Reached: title 27/28, source 21/21, author 12/12, date 20/20, url 16/16 (issue 14 asks
      // 95%, 85%, 80%, 90%, 90%); held at what was reached.
      expect(rate('title')).toBeGreaterThanOrEqual(0.95);
      expect(rate('source')).toBeGreaterThanOrEqual(0.95);
      expect(rate('author')).toBeGreaterThanOrEqual(0.95);
      expect(rate('date')).toBeGreaterThanOrEqual(0.95);
      expect(rate('url')).toBeGreaterThanOrEqual(0.95);
      expect(c.date['wrong-shown']).toBe(0);
      expect(c.url['wrong-shown']).toBe(0);
      expect(c.source['wrong-shown']).toBe(0);
      // No author where the file names none (the two files PROVENANCE.md wrongly calls authorless
      // are corrected in test/fidelity/provenanceCorrections.ts with the lines that credit them).
      expect(c.author['wrong-shown']).toBe(0);
    },
  );
});
