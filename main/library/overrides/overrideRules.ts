import {
  maxOverrideTermLength,
  overrideModes,
  type OverrideMode,
  type TermListSkipReason,
  type TermOverrideRule,
} from '../../../preload/contract/termOverrideTypes';

export type RuleCheck =
  { ok: true; rule: TermOverrideRule } | { ok: false; reason: TermListSkipReason; message: string };

// Line breaks, tabs and other controls, half a surrogate pair, the line and paragraph separators:
// none stands in an article's stored text as part of a word.
const badCharacter = /[\p{Cc}\p{Cs}\u2028\u2029]/u;

function isOverrideMode(mode: string): mode is OverrideMode {
  return (overrideModes as readonly string[]).includes(mode);
}

/**
 * One override as the person (or a term list line) gave it, checked and normalised: source and
 * target trimmed, modes without repeats in overrideModes order. The same checks for the app, a
 * term list and the CLI, so each refuses the same things for the same reasons.
 */
export function checkRule(source: string, target: string, modes: readonly string[]): RuleCheck {
  const s = source.trim();
  const t = target.trim();
  if (s === '' || t === '' || modes.length === 0) {
    return { ok: false, reason: 'empty-field', message: 'An override needs a source, a target and at least one mode.' };
  }
  if (s.length > maxOverrideTermLength || t.length > maxOverrideTermLength) {
    return {
      ok: false,
      reason: 'too-long',
      message: `An override's source and target are at most ${maxOverrideTermLength} characters.`,
    };
  }
  if (badCharacter.test(s) || badCharacter.test(t)) {
    return {
      ok: false,
      reason: 'bad-text',
      message: 'An override cannot hold a line break, a control character or half of a character.',
    };
  }
  const unknown = modes.find((mode) => !isOverrideMode(mode));
  if (unknown !== undefined) {
    return {
      ok: false,
      reason: 'bad-mode',
      message: `"${unknown.slice(0, 20)}" is not a mode an override applies to (${overrideModes.join(', ')}; original never converts).`,
    };
  }
  return { ok: true, rule: { source: s, target: t, modes: overrideModes.filter((m) => modes.includes(m)) } };
}

/** True when the two share a mode: one source cannot read two ways in one mode. */
export function modesOverlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((mode) => b.includes(mode));
}

export function sameModes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((mode) => b.includes(mode));
}

/** The stored form of a mode list (term_override.modes, the CSV's third field). */
export function modesText(modes: readonly string[]): string {
  return modes.join(' ');
}

export function modesOf(text: string): string[] {
  return text.split(/\s+/).filter((mode) => mode !== '');
}
