/**
 * An article's title without what the site adds to its <title>: `_科技_腾讯网`, ` - 新浪新闻`,
 * `| 社會 | 中央社 CNA`, `--大河网`. Decided by the page's own evidence, never by a list of sites:
 * a heading the page also gives (h1, og:title, JSON-LD headline) that the <title> starts with
 * before a separator, else the <title> cut at its first separator when what follows is short
 * segments (section and site names), not more of a sentence.
 */

/** Runs that sites put between a title and their names. */
const separator = /\s*(?:_{1,3}|--?|—|–|\||｜|<|>|»|·\s)\s*|\s+[-–—|｜]\s+/u;
const maxSegment = 24;

function tidy(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Whether `rest` (what follows a title in a <title>) is only site furniture: short, no sentence punctuation. */
function isFurniture(rest: string): boolean {
  const parts = rest.split(separator).filter((p) => p.trim() !== '');
  return parts.length > 0 && parts.every((p) => [...p.trim()].length <= maxSegment && !/[。，,！？!?：:]/u.test(p));
}

/**
 * The title: `pageTitle` (the <title> text) without its site suffix. `headings` are what the page
 * also calls its title (h1 first lines, og:title, JSON-LD headline), any of them possibly with the
 * suffix too. Returns null when there is nothing to go on.
 */
export function titleWithoutSuffix(pageTitle: string | null, headings: readonly string[]): string | null {
  const whole = tidy(pageTitle ?? '');
  const candidates = headings.map(tidy).filter((h) => [...h].length >= 2);
  if (whole !== '') {
    let best: string | null = null;
    for (const heading of candidates) {
      if (heading === whole || !whole.startsWith(heading)) continue;
      const rest = whole.slice(heading.length);
      const sep = new RegExp(`^(?:${separator.source})`, 'u').exec(rest);
      if (sep && isFurniture(rest.slice(sep[0].length)) && (!best || heading.length > best.length)) best = heading;
    }
    if (best) return best;
    // The page calls its title what <title> says in full: no suffix to take off.
    if (candidates.includes(whole)) return whole;
  }
  for (const text of [whole, ...candidates]) {
    if (text === '') continue;
    const cut = cutAtFirstSeparator(text);
    if (cut) return cut;
  }
  return whole || candidates[0] || null;
}

/** `text` up to its first separator, when everything after it is site furniture and the title keeps some length. */
function cutAtFirstSeparator(text: string): string | null {
  const m = separator.exec(text);
  if (!m || m.index === 0) return text;
  const head = text.slice(0, m.index).trim();
  const rest = text.slice(m.index + m[0].length);
  return [...head].length >= 2 && isFurniture(rest) ? head : text;
}

/** A leading tag in ASCII square brackets ([视频], [诗婷露雅化妆品]) is the site's label, not the headline's words. */
export function withoutBracketTag(title: string): string {
  const m = /^\s*\[[^\]]{1,20}\]\s*(?=\S)/u.exec(title);
  return m && [...title.slice(m[0].length)].length >= 4 ? title.slice(m[0].length) : title;
}
