import { countJoins } from './countJoins';
import { findInjectedFragments, titleFragments, type InjectedSpan } from './findInjectedFragments';
import { makeRemoval, rawSpansForText } from './removals';
import { addFlag, addRemovals, type WorkingParagraph } from './workingParagraph';

/**
 * Evidence a paragraph needs before anything in it is hidden: this many candidate pieces, of two
 * different pieces at least, in this share of its clauses, two of them pieces the article never
 * uses in a normal way (see `foreign`). One odd join is a rare word; a pattern is an injector.
 */
const minCandidates = 3;
const minClauseShare = 0.25;
const minForeign = 2;

/**
 * Flags 'keyword-stuffed' on body paragraphs into which pieces of the title were inserted for
 * search engines, and hides each piece as an 'injected-fragment' removal. All evidence comes from
 * the article: the title gives the pieces, the text the character joins that are normal.
 *
 * A piece is foreign when every one of its occurrences in the article breaks a sentence (扛起,
 * 发守 in an article that never uses them otherwise); an ordinary word of the article (晋江 in a
 * story about 晋江) is hidden only inside an injected run: within one clause of a foreign piece.
 * Once a paragraph proves the article stuffed, a foreign piece found there also marks the
 * other paragraphs it was inserted into.
 */
export function markKeywordStuffing(paragraphs: readonly WorkingParagraph[], title: string): void {
  if (title.trim() === '') return;
  const fragments = titleFragments(title);
  const readable = paragraphs.filter((p) => p.kind !== 'boilerplate' && p.kind !== 'title').map((p) => p.text);
  const joins = countJoins(readable, title);
  const body = paragraphs.filter((p) => p.kind === 'body');
  const found = new Map(body.map((p) => [p, findInjectedFragments(p.text, fragments, joins)] as const));
  const candidates = new Map<string, number>();
  for (const spans of found.values())
    for (const s of spans) candidates.set(s.fragment, (candidates.get(s.fragment) ?? 0) + 1);
  const foreign = new Set([...candidates].filter(([f, n]) => n >= occurrences(readable, f)).map(([f]) => f));

  const strong = body.filter((p) => isStuffed(p.text, found.get(p) ?? [], foreign));
  if (strong.length === 0) return;
  const confirmed = new Set(
    strong.flatMap((p) => (found.get(p) ?? []).filter((s) => foreign.has(s.fragment)).map((s) => s.fragment)),
  );
  for (const p of body) {
    const spans = found.get(p) ?? [];
    const anchors = spans.filter((s) => confirmed.has(s.fragment));
    const hidden = withNeighbours(spans, anchors);
    if (hidden.length === 0) continue;
    const removals = hidden.flatMap((s) =>
      rawSpansForText(p.raw, p.removals, s.start, s.end).map(([a, b]) => makeRemoval(p.raw, a, b, 'injected-fragment')),
    );
    addRemovals(p, removals);
    addFlag(p, 'keyword-stuffed');
  }
}

/** Non-overlapping occurrences, counted in place (split would build every piece in between). */
function occurrences(texts: readonly string[], fragment: string): number {
  let n = 0;
  for (const text of texts) {
    for (let at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + fragment.length)) n++;
  }
  return n;
}

function isStuffed(text: string, spans: readonly InjectedSpan[], foreign: ReadonlySet<string>): boolean {
  if (spans.length < minCandidates || new Set(spans.map((s) => s.fragment)).size < 2) return false;
  if (spans.filter((s) => foreign.has(s.fragment)).length < minForeign) return false;
  const clauses = text.split(/[,，、。;；!?！？:：“”]/u).filter((c) => c.trim() !== '').length;
  return spans.length / Math.max(clauses, 1) >= minClauseShare;
}

/**
 * The anchors plus every candidate chained to them clause by clause (an injected run). The spans
 * come in text order, so their clauses never decrease: a chain is a run of spans whose clauses
 * step by at most one, and a run with an anchor is kept whole. One pass, however many spans.
 */
function withNeighbours(spans: readonly InjectedSpan[], anchors: readonly InjectedSpan[]): InjectedSpan[] {
  const isAnchor = new Set(anchors);
  const kept: InjectedSpan[] = [];
  let runStart = 0;
  let anchored = false;
  for (let k = 0; k <= spans.length; k++) {
    const span = spans[k];
    const previous = spans[k - 1];
    if (k > 0 && (span === undefined || previous === undefined || span.clause - previous.clause > 1)) {
      if (anchored) kept.push(...spans.slice(runStart, k));
      runStart = k;
      anchored = false;
    }
    if (span && isAnchor.has(span)) anchored = true;
  }
  return kept;
}
