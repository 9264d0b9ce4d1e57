/** One shown metadata value against what PROVENANCE.md states for it (readProvenance.ts). */
import type { Field, Label } from './readProvenance';
import { firstDate } from './readProvenance';

/** right; wrong value; nothing shown; a value shown where none is stated; none stated and none shown. */
export type Verdict = 'right' | 'wrong' | 'missing' | 'wrong-shown' | 'empty-ok';

/** Trimmed, NFKC (full/half width), one kind of double and single quote, whitespace runs as one space. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[“”„‟"]/gu, '"')
    .replace(/[‘’‛']/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();
}

function bareUrl(url: string): string {
  return normalise(url)
    .replace(/^https?:\/\//iu, '')
    .replace(/^([^/]+)/u, (host) => host.toLowerCase())
    .replace(/\/+$/u, '');
}

function matches(field: Field, label: Extract<Label, { stated: true }>, shown: string): boolean {
  const s = normalise(shown);
  switch (label.match) {
    case 'equal':
      return field === 'date' ? firstDate(s) === label.values[0] : label.values.some((v) => normalise(v) === s);
    case 'contains':
      return label.values.some((v) => s.includes(normalise(v)));
    case 'any-of':
      return label.values.some((v) => {
        const n = normalise(v);
        return s.includes(n) || ([...s].length >= 2 && n.includes(s));
      });
    case 'all-names':
      return label.values.every((v) => s.includes(normalise(v)));
    case 'url': {
      const u = bareUrl(s);
      return label.values.some((v) => {
        // PROVENANCE.md shortens some long addresses with a final "…": a prefix then.
        const want = bareUrl(v); // NFKC writes "…" as "..."
        return want.endsWith('...') ? u.startsWith(want.slice(0, -3)) : u === want;
      });
    }
    case 'url-path': {
      const u = bareUrl(s);
      return label.values.some((v) => {
        const [host = '', ...rest] = v.split('/');
        return u.split('/')[0]!.endsWith(host) && u.endsWith(`/${rest.join('/')}`);
      });
    }
  }
}

export function verdict(field: Field, label: Label, shown: string | null): Verdict {
  const has = shown !== null && shown.trim() !== '';
  if (!label.stated) return has ? 'wrong-shown' : 'empty-ok';
  if (!has) return 'missing';
  return matches(field, label, shown) ? 'right' : 'wrong';
}
