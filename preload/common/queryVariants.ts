/**
 * The regional forms of a search query (issue #15): 計程車, 出租车 and 的士 are one word in
 * Taiwan, mainland and Hong Kong usage, but they share no characters, so the character fold of
 * foldScript.ts cannot make them meet. OpenCC's regional phrase dictionaries list these pairs
 * (TWPhrases 出租車 -> 計程車 and 的士 -> 計程車, TWPhrasesRev, HKPhrases, HKPhrasesRev); here
 * every pair, folded on both sides, becomes an edge between two folded phrases, and a query is
 * expanded by replacing each phrase it contains (longest match first, as OpenCC segments) by
 * the phrases connected to it.
 *
 * Why the dictionaries and not a run of whole conversions (tw2sp, s2twp, ...) over the query: a
 * conversion gives one form per config (tw2sp turns 計程車 into 出租车, never into 的士, which
 * only appears as a key of TWPhrases), and the s2t side needs STPhrases (400,000 entries, some
 * 100 ms and tens of MB to build) in the process that searches. The phrase tables are a few
 * thousand entries, built once in a few milliseconds.
 *
 * Every variant is returned folded (foldToSimplified) and lowercased, as the search index holds
 * words: so SQL注入 and sql注入 meet the same entry.
 */

import { Locale } from 'opencc-js';
import { foldToSimplified } from './foldScript';

/** At most this many forms of one phrase (its own included): a phrase with a long chain of equivalents stops here. */
export const maxPhraseForms = 6;
/** At most this many dictionary steps from a phrase to an equivalent (see phraseForms). */
export const maxPhraseHops = 2;
/** At most this many longer words a variant is kept out of (see variantBlockers). */
export const maxVariantBlockers = 8;
/** At most this many variants of one query term (its own form included). */
export const maxTermVariants = 8;

interface PhraseGraph {
  /** Folded phrase -> folded phrases listed as its regional equivalents (both directions). */
  edges: Map<string, Set<string>>;
  /** Every folded phrase the dictionaries know, with or without equivalents (軟體動物 is listed to keep 軟體 inside it). */
  known: Set<string>;
  /** Longest known phrase, in UTF-16 units. */
  longest: number;
  /** Phrases the tables list as themselves only (軟體動物, 司法程序): OpenCC keeps a shorter phrase inside them unconverted. */
  whole: string[];
}

let graph: PhraseGraph | null = null;

/** Folded and lowercased: how the index compares text (searchTokens). */
function indexForm(text: string): string {
  return foldToSimplified(text).toLowerCase();
}

/** Config name, conversion stage, dictionary index of the four regional phrase tables (opencc-js 1.4 preset layout). */
const phraseTables: readonly (readonly [string, number, number])[] = [
  ['s2twp', 1, 0], // TWPhrases: OpenCC traditional -> Taiwan
  ['tw2sp', 0, 0], // TWPhrasesRev
  ['s2hkp', 1, 0], // HKPhrases
  ['hk2sp', 0, 0], // HKPhrasesRev
];

function phraseTable(config: string, stage: number, index: number): string {
  const raw: unknown = (Locale.configs as Record<string, unknown>)[config];
  const chain: unknown = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).conversionChain : undefined;
  const group: unknown = Array.isArray(chain) ? (chain[stage] as unknown) : undefined;
  const dict: unknown = Array.isArray(group) ? (group[index] as unknown) : undefined;
  if (typeof dict !== 'string') throw new Error(`opencc-js preset: ${config} has no phrase table at [${stage}][${index}]`);
  return dict;
}

function phraseGraph(): PhraseGraph {
  if (graph) return graph;
  const edges = new Map<string, Set<string>>();
  const known = new Set<string>();
  const link = (a: string, b: string) => {
    let set = edges.get(a);
    if (!set) edges.set(a, (set = new Set()));
    set.add(b);
  };
  for (const [config, stage, index] of phraseTables) {
    for (const entry of phraseTable(config, stage, index).split('|')) {
      const [key, value] = entry.split(' ');
      if (!key || !value) continue;
      const a = indexForm(key);
      const b = indexForm(value);
      // Single characters are variants the character fold already joins (or a reading OpenCC
      // changes only inside phrases): as a phrase of their own they would expand every query.
      if ([...a].length < 2 || [...b].length < 2) continue;
      known.add(a);
      known.add(b);
      if (a !== b) {
        link(a, b);
        link(b, a);
      }
    }
  }
  let longest = 0;
  for (const phrase of known) longest = Math.max(longest, phrase.length);
  const whole = [...known].filter((phrase) => !edges.has(phrase));
  graph = { edges, known, longest, whole };
  return graph;
}

