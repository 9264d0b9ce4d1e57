/**
 * `npm run fidelity`: imports every file of the development corpus (../shared/corpus/articles,
 * read in place, never copied) into a temp library through createLibrary + importPaths, as
 * `pizhu import` does, and prints per file and in total: metadata per field against what
 * PROVENANCE.md states, body recall and noise against the upstream expected extractions, import
 * failures, paragraphs, hidden paragraphs and characters lost; and against our own labels
 * (cleaningLabels.ts): must-show snippets shown, must-hide noise leaked, captions classified as
 * captions. Not part of `npm test` (test/unit/main/library/import/corpusCleaning.test.ts holds
 * the label totals).
 *
 * `PIZHU_CORPUS` names another corpus folder; `--json FILE` also writes the figures as JSON.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ArticleView, ImportOutcome } from '../../preload/contract/articleTypes';
import { createLibrary } from '../../main/library/createLibrary';
import { extractHtmlArticle } from '../../main/library/import/extractHtmlArticle';
import { paragraphSeparators } from '../../main/library/import/reassembleRaw';
import { rawTextSql } from '../../main/library/store/rawTextCodec';
import { registerChecksumFunction } from '../../main/library/store/contentHashes';
import { verdict, type Verdict } from './compareMetadata';
import { cleaningLabels } from './cleaningLabels';
import { findExpected, measureBody, type BodyMeasure } from './measureBody';
import { measureLabels, sumLabelMeasures, type LabelMeasure } from './measureLabels';
import { fields, readProvenance, type Field, type FileLabels } from './readProvenance';

const repo = path.resolve(__dirname, '../..');
const corpusDir = path.resolve(process.env.PIZHU_CORPUS ?? path.join(repo, '../shared/corpus/articles'));
const jsonAt = process.argv.indexOf('--json');
const jsonOut = jsonAt >= 0 ? process.argv[jsonAt + 1] : undefined;

interface FileFigures {
  file: string;
  status: ImportOutcome['status'];
  message?: string;
  paragraphs: number;
  hidden: number;
  kinds: Record<string, number>;
  flags: Record<string, number>;
  /** Non-whitespace characters of the parsed input that no paragraph holds, plus removals that do not add up. */
  charsLost: number;
  lossNote?: string;
  shown: Partial<Record<Field, string | null>>;
  verdicts: Partial<Record<Field, Verdict>>;
  body?: BodyMeasure;
  /** Against cleaningLabels.ts, where the file has labels. */
  labels?: LabelMeasure;
  /** Changes when any paragraph's kind, flags, raw or reading text changes. */
  digest: string;
}

function isPrimary(name: string): boolean {
  return name !== 'PROVENANCE.md' && !name.startsWith('.') && !/\.expected\.|\.gne-result\.json$/u.test(name);
}

function nonWhitespace(text: string): number {
  return text.replace(/\s+/gu, '').length;
}

