import type { Db } from '../store/openDatabase';
import type { QueryTerm } from './parseQuery';
import { holdsTerms } from './phraseCheck';
import { holdsCharacters, indexCharacters, indexTokens } from './searchTokens';

/** The SQL function the search index triggers call (migrations 0002 and 0004). */
export const searchTokensFunction = 'pizhu_search_tokens';
/** The SQL function the character index triggers call (migration 0018). */
export const searchCharactersFunction = 'pizhu_search_characters';
/** The SQL function a page checks a row's one-character terms with (search/searchPages). */
export const holdsCharactersFunction = 'pizhu_holds_characters';

/** The SQL function a page checks a row's phrases with, in an index without positions (search/phraseCheck). */
export const holdsTermsFunction = 'pizhu_holds_terms';

/** Terms of characters as pizhu_holds_characters takes them: each term's forms side by side, terms space-separated. */
export function characterTermsArgument(terms: readonly (readonly string[])[]): string {
  return terms.map((forms) => forms.join('')).join(' ');
}

/** The last argument read, read once: a page passes the same one for every row. */
let lastArgument = '';
let lastTerms: number[][] = [];

function characterTerms(argument: string): number[][] {
  if (argument !== lastArgument) {
    lastTerms = argument.split(' ').map((forms) => [...forms].map((c) => c.codePointAt(0) ?? 0));
    lastArgument = argument;
  }
  return lastTerms;
}

let lastPhraseArgument = '';
let lastClauses: QueryTerm[][] = [];

/** phraseTermsArgument's JSON read back, once per query (it comes from phraseTermsArgument, never from outside). */
function phraseClauses(argument: string): QueryTerm[][] {
  if (argument !== lastPhraseArgument) {
    lastClauses = JSON.parse(argument) as QueryTerm[][];
    lastPhraseArgument = argument;
  }
  return lastClauses;
}

/**
 * Registers the tokenizer as an SQL function on a connection. The folding and n-gramming
 * live in JS (SQLite cannot call opencc), and the triggers that keep the index in step with
 * paragraph and note rows call this function, so every connection that writes those tables
 * needs it: openDatabase registers it on every open, before migrating. A connection without
 * it fails the write loudly ("no such function") rather than leaving the index stale.
 */
export function registerSearchFunctions(db: Db): void {
  db.function(searchTokensFunction, { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? indexTokens(text) : '',
  );
  db.function(searchCharactersFunction, { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? indexCharacters(text) : '',
  );
  db.function(holdsCharactersFunction, { deterministic: true }, (text: unknown, terms: unknown) =>
    typeof text === 'string' && typeof terms === 'string' && holdsCharacters(text, characterTerms(terms)) ? 1 : 0,
  );
  db.function(holdsTermsFunction, { deterministic: true }, (text: unknown, terms: unknown) =>
    typeof text === 'string' && typeof terms === 'string' && holdsTerms(text, phraseClauses(terms)) ? 1 : 0,
  );
}
