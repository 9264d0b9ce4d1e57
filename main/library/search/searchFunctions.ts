import type { Db } from '../store/openDatabase';
import { indexCharacters, indexTokens } from './searchTokens';

/** The SQL function the search index triggers call (migrations 0002 and 0004). */
export const searchTokensFunction = 'pizhu_search_tokens';
/** The SQL function the character index triggers call (migration 0018). */
export const searchCharactersFunction = 'pizhu_search_characters';

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
}
