import type { QueryTerm } from './parseQuery';
import { bmpFormsFoldingTo, isSelfFoldingCjk } from './searchTokens';

/**
 * A form as the characters a text writes it with: `plain`, its characters as the query folded
 * them, and `pattern` (undefined when no other character folds to any of them), each position
 * any of the characters folding to it (群眾 or 群众). One UTF-16 unit a character.
 */
export interface LiteralForm {
  plain: string;
  pattern: RegExp | undefined;
  /**
   * The form with each character that has another written as the first of those (晉 for 晋):
   * a text in the other script holds it, and a page finds it in SQL too. Undefined when no
   * character has another form.
   */
  other?: string;
}

/**
 * How a form may stand written in a row, when finding it so proves it occurs: a chain of CJK
 * bigrams (背包 包精 精神 -> 背包精神) or one character as a prefix, every character CJK and
 * folding to itself, written side by side in any of the forms that fold to it (群眾 or 群众), so
 * that the text's tokens hold the form's one after another. Undefined for the rest (words, a lone
 * character inside a quoted phrase, blockers, which only the tokens can rule out): those take
 * the full check. Characters apart (a zero-width space, an accent between) also take it.
 */
export function literalFormOf(form: QueryTerm): LiteralForm | undefined {
  if (form.unless !== undefined && form.unless.length > 0) return undefined;
  const key = `${form.prefix ? '*' : ''}${form.tokens.join(' ')}`;
  let known = knownForms.get(key);
  if (known === undefined) {
    if (knownForms.size >= maxKnownForms) knownForms.clear();
    known = workedOut(form) ?? null;
    knownForms.set(key, known);
  }
  return known ?? undefined;
}

/**
 * The forms worked out, by tokens: a search parses its query afresh at every keystroke, and the
 * pattern of a form with variants (a RegExp compiled) was worked out several times a page.
 * Its `pattern` is shared: set its lastIndex before each use.
 */
const knownForms = new Map<string, LiteralForm | null>();
const maxKnownForms = 1000;

function workedOut(form: QueryTerm): LiteralForm | undefined {
  const chars = form.tokens.map((t) => [...t]);
  const first = chars[0];
  if (first === undefined) return undefined;
  let literal: string[];
  if (form.prefix) {
    if (chars.length !== 1 || first.length !== 1) return undefined;
    literal = first;
  } else {
    if (!chars.every((c, k) => c.length === 2 && (k === 0 || c[0] === chars[k - 1]![1]))) return undefined;
    literal = [first[0]!, ...chars.map((c) => c[1]!)];
  }
  const codes = literal.map((c) => c.codePointAt(0) ?? 0);
  if (!codes.every((cp) => cp < 0x10000 && isSelfFoldingCjk(cp))) return undefined;
  const plain = literal.join('');
  if (codes.every((cp) => bmpFormsFoldingTo(cp).length === 0)) return { plain, pattern: undefined };
  const hex = (cp: number) => `\\u{${cp.toString(16)}}`;
  const pattern = new RegExp(codes.map((cp) => `[${[cp, ...bmpFormsFoldingTo(cp)].map(hex).join('')}]`).join(''), 'gu');
  const other = String.fromCodePoint(...codes.map((cp) => bmpFormsFoldingTo(cp)[0] ?? cp));
  return { plain, pattern, other };
}
