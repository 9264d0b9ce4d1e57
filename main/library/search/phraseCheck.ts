import type { QueryClause, QueryTerm } from './parseQuery';
import { termOccurs } from './findMatches';
import { literalFormOf } from './literalForm';
import { tokenSpans, type TokenSpans } from './searchTokens';

/**
 * Phrases without positions (migration 0035). The search index keeps, per token, only the rows
 * that hold it (FTS5 detail=none), so it can tell that a row holds every bigram of 背包精神 but
 * not that they stand in a row. The index gives the candidates, the rows holding every token of
 * a term; a page then checks each candidate's own text, as the index was filled from it, with
 * the very comparison FTS5 made on positions (a phrase: its tokens one after another; a prefix:
 * the last token's start). A term of one token (晋江, a word) needs no check: its candidates
 * are its matches.
 */

/** Picks the one token a phrase's candidates are looked up by (rarestToken). */
export type PhraseToken = (tokens: readonly string[]) => string;

/** Tokens never contain `"` or spaces (searchTokens), so quoting them needs no escaping. */
function candidatesOf(term: QueryTerm, phraseToken?: PhraseToken): string {
  // Any one token of a phrase finds all its rows, every candidate being checked in its text.
  if (phraseToken !== undefined && !term.prefix && term.tokens.length > 1) return `"${phraseToken(term.tokens)}"`;
  const last = term.tokens.length - 1;
  const quoted = term.tokens.map((t, i) => `"${t}"${i === last && term.prefix ? '*' : ''}`);
  const distinct = [...new Set(quoted)];
  return distinct.length === 1 ? distinct[0]! : `(${distinct.join(' AND ')})`;
}

/**
 * The index expression of the rows that may hold the clauses: each clause's forms ORed, every
 * form as the AND of its tokens (its phrase without positions), or, given `phraseToken`, a
 * phrase's (no prefix) as that one token, for a caller that checks every candidate (a page and
 * a count do: candidatesAreMatches is false for a phrase); a form's blockers are left to the
 * check (they only take rows away).
 */
export function candidateExpression(clauses: readonly QueryClause[], phraseToken?: PhraseToken): string {
  return clauses
    .map((c) => {
      const forms = [...new Set(c.forms.map((f) => candidatesOf(f, phraseToken)))];
      return forms.length === 1 ? forms[0]! : `(${forms.join(' OR ')})`;
    })
    .join(' AND ');
}

/** True when the index's candidates are exactly the rows that match: every form one token, no blockers. */
export function candidatesAreMatches(clauses: readonly QueryClause[]): boolean {
  return clauses.every((c) => c.forms.every((f) => f.tokens.length === 1 && f.unless === undefined));
}

/**
 * The clauses as pizhu_holds_terms takes them (searchFunctions): each clause's forms, with the
 * plain literal of a form that has one (literalForm), which a page finds in SQL first (searchPages).
 */
export function phraseTermsArgument(clauses: readonly QueryClause[]): string {
  return JSON.stringify(
    clauses.map((c) =>
      c.forms.map(({ tokens, prefix, unless }) => {
        const literal = literalFormOf({ tokens, prefix, ...(unless === undefined ? {} : { unless }) });
        return { tokens, prefix, unless, ...(literal === undefined ? {} : { literal: literal.plain }) };
      }),
    ),
  );
}

/** Finds a form written in a text's own characters; proves that the form occurs there. */
type Literal = (text: string) => boolean;

function literalOf(form: QueryTerm): Literal | undefined {
  const literal = literalFormOf(form);
  if (literal === undefined) return undefined;
  const { plain, pattern } = literal;
  if (pattern === undefined) return (text) => text.includes(plain);
  // The plain form first: a substring search is several times faster than the pattern.
  return (text) => {
    if (text.includes(plain)) return true;
    pattern.lastIndex = 0;
    return pattern.test(text);
  };
}

/** Each form's literal, worked out once per query: a page passes the same clauses for every row. */
const literalsOf = new WeakMap<readonly (readonly QueryTerm[])[], (Literal | undefined)[][]>();

function clauseLiterals(clauses: readonly (readonly QueryTerm[])[]): (Literal | undefined)[][] {
  let literals = literalsOf.get(clauses);
  if (literals === undefined) {
    literals = clauses.map((forms) => forms.map(literalOf));
    literalsOf.set(clauses, literals);
  }
  return literals;
}

/**
 * True when `text` matches every clause: one of its forms occurs in it and none of that form's
 * blockers does (FTS5's `phrase NOT blocker` took the whole row away, wherever the blocker stood).
 * A clause one of whose forms stands written as its literal in the text holds without reading
 * the text into tokens (a plain substring search, a fraction of the tokenizing); only the other
 * clauses are checked on the tokens, which are read once, when the first of them needs them.
 */
export function holdsTerms(text: string, clauses: readonly (readonly QueryTerm[])[]): boolean {
  const literals = clauseLiterals(clauses);
  let tokens: TokenSpans | undefined;
  for (let c = 0; c < clauses.length; c++) {
    if (literals[c]!.some((literal) => literal !== undefined && literal(text))) continue;
    tokens ??= tokenSpans(text);
    const read = tokens;
    const holds = clauses[c]!.some(
      (form) => termOccurs(read, form) && !(form.unless ?? []).some((b) => termOccurs(read, b)),
    );
    if (!holds) return false;
  }
  return true;
}