/**
 * The phrase and its equivalents, nearest first, at most maxPhraseForms and maxPhraseHops
 * dictionary steps away. Two steps join the words that share a regional form (的士 -> 计程车 ->
 * 出租车: both are 計程車 in Taiwan); a third would drift in meaning (程序 -> 程式 -> 进程 -> 行程).
 */
function phraseForms(phrase: string, edges: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const forms = [phrase];
  let ring = [phrase];
  for (let hop = 0; hop < maxPhraseHops && ring.length > 0; hop++) {
    const next: string[] = [];
    for (const form of ring) {
      for (const other of edges.get(form) ?? []) {
        if (forms.length >= maxPhraseForms) return forms;
        if (forms.includes(other)) continue;
        forms.push(other);
        next.push(other);
      }
    }
    ring = next;
  }
  return forms;
}

/**
 * The folded forms of one query term: its own first, then the forms with each regional phrase
 * it contains replaced by an equivalent (計程車 -> 计程车, 出租车, 的士). At most `limit`. A term
 * with no regional phrase in it gives only its folded self.
 */
export function queryVariants(term: string, limit = maxTermVariants): string[] {
  const folded = indexForm(term);
  const { edges, known, longest } = phraseGraph();
  // Longest match from the left, as OpenCC segments: 軟體動物 stays whole, 軟體 alone expands.
  const pieces: string[][] = [];
  let plain = '';
  for (let i = 0; i < folded.length; ) {
    let found = '';
    for (let len = Math.min(longest, folded.length - i); len >= 2; len--) {
      const candidate = folded.slice(i, i + len);
      if (known.has(candidate)) {
        found = candidate;
        break;
      }
    }
    if (found === '' || !edges.has(found)) {
      const step = found === '' ? 1 : found.length;
      plain += folded.slice(i, i + step);
      i += step;
      continue;
    }
    if (plain !== '') pieces.push([plain]);
    plain = '';
    pieces.push(phraseForms(found, edges));
    i += found.length;
  }
  if (plain !== '') pieces.push([plain]);
  // Every combination, the term's own form first, until the limit.
  let variants = [''];
  for (const forms of pieces) {
    const next: string[] = [];
    for (const form of forms) {
      for (const prefix of variants) {
        if (next.length >= limit) break;
        next.push(prefix + form);
      }
    }
    variants = next;
  }
  return [...new Set(variants)];
}

/**
 * The longer words a variant must not be found inside: OpenCC lists 軟體動物 (molluscs) as
 * itself so that its 軟體 never becomes 软件 (software); so 软件's variant 软体 is not looked
 * for inside 软体动物, nor 程式's variant 程序 inside 司法程序. Words that hold the term's own
 * form are not among them (a search finds what was typed wherever it is). Folded, at most
 * maxVariantBlockers, longest first.
 */
export function variantBlockers(variant: string, own: string): string[] {
  const v = indexForm(variant);
  const o = indexForm(own);
  if (v === o || [...v].length < 2) return [];
  return phraseGraph()
    .whole.filter((phrase) => phrase !== v && phrase.includes(v) && !phrase.includes(o))
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .slice(0, maxVariantBlockers);
}

/** Folded forms of override terms, kept between searches (a library's overrides are few and repeat). */
const foldedTerms = new Map<string, string>();

function foldedTerm(text: string): string {
  let folded = foldedTerms.get(text);
  if (folded === undefined) {
    if (foldedTerms.size >= 50_000) foldedTerms.clear();
    folded = indexForm(text);
    foldedTerms.set(text, folded);
  }
  return folded;
}

/**
 * The forms a library's term overrides add to a query term (issue #15 item 6): where the term
 * holds an override's target, the term with the override's stored source there instead, so a
 * search for what the reader is shown finds what is stored (人工智慧 finds an AI shown so). The
 * forms folded and lowercased as queryVariants's; the term's own form not among them; at most `limit`.
 */
export function overrideVariants(
  term: string,
  overrides: readonly { readonly source: string; readonly target: string }[],
  limit = maxTermVariants,
): string[] {
  if (overrides.length === 0) return [];
  const folded = indexForm(term);
  const forms: string[] = [];
  for (const { source, target } of overrides) {
    const shown = foldedTerm(target);
    const at = shown === '' ? -1 : folded.indexOf(shown);
    if (at < 0) continue;
    const form = folded.slice(0, at) + foldedTerm(source) + folded.slice(at + shown.length);
    if (form === folded || forms.includes(form)) continue;
    forms.push(form);
    if (forms.length >= limit) break;
  }
  return forms;
}
