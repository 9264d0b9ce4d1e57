/**
 * Body recall and noise against an upstream project's expected extraction, where the corpus has
 * one beside the file (`<stem>.expected.txt`, `<stem>.gne-result.json`: whole texts;
 * `<stem>.expected.json`: trafilatura's must-have and must-not-have snippets).
 */
import fs from 'node:fs';
import path from 'node:path';

export type Expected =
  { kind: 'text'; from: string; text: string } | { kind: 'snippets'; from: string; with: string[]; without: string[] };

export interface BodyMeasure {
  from: string;
  /** Expected pieces (or must-have snippets) found in the shown text, of all of them. */
  found: number;
  expected: number;
  /** Whole texts: characters of shown pieces not in the expected text, of all shown characters. */
  noiseChars?: number;
  shownChars?: number;
  /** Snippets: must-not-have snippets shown, of all of them. */
  leaked?: number;
  mustHide?: number;
  /** Up to three expected pieces the reader does not show, for the per-file detail. */
  missing: string[];
}

/** Shorter pieces (`小温。`, `00:00`) would be found anywhere by chance: recall counts only these. */
const minRecallPiece = 6;

/**
 * NFKC (full/half width), and no whitespace at all: HTML extraction re-spaces text freely. No
 * U+FFFD either: where a file has undecodable bytes the reader shows the replacement mark (and
 * flags the line) while an upstream extraction drops them or writes a space, and the sentence
 * is shown all the same.
 */
export function fold(text: string): string {
  return text.normalize('NFKC').replace(/[\s\ufffd]+/gu, '');
}

/** Sentences and lines: split on Chinese (and ASCII) sentence punctuation and line breaks. */
export function pieces(text: string): string[] {
  return text
    .split(/[。！？!?；;\r\n]+/u)
    .map(fold)
    .filter((p) => p !== '');
}

export function findExpected(corpusDir: string, fileName: string): Expected | null {
  const stem = fileName.split('.')[0]!;
  const txt = path.join(corpusDir, `${stem}.expected.txt`);
  if (fs.existsSync(txt)) return { kind: 'text', from: path.basename(txt), text: fs.readFileSync(txt, 'utf8') };
  const gne = path.join(corpusDir, `${stem}.gne-result.json`);
  if (fs.existsSync(gne)) {
    const content = (JSON.parse(fs.readFileSync(gne, 'utf8')) as { content?: unknown }).content;
    if (typeof content === 'string') return { kind: 'text', from: path.basename(gne), text: content };
  }
  const json = path.join(corpusDir, `${stem}.expected.json`);
  if (fs.existsSync(json)) {
    const records = Object.values(
      JSON.parse(fs.readFileSync(json, 'utf8')) as Record<string, { with?: string[]; without?: string[] }>,
    );
    const record = records[0];
    if (record)
      return { kind: 'snippets', from: path.basename(json), with: record.with ?? [], without: record.without ?? [] };
  }
  return null;
}

/**
 * `shown`: the reading text of each paragraph the reader shows (not boilerplate). `bodyShown`:
 * the same without the title paragraph, which upstream extractions leave out and is not noise.
 */
export function measureBody(expected: Expected, shown: readonly string[], bodyShown: readonly string[]): BodyMeasure {
  const all = fold(shown.join('\n'));
  if (expected.kind === 'snippets') {
    const missing = expected.with.filter((s) => !all.includes(fold(s)));
    return {
      from: expected.from,
      found: expected.with.length - missing.length,
      expected: expected.with.length,
      leaked: expected.without.filter((s) => all.includes(fold(s))).length,
      mustHide: expected.without.length,
      missing,
    };
  }
  const wanted = pieces(expected.text).filter((p) => [...p].length >= minRecallPiece);
  const missing = wanted.filter((p) => !all.includes(p));
  const whole = fold(expected.text);
  let noiseChars = 0;
  let shownChars = 0;
  for (const piece of bodyShown.flatMap(pieces)) {
    const n = [...piece].length;
    shownChars += n;
    if (!whole.includes(piece)) noiseChars += n;
  }
  return {
    from: expected.from,
    found: wanted.length - missing.length,
    expected: wanted.length,
    noiseChars,
    shownChars,
    missing: missing.slice(0, 3),
  };
}