function count<T extends string>(items: readonly T[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[item] = (out[item] ?? 0) + 1;
  return out;
}

/**
 * What the paragraphs do not account for, with the project's own reassembly check: the input
 * they were split from (the decoded file; for HTML the page text the extractor took, since the
 * chrome Readability drops is dropped by design), and each paragraph's raw against its reading
 * text plus its recorded removals.
 */
function charactersLost(
  rawText: string,
  format: string,
  fileName: string,
  view: ArticleView,
): { lost: number; note?: string } {
  let input = rawText;
  if (format === 'html') {
    const extracted = extractHtmlArticle(rawText, fileName);
    if ('error' in extracted) return { lost: 0, note: `page text not re-extracted: ${extracted.error}` };
    input = extracted.text;
  }
  const raws = view.paragraphs.map((p) => p.raw);
  let lost = 0;
  let note: string | undefined;
  try {
    paragraphSeparators(input, raws);
  } catch (error) {
    lost += Math.max(0, nonWhitespace(input) - nonWhitespace(raws.join('')));
    note = error instanceof Error ? error.message.slice(0, 120) : String(error);
  }
  for (const p of view.paragraphs) {
    let rebuilt = '';
    let at = 0;
    for (const r of p.removals) {
      rebuilt += p.raw.slice(at, r.start);
      at = r.end;
    }
    rebuilt += p.raw.slice(at);
    const held = p.text.length + p.removals.reduce((n, r) => n + r.text.length, 0);
    if (rebuilt !== p.text || held !== p.raw.length) lost += Math.abs(p.raw.length - held) || 1;
  }
  return note === undefined ? { lost } : { lost, note };
}

function shownValues(view: ArticleView): Record<Field, string | null> {
  const m = view.metadata;
  return { title: m.title, source: m.source, author: m.author, date: m.publishedAt, url: m.url };
}

function measureFile(
  file: string,
  outcome: ImportOutcome | undefined,
  view: ArticleView | null,
  stored: { format: string; raw_text: string } | undefined,
  labels: FileLabels,
): FileFigures {
  if (!outcome || outcome.status === 'failed' || !view || !stored) {
    return {
      file,
      status: outcome?.status ?? 'failed',
      message: outcome?.message ?? 'no outcome for this file',
      paragraphs: 0,
      hidden: 0,
      kinds: {},
      flags: {},
      charsLost: 0,
      shown: {},
      verdicts: Object.fromEntries(
        fields.filter((f) => labels[f]).map((f) => [f, labels[f]!.stated ? 'missing' : 'empty-ok']),
      ),
      digest: '',
    };
  }
  const shown = shownValues(view);
  const verdicts: Partial<Record<Field, Verdict>> = {};
  for (const f of fields) {
    const label = labels[f];
    if (label) verdicts[f] = verdict(f, label, shown[f]);
  }
  const visible = view.paragraphs.filter((p) => p.kind !== 'boilerplate');
  const expected = findExpected(corpusDir, file);
  const loss = charactersLost(stored.raw_text, stored.format, file, view);
  const own = cleaningLabels[file];
  const digest = createHash('sha256')
    .update(JSON.stringify(view.paragraphs.map((p) => [p.kind, p.flags, p.raw, p.text])))
    .digest('hex')
    .slice(0, 12);
  return {
    file,
    status: outcome.status,
    paragraphs: view.paragraphs.length,
    hidden: view.paragraphs.length - visible.length,
    kinds: count(view.paragraphs.map((p) => p.kind)),
    flags: count(view.paragraphs.flatMap((p) => p.flags)),
    charsLost: loss.lost,
    ...(loss.note === undefined ? {} : { lossNote: loss.note }),
    shown,
    verdicts,
    ...(expected
      ? {
          body: measureBody(
            expected,
            visible.map((p) => p.text),
            visible.filter((p) => p.kind !== 'title').map((p) => p.text),
          ),
        }
      : {}),
    ...(own ? { labels: measureLabels(own, view.paragraphs) } : {}),
    digest,
  };
}

const mark: Record<Verdict, string> = {
  right: 'ok',
  wrong: 'WRONG',
  missing: 'miss',
  'wrong-shown': 'SHOWN',
  'empty-ok': '-',
};
const kindShort: Record<string, string> = {
  title: 'T',
  subtitle: 'S',
  byline: 'B',
  heading: 'H',
  body: 'b',
  caption: 'c',
  boilerplate: 'x',
};

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

function clip(text: string | null | undefined, n = 40): string {
  if (text === null || text === undefined) return '(none)';
  const chars = [...text.replace(/\s+/gu, ' ')];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
}

function printFile(f: FileFigures, labels: FileLabels): void {
  const kinds = Object.entries(f.kinds)
    .map(([k, n]) => `${kindShort[k] ?? k}${n}`)
    .join(' ');
  const meta = fields.map((field) => `${field} ${f.verdicts[field] ? mark[f.verdicts[field]] : '·'}`).join(', ');
  console.log(`\n${f.file}`);
  if (f.status === 'failed') {
    console.log(`  FAILED: ${f.message ?? ''}`);
    return;
  }
  const flags = Object.entries(f.flags)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(
    `  ${f.status}; ${f.paragraphs} paragraphs (${kinds}), ${f.hidden} hidden; flags: ${flags || 'none'}; characters lost: ${f.charsLost}${f.lossNote ? ` (${f.lossNote})` : ''}`,
  );
  console.log(`  metadata: ${meta}`);
  for (const field of fields) {
    const v = f.verdicts[field];
    const label = labels[field];
    if (!v || v === 'right' || v === 'empty-ok' || !label) continue;
    const want = label.stated ? label.values.join(' | ') : '(none stated)';
    console.log(`    ${field}: shown ${clip(f.shown[field])}; PROVENANCE.md: ${clip(want, 60)}`);
  }
  const b = f.body;
  if (b) {
    const noise =
      b.shownChars !== undefined
        ? `noise shown ${percent(b.noiseChars ?? 0, b.shownChars)} (${b.noiseChars}/${b.shownChars} chars)`
        : `must-hide snippets shown ${b.leaked}/${b.mustHide}`;
    console.log(`  body vs ${b.from}: recall ${percent(b.found, b.expected)} (${b.found}/${b.expected}), ${noise}`);
    for (const m of b.missing) console.log(`    not shown: ${clip(m, 50)}`);
  }
  const l = f.labels;
  if (l) {
    console.log(
      `  labels: must-show ${l.shown}/${l.show} shown, noise leaked ${l.leaked}/${l.hide}, captions ${l.captioned}/${l.captions} classified as captions`,
    );
    for (const s of l.notShown) console.log(`    must-show not shown: ${clip(s, 50)}`);
    for (const s of l.leakedSnippets) console.log(`    noise shown: ${clip(s, 50)}`);
    for (const s of l.notCaptions) console.log(`    caption not a caption: ${clip(s, 50)}`);
  }
}

function printTotals(all: readonly FileFigures[], duplicates: readonly string[]): void {
  const tally = (field: Field, v: Verdict) => all.filter((f) => f.verdicts[field] === v).length;
  console.log('\nTOTALS');
  console.log(
    `  files: ${all.length}; imported ${all.filter((f) => f.status === 'imported').length}; already in the library ${all.filter((f) => f.status === 'already-imported').length}; failed ${all.filter((f) => f.status === 'failed').length}`,
  );
  console.log(
    '  metadata (files that state the field: right / wrong value / nothing shown; files stating none: a value shown anyway):',
  );
  for (const field of fields) {
    const right = tally(field, 'right');
    const stated = right + tally(field, 'wrong') + tally(field, 'missing');
    const none = tally(field, 'wrong-shown') + tally(field, 'empty-ok');
    console.log(
      `    ${field.padEnd(6)} ${right}/${stated} right (${percent(right, stated)}), ${tally(field, 'wrong')} wrong, ${tally(field, 'missing')} not found; wrong value shown where none stated: ${tally(field, 'wrong-shown')}/${none}`,
    );
  }
  const texts = all.filter((f) => f.body?.shownChars !== undefined);
  const found = texts.reduce((n, f) => n + f.body!.found, 0);
  const expected = texts.reduce((n, f) => n + f.body!.expected, 0);
  const noise = texts.reduce((n, f) => n + (f.body!.noiseChars ?? 0), 0);
  const shownChars = texts.reduce((n, f) => n + (f.body!.shownChars ?? 0), 0);
  console.log(
    `  body recall (${texts.length} files with an expected text): ${percent(found, expected)} of ${expected} expected sentences/lines shown; noise shown: ${percent(noise, shownChars)} of ${shownChars} shown characters`,
  );
  for (const f of all.filter((x) => x.body && x.body.shownChars === undefined)) {
    console.log(
      `  snippets (${f.file}): must-show ${f.body!.found}/${f.body!.expected} shown, must-hide ${f.body!.leaked}/${f.body!.mustHide} shown`,
    );
  }
  const paragraphs = all.reduce((n, f) => n + f.paragraphs, 0);
  const hidden = all.reduce((n, f) => n + f.hidden, 0);
  const lost = all.reduce((n, f) => n + f.charsLost, 0);
  console.log(
    `  paragraphs: ${paragraphs}, hidden ${hidden} (${percent(hidden, paragraphs)}); characters lost: ${lost} (in ${all.filter((f) => f.charsLost > 0).length} files)`,
  );
  const labelled = all.flatMap((f) => (f.labels ? [f.labels] : []));
  const t = sumLabelMeasures(labelled);
  console.log(
    `  labels (${labelled.length} files): must-show ${t.shown}/${t.show} shown (${percent(t.shown, t.show)}); noise leaked ${t.leaked}/${t.hide} (${percent(t.leaked, t.hide)}); captions classified as captions ${t.captioned}/${t.captions} (${percent(t.captioned, t.captions)})`,
  );
  // The corpus files are unrelated articles: any group here is a false duplicate.
  console.log(`  duplicates found: ${duplicates.length} group(s)${duplicates.map((g) => `\n    ${g}`).join('')}`);
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(corpusDir, 'PROVENANCE.md'))) {
    console.log(
      `fidelity: no corpus at ${corpusDir} (it lives in ../shared/corpus/articles, outside the repository); nothing measured.`,
    );
    return 0;
  }
  const labels = readProvenance(corpusDir);
  const files = fs.readdirSync(corpusDir).filter(isPrimary).sort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-fidelity-'));
  const dbPath = path.join(dir, 'library.sqlite');
  try {
    // From source the CLI parses on its own thread (no built worker): so does this, so it always measures this checkout's code.
    const library = await createLibrary({ dbPath });
    const outcomes = await library.importPaths(files.map((f) => path.join(corpusDir, f)));
    const byName = new Map(outcomes.map((o) => [o.fileName, o]));
    const views = new Map<string, ArticleView>();
    for (const o of outcomes) if (o.articleId !== undefined) views.set(o.fileName, library.getArticle(o.articleId));
    const fileOf = new Map(outcomes.map((o) => [o.articleId, o.fileName]));
    const duplicates = library
      .listDuplicates()
      .map((g) =>
        g.pairs.map((p) => `${fileOf.get(p.a)} ~ ${fileOf.get(p.b)} ${(100 * p.similarity).toFixed(0)}%`).join('; '),
      );
    library.close();
    const db = new Database(dbPath, { readonly: true });
    // A raw text may be stored beside its paragraphs, which the SQL reads with it (store/rawTextCodec).
    registerChecksumFunction(db);
    const stored = new Map(
      (
        db.prepare(`SELECT id, format, ${rawTextSql('article')} AS raw_text FROM article`).all() as {
          id: number;
          format: string;
          raw_text: string | null;
        }[]
      ).map((r) => [r.id, { ...r, raw_text: r.raw_text ?? '' }]),
    );
    db.close();
    console.log(`Pizhu import fidelity on ${files.length} files of ${corpusDir}`);
    console.log(
      'metadata: ok right, WRONG wrong value, miss stated but not found, SHOWN value shown where none is stated, - none stated and none shown, · PROVENANCE.md says nothing',
    );
    console.log('kinds: T title, S subtitle, B byline, H heading, b body, c caption, x boilerplate (hidden)');
    const all = files.map((file) => {
      const view = views.get(file) ?? null;
      return measureFile(file, byName.get(file), view, view ? stored.get(view.id) : undefined, labels.get(file) ?? {});
    });
    for (const f of all) printFile(f, labels.get(f.file) ?? {});
    printTotals(all, duplicates);
    if (jsonOut) fs.writeFileSync(jsonOut, `${JSON.stringify(all, null, 2)}\n`);
    return 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
