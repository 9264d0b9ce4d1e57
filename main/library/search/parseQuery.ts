import { overrideVariants, queryVariants, variantBlockers } from '../../../preload/common/queryVariants';
import { LibraryError } from '../libraryError';
import { tokenize } from './searchTokens';

export const maxQueryLength = 200;
/** At most this many phrases in the index expression of one query, regional variants included (each term keeps its own form). */
export const maxQueryPhrases = 32;

/** One term of a query: tokens that must follow one another in the text. */
export interface QueryTerm {
  tokens: string[];
  /** The last token matches as a prefix: a lone CJK character at the end of a term. */
  prefix: boolean;
  /** A regional variant is not found inside these longer words (软体 inside 软体动物: variantBlockers). */
  unless?: QueryTerm[];
}

export interface ParsedQuery {
  /** Every form of every term, regional variants included: any of them is marked where it occurs. */
  terms: QueryTerm[];
  /** The FTS5 MATCH expression: every term ANDed, each as the OR of its forms' phrases (a variant NOT its blockers). */
  match: string;
  /** Each term typed, with its forms and its part of `match`: a search plans term by term (searchQuery). */
  clauses: QueryClause[];
}

export interface QueryClause {
  forms: QueryTerm[];
  /** The OR of its forms' phrases, as in `match`. */
  match: string;
}

/** Quote pairs a person may type: ASCII, Chinese curly quotes, corner brackets. */
const closingQuote: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』' };

/**
 * Splits a query into terms (spaces separate terms, every term must match) and quoted phrases
 * (kept whole, spaces and punctuation inside them matter as separators), and turns each into
 * the token sequence the index holds. A CJK term of n ≥ 2 characters is the phrase of its
 * bigrams; of one character, that character as a prefix. Latin words are words, lowercased.
 * A term matches in any of its regional forms (計程車 also as 出租车 and 的士: queryVariants),
 * within maxQueryPhrases for the whole query; and a term override's target as its stored source.
 */
export function parseQuery(
  query: string,
  overrides: readonly { readonly source: string; readonly target: string }[] = [],
): ParsedQuery {
  if (query.length > maxQueryLength) {
    throw new LibraryError('invalid-argument', `A search can be at most ${maxQueryLength} characters long.`);
  }
  const seen = new Set<string>();
  const clauses: Array<{ text: string; forms: QueryTerm[] }> = [];
  for (const text of splitTerms(query)) {
    const term = compileTerm(text);
    if (!term) continue;
    const key = phraseOf(term);
    if (seen.has(key)) continue;
    seen.add(key);
    clauses.push({ text, forms: [term] });
  }
  if (clauses.length === 0) {
    throw new LibraryError('invalid-argument', 'Type at least one letter, digit or Chinese character to search for.');
  }
  // Variants are added term by term while the budget lasts; the terms' own forms are always in.
  let phrases = clauses.length;
  for (const { text, forms } of clauses) {
    // The library's overrides first (a target shown finds its stored source), then the regional forms.
    for (const variant of [...overrideVariants(text, overrides), ...queryVariants(text).slice(1)]) {
      const term = compileTerm(variant);
      if (!term || forms.some((t) => phraseOf(t) === phraseOf(term))) continue;
      const unless = variantBlockers(variant, text)
        .map(compileTerm)
        .filter((t): t is QueryTerm => t !== undefined);
      if (phrases + 1 + unless.length > maxQueryPhrases) break;
      forms.push(unless.length === 0 ? term : { ...term, unless });
      phrases += 1 + unless.length;
    }
  }
  const compiled = clauses.map(({ forms }) => ({
    forms,
    match: forms.length === 1 ? formOf(forms[0]!) : `(${forms.map(formOf).join(' OR ')})`,
  }));
  return { terms: clauses.flatMap((c) => c.forms), match: compiled.map((c) => c.match).join(' AND '), clauses: compiled };
}

function splitTerms(query: string): string[] {
  const terms: string[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query.charAt(i);
    const close = closingQuote[ch];
    if (close !== undefined) {
      // An unclosed quote runs to the end: the person is still typing the phrase.
      let end = query.indexOf(close, i + 1);
      if (end < 0 && ch === '“') end = query.indexOf('"', i + 1);
      if (end < 0) end = query.length;
      terms.push(query.slice(i + 1, end));
      i = end + 1;
    } else if (/\s/u.test(ch)) {
      i++;
    } else {
      let end = i;
      while (end < query.length && !/\s/u.test(query.charAt(end)) && closingQuote[query.charAt(end)] === undefined) end++;
      terms.push(query.slice(i, end));
      i = end;
    }
  }
  return terms;
}

function compileTerm(text: string): QueryTerm | undefined {
  const tokens = tokenize(text);
  const last = tokens[tokens.length - 1];
  if (!last) return undefined;
  const beforeLast = tokens[tokens.length - 2];
  // The closing unigram of a run of two or more is implied by the bigram before it.
  if (last.cjk && last.runEnd && beforeLast?.cjk === true && !beforeLast.runEnd) tokens.pop();
  const final = tokens[tokens.length - 1];
  return { tokens: tokens.map((t) => t.text), prefix: final?.cjk === true && final.runEnd };
}

/** A form in the index expression: its phrase, less the rows holding one of its blockers. */
function formOf(term: QueryTerm): string {
  if (!term.unless) return phraseOf(term);
  return `(${[phraseOf(term), ...term.unless.map(phraseOf)].join(' NOT ')})`;
}

/** Tokens never contain `"` or spaces (see searchTokens), so quoting them needs no escaping. */
function phraseOf(term: QueryTerm): string {
  return `"${term.tokens.join(' ')}"${term.prefix ? '*' : ''}`;
}
