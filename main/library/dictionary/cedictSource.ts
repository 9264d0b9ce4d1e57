import fs from 'node:fs';
import { createRequire } from 'node:module';

/** One CC-CEDICT line: `traditional simplified [pin1 yin1] /sense/sense/`. */
export interface CedictLine {
  traditional: string;
  simplified: string;
  pinyinNumbered: string;
  senses: string[];
}

const linePattern = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/$/;

/** A line of the source, or null for a comment or a line not in CC-CEDICT's format. */
export function parseCedictLine(line: string): CedictLine | null {
  const match = linePattern.exec(line.trimEnd());
  if (!match) return null;
  return { traditional: match[1]!, simplified: match[2]!, pinyinNumbered: match[3]!, senses: match[4]!.split('/') };
}

/** What CC-CEDICT's header says of the edition: its date and entry count (`#! date=`, `#! entries=`). */
export function cedictEdition(source: string): { date: string; entries: number } {
  const date = /^#! date=(\S+)/m.exec(source)?.[1] ?? 'unknown';
  const entries = Number(/^#! entries=(\d+)/m.exec(source)?.[1] ?? NaN);
  return { date, entries };
}

/**
 * The CC-CEDICT text the `hanzi` package ships (a JS module exporting the file as one template
 * literal), read as text rather than run: the build step and the fallback in tests need no
 * evaluation of a 10 MB module. Refuses a file whose shape has changed.
 */
export function readHanziCedict(): string {
  const file = hanziCedictPath();
  const module = fs.readFileSync(file, 'utf8');
  const head = 'module.exports = `';
  const body = module.startsWith(head) ? module.slice(head.length, module.lastIndexOf('`')) : '';
  // A template literal with escapes or substitutions would not read as its text.
  if (body === '' || /[`\\]|\$\{/.test(body)) throw new Error(`${file} is not the CC-CEDICT module this build expects`);
  return body;
}

/** The CC-CEDICT module of the installed `hanzi` package. */
export function hanziCedictPath(): string {
  return createRequire(__filename).resolve('hanzi/lib/data/cedict_ts.u8.js');
}
