/**
 * OpenCC's own test data (BYVoid/OpenCC test/testcases, test/golden), read in place from
 * ../shared/corpus/opencc (see its PROVENANCE.md). Never copied into this repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const openccCorpus = path.resolve(process.cwd(), '../shared/corpus/opencc');
export const openccCorpusPresent = existsSync(path.join(openccCorpus, 'testcases.json'));

/** testcases.json has trailing commas (PROVENANCE.md): drop commas that close an object or array, outside strings. */
export function parseLenientJson(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === ',' && /^\s*[}\]]/.test(text.slice(i + 1, i + 64))) continue;
    out += c;
  }
  return JSON.parse(out);
}

export interface OpenccCase {
  id: string;
  input: string;
  expected: Record<string, string>;
}

export function readOpenccCases(): OpenccCase[] {
  const data = parseLenientJson(readFileSync(path.join(openccCorpus, 'testcases.json'), 'utf8'));
  if (typeof data !== 'object' || data === null || !('cases' in data) || !Array.isArray(data.cases)) {
    throw new Error('testcases.json: no cases array');
  }
  return data.cases.map((c: unknown): OpenccCase => {
    const r = c as Partial<OpenccCase>;
    if (typeof r.id !== 'string' || typeof r.input !== 'string' || typeof r.expected !== 'object') {
      throw new Error(`testcases.json: malformed case ${JSON.stringify(c)}`);
    }
    return { id: r.id, input: r.input, expected: r.expected };
  });
}
