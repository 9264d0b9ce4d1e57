/**
 * The metadata PROVENANCE.md states for each corpus file, read from its own tables and
 * "Ground truth" notes (never from labels written here, except the few corrections of
 * provenanceCorrections.ts, each quoting the file's own line). A field is `{ stated: false }` when the
 * file says it is not there ("not stated", "not in the page", UNKNOWN, `None`, ""), and absent
 * when PROVENANCE.md says nothing about it: only the first is checked for a wrong value shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeText } from '../../main/library/import/decodeText';
import { provenanceCorrections } from './provenanceCorrections';

export const fields = ['title', 'source', 'author', 'date', 'url'] as const;
export type Field = (typeof fields)[number];

export type Label =
  | { stated: false }
  /** `values`: any one of them is right (an outlet or the source it names; every author name). */
  | { stated: true; values: string[]; match: 'equal' | 'contains' | 'any-of' | 'all-names' | 'url' | 'url-path' };

export type FileLabels = Partial<Record<Field, Label>>;

const none: Label = { stated: false };
const notStated = /^(not stated|not in the page|unknown|unknwon|none|''|""|—|-)(\W|$)/iu;

/** `text` without Markdown emphasis and code marks. */
function plain(text: string): string {
  return text.replace(/\*\*/gu, '').replace(/`/gu, '').trim();
}

/** Cells of one Markdown table row; `|` inside backticks (`整理 \| 华卫`) is escaped upstream. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/gu, '')
    .split(/(?<!\\)\|/u)
    .map((c) => c.replace(/\\\|/gu, '|').trim());
}

/** The first date in `text` as YYYY-MM-DD (2019-09-09, 2019/3/6, 2019年06月15日). */
export function firstDate(text: string): string | null {
  const m = /(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})/u.exec(text);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
}

/** A trailing ` (…)` note, as in `坚定实施扩大内需战略 (column 中国稳健前行)`; `(图)` with no space before it stays. */
function withoutNotes(text: string): string {
  return text.replace(/\s+\([^()]*\)\s*$/u, '').trim();
}

function dateLabel(cell: string): Label {
  const date = firstDate(cell);
  if (date) return { stated: true, values: [date], match: 'equal' };
  return none;
}

function urlLabel(cell: string, file: string): Label {
  const url = /https?:\/\/[^\s`)>]+/u.exec(cell);
  if (url) return { stated: true, values: [url[0].replace(/[.,;]+$/u, '')], match: 'url' };
  const pathOnHost = /path `([^`]+)` on (\S+)/u.exec(cell);
  if (pathOnHost) return { stated: true, values: [`${pathOnHost[2]}${pathOnHost[1]}`], match: 'url-path' };
  const frontMatterKey = /the `(\w+):` value/u.exec(cell);
  if (frontMatterKey) {
    const value = frontMatterValue(file, frontMatterKey[1]!);
    return value ? { stated: true, values: [value], match: 'url' } : none;
  }
  return none;
}

/** Names of people: role words and notes dropped, split at 、 and commas. */
function authorLabel(cell: string): Label {
  const text = plain(cell);
  // "X — this is the page's 责任编辑, not the writer; treat as editor": no author is stated.
  if (notStated.test(text) || /treat as editor|not the writer/iu.test(text)) return none;
  const names = text
    .replace(/\([^()]*\)|（[^（）]*）/gu, ' ')
    .split(/[、,，/]|\s{2,}/u)
    .map((n) => n.replace(/^(?:\S*記者|\S*记者|作者|文)\s*/u, '').trim())
    .filter((n) => n !== '' && !notStated.test(n));
  return names.length > 0 ? { stated: true, values: names, match: 'all-names' } : none;
}

/** Outlet and the source it names: `新浪财经; source 新京报`, `起点课堂 (repost) / 数字力场 (original)`. */
function sourceLabel(cell: string): Label {
  const text = plain(cell);
  if (notStated.test(text)) return none;
  const names = text
    .split(/[;,/]\s*/u)
    .map((part) =>
      part
        .replace(/\([^()]*\)/gu, '')
        .replace(/^(?:outlet|source shown|source|original|byline)\s+/iu, '')
        .trim(),
    )
    .filter((n) => n !== '');
  return names.length > 0 ? { stated: true, values: names, match: 'any-of' } : none;
}

function titleLabel(cell: string, file: string, quoted: string | null): Label {
  let text = plain(cell);
  if (notStated.test(text)) return none;
  let match: 'equal' | 'contains' = 'equal';
  const contains = /^contains\s+/u.exec(text);
  if (contains) {
    match = 'contains';
    text = text.slice(contains[0].length);
  }
  text = withoutNotes(text);
  if (/^as above$/u.test(text)) {
    if (!quoted) return none;
    text = quoted;
  }
  if (/^as first line$/u.test(text)) text = firstLine(file);
  return text ? { stated: true, values: [text], match } : none;
}

function firstLine(file: string): string {
  return (
    fs
      .readFileSync(file, 'utf8')
      .replace(/^\ufeff/u, '')
      .split(/\r\n|\r|\n/u)
      .find((l) => l.trim() !== '')
      ?.trim() ?? ''
  );
}

function frontMatterValue(file: string, key: string): string | null {
  const text = fs.readFileSync(file, 'utf8');
  const front = /^---\r?\n([\s\S]*?)\r?\n---/u.exec(text);
  const line = front?.[1]?.split(/\r?\n/u).find((l) => l.startsWith(`${key}:`));
  return line
    ? line
        .slice(key.length + 1)
        .trim()
        .replace(/^["']|["']$/gu, '')
    : null;
}

/** `title X; outlet Y, source Z; author W; date D; URL U` (the free-text "ground truth" cells). */
function keyedLabels(text: string, file: string, quoted: string | null, onlyClear = false): FileLabels {
  const labels: FileLabels = {};
  const parts = text.split(/[;,]\s+(?=(?:title|outlet|source|author|date|URL|canonical)\b)|;\s+/u);
  for (const part of parts) {
    const m = /^(title|outlet|source|author(?:\/editor)?|date|URL|canonical)\b\s*(.*)$/su.exec(part.trim());
    if (!m) continue;
    const [, key = '', value = ''] = m;
    // In a noise column, only a clear `title \`…\`` or `canonical http…` is a statement.
    if (onlyClear && !/^[`h]/u.test(value)) continue;
    if (key === 'title') labels.title = titleLabel(value, file, quoted);
    else if (key === 'outlet' || key === 'source') {
      const add = sourceLabel(value);
      const prior = labels.source;
      labels.source =
        prior?.stated && add.stated
          ? { stated: true, values: [...prior.values, ...add.values], match: 'any-of' }
          : (prior ?? add);
    } else if (key.startsWith('author')) labels.author = authorLabel(value);
    else if (key === 'date') labels.date = dateLabel(value);
    else labels.url = urlLabel(value, file);
  }
  return labels;
}

/** The first “…” or "…" quoted title in a description cell. */
function quotedTitle(text: string): string | null {
  const m = /"(.+?)"(?=\s*\(|\s*$|[.;,])/u.exec(text) ?? /[“](.+?)[”]/u.exec(text);
  return m?.[1] ?? null;
}

function isCompanion(name: string): boolean {
  return /\.expected\.|\.gne-result\.json$/u.test(name);
}

/** Labels for every file PROVENANCE.md names, by file name. */
export function readProvenance(corpusDir: string): Map<string, FileLabels> {
  const lines = fs.readFileSync(path.join(corpusDir, 'PROVENANCE.md'), 'utf8').split(/\r?\n/u);
  const labels = new Map<string, FileLabels>();
  const merge = (name: string, add: FileLabels) => labels.set(name, { ...labels.get(name), ...add });
  let header: string[] | null = null;
  let lastTableFiles: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('|')) {
      if (header) header = null;
      // "Ground truth: outlet …; author …" after a table: about that table's one primary file.
      const note = /^Ground truth:\s*(.*)$/u.exec(line);
      const primaries = lastTableFiles.filter((f) => !isCompanion(f));
      if (note && primaries.length === 1) {
        let text = note[1]!;
        for (let j = i + 1; j < lines.length && lines[j]!.trim() !== '' && !lines[j]!.startsWith('|'); j++)
          text += ` ${lines[j]!.trim()}`;
        const file = path.join(corpusDir, primaries[0]!);
        merge(primaries[0]!, keyedLabels(text, file, null));
      }
      continue;
    }
    if (!header) {
      header = cells(line).map((h) => plain(h).toLowerCase());
      lastTableFiles = [];
      i++; // the |---| line
      continue;
    }
    const row = cells(line);
    const name = /^`([^`]+)`$/u.exec(row[0] ?? '')?.[1];
    if (!name || name.includes('/')) continue;
    lastTableFiles.push(name);
    const file = path.join(corpusDir, name);
    if (isCompanion(name) || !fs.existsSync(file)) continue;
    const describe = header.findIndex((h) => h.startsWith('what it is') || h.startsWith('title / date'));
    const quoted = describe >= 0 ? quotedTitle(row[describe] ?? '') : null;
    const found: FileLabels = {};
    let keyed = false;
    header.forEach((h, c) => {
      const cell = row[c] ?? '';
      if (c === 0) return;
      if (h.startsWith('ground truth')) {
        Object.assign(found, keyedLabels(cell, file, quoted));
        keyed = true;
      } else if (h === 'title') found.title = titleLabel(cell, file, null);
      else if (h.startsWith('outlet')) found.source = sourceLabel(cell);
      else if (h.startsWith('author')) found.author = authorLabel(cell);
      else if (h.startsWith('date')) found.date = dateLabel(cell);
      else if (h === 'url' || h.includes('`url`') || h.includes('(by url)')) found.url = urlLabel(cell, file);
      else if (h.includes(' / ') && /title|date|author|outlet/u.test(h)) {
        // `title / date / outlet / category` and `front matter: title / date / author / category`.
        const names = h.replace(/^.*:\s*/u, '').split(' / ');
        const parts = cell.split(' / ');
        if (parts.length !== names.length) return;
        names.forEach((n, k) => {
          const part = parts[k]!.trim();
          if (n === 'title') found.title = titleLabel(part, file, null);
          else if (n === 'date') found.date = dateLabel(part);
          else if (n === 'author') found.author = authorLabel(part);
          else if (n === 'outlet') found.source = sourceLabel(part);
        });
      }
    });
    // A table with no ground-truth columns may still state a title or canonical URL in its last cell.
    const hasTruth = keyed || header.some((h) => h === 'title' || (h.includes(' / ') && h.includes('title')));
    if (!hasTruth) Object.assign(found, keyedLabels(row[row.length - 1] ?? '', file, quoted, true));
    merge(name, found);
  }
  for (const c of provenanceCorrections) {
    if (!labels.has(c.file)) continue;
    if (!flat(readDecoded(path.join(corpusDir, c.file)) ?? '').includes(flat(c.evidence)))
      throw new Error(`provenanceCorrections: ${c.file} does not hold "${c.evidence}"`);
    merge(c.file, { [c.field]: c.label });
  }
  for (const [name, found] of labels) labels.set(name, statedInFile(path.join(corpusDir, name), found));
  return labels;
}

/** `text` as compared for presence: NFKC, common HTML entities read, one kind of quote, no whitespace. */
function flat(text: string): string {
  return text
    .replace(/&#x([0-9a-f]{1,6});/giu, (_, hex: string) => safeChar(parseInt(hex, 16)))
    .replace(/&#(\d{1,7});/gu, (_, dec: string) => safeChar(Number(dec)))
    .replace(/&(quot|ldquo|rdquo);/gu, '"')
    .replace(/&(lsquo|rsquo|apos);/gu, "'")
    .replace(/&nbsp;/gu, ' ')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&')
    .normalize('NFKC')
    .replace(/[“”„‟"]/gu, '"')
    .replace(/[‘’‛']/gu, "'")
    .replace(/\s+/gu, '')
    .toLowerCase();
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** Whether the file itself holds the date, in any written form (2019-09-09, 2019年9月9日, 2019/9/9, ROC 108/9/9, 民國108年9月9日). */
function holdsDate(file: string, date: string): boolean {
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  const ymd = (year: string): RegExp => new RegExp(`${year}(?:[-/.年])0?${m}(?:[-/.月])0?${d}(?!\\d)`, 'u');
  return ymd(`(?<!\\d)${y}`).test(file) || ymd(`(?:民國|民国)?(?<!\\d)${y - 1911}`).test(file);
}

function holds(file: string, field: Field, label: Extract<Label, { stated: true }>): boolean {
  const values = label.values.map((v) => (label.match === 'url' || label.match === 'url-path' ? bare(v) : flat(v)));
  switch (label.match) {
    case 'equal':
    case 'contains':
      return field === 'date' ? holdsDate(file, label.values[0]!) : file.includes(values[0]!);
    case 'any-of':
      return values.some((v) => file.includes(v));
    case 'all-names':
      return values.every((v) => file.includes(v));
    case 'url':
    case 'url-path':
      // A shortened address ("…") is held if its start is.
      return values.some((v) => file.includes(v.replace(/(\.\.\.|…)$/u, '')));
  }
}

function bare(url: string): string {
  return flat(url)
    .replace(/^https?:\/\//u, '')
    .replace(/\/+$/u, '');
}

/**
 * Only what the file itself states counts as stated (issue 14: "of the files that state them").
 * PROVENANCE.md also gives values from outside the file: the TaiwanStat record's outlet, date
 * and URL (the extract holds only title and text), the title and URL of the page a CWCED
 * copy-paste came from, an address a reader would work out from ids in a script. No import can
 * find those; a value the file does not hold is taken as not stated, so showing one is wrong.
 * A title the file does not hold is left out (an inferred title is not a claim).
 */
function readDecoded(file: string): string | null {
  try {
    const decoded = decodeText(fs.readFileSync(file), path.basename(file));
    return decoded.ok ? decoded.text : null;
  } catch {
    return null;
  }
}

function statedInFile(file: string, found: FileLabels): FileLabels {
  const text = readDecoded(file);
  if (text === null) return found;
  const flatText = flat(text);
  const out: FileLabels = {};
  for (const field of fields) {
    const label = found[field];
    if (!label) continue;
    if (!label.stated || holds(field === 'date' ? text.normalize('NFKC') : flatText, field, label)) out[field] = label;
    else if (field !== 'title') out[field] = none;
  }
  return out;
}
