import type { TextRange } from '../../../preload/contract/api';

/**
 * A one-line excerpt of `text` around its first match, every match inside it wrapped in
 * `open`/`close` (【晋江】), with … where text was cut. Never cuts a surrogate pair in half.
 */
export function markSnippet(text: string, matches: readonly TextRange[], width = 80, open = '【', close = '】'): string {
  const first = matches[0];
  let from = first ? Math.max(0, first.start - Math.floor(width / 4)) : 0;
  let to = Math.min(text.length, from + width);
  if (to - from < width) from = Math.max(0, to - width);
  if (isLowSurrogate(text, from)) from--;
  if (isLowSurrogate(text, to)) to++;
  let out = from > 0 ? '…' : '';
  let at = from;
  for (const m of matches) {
    const start = Math.max(m.start, from);
    const end = Math.min(m.end, to);
    if (start >= end) continue;
    out += text.slice(at, start) + open + text.slice(start, end) + close;
    at = end;
  }
  out += text.slice(at, to) + (to < text.length ? '…' : '');
  return out.replace(/\s+/g, ' ');
}

function isLowSurrogate(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return i > 0 && i < text.length && code >= 0xdc00 && code <= 0xdfff;
}
