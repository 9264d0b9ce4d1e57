import { maxTagNameLength } from '../../../preload/contract/annotationTypes';
import { LibraryError } from '../libraryError';

/**
 * A tag name as stored: trimmed, each `/`-separated part trimmed, no empty part, no control
 * characters, at most maxTagNameLength characters. Throws invalid-argument otherwise.
 */
export function normalizeTagName(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed === '') throw invalid('A tag needs a name.', raw);
  if (hasControlCharacter(trimmed)) throw invalid('A tag name cannot contain control characters.', raw);
  const parts = trimmed.split('/').map((part) => part.trim());
  if (parts.some((part) => part === '')) {
    throw invalid(`"${trimmed}" has an empty part; write nested tags as parent/child.`, raw);
  }
  const name = parts.join('/');
  if (name.length > maxTagNameLength) {
    throw invalid(`A tag name can be at most ${maxTagNameLength} characters; this one has ${name.length}.`, raw);
  }
  return name;
}

/**
 * Folds case the way SQLite's NOCASE does (ASCII letters only), so comparisons made here
 * agree with the unique index on tag names.
 */
export function foldTagCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function sameTagName(a: string, b: string): boolean {
  return foldTagCase(a) === foldTagCase(b);
}

/** True when `name` is `ancestor` itself or nested anywhere under it. */
export function isSameOrNestedUnder(name: string, ancestor: string): boolean {
  const n = foldTagCase(name);
  const a = foldTagCase(ancestor);
  return n === a || n.startsWith(`${a}/`);
}

/** The enclosing tags of a nested name, outermost first: `a/b/c` -> `a`, `a/b`. */
export function ancestorsOf(name: string): string[] {
  const parts = name.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

export function depthOf(name: string): number {
  return name.split('/').length;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function invalid(message: string, raw: string): LibraryError {
  return new LibraryError('invalid-argument', message, raw.slice(0, 120));
}
