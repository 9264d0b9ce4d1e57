/**
 * A translator's own conversions (issue #15 item 6): library-wide term overrides. Wherever an
 * article's stored text holds `source`, the reader, exports, the CLI and search snippets show
 * `target` in each mode of `modes` instead of what OpenCC makes of it (preload/common/
 * termOverrides.ts). A term list is the same thing as CSV (`source,target,modes`).
 */

import type { ScriptMode } from '../common/scriptModes';

/** The modes an override may name: every script mode but 'original', which never converts. */
export type OverrideMode = Exclude<ScriptMode, 'original'>;
export const overrideModes = ['cn', 't', 'tw', 'twp', 'hk'] as const satisfies readonly OverrideMode[];

/** The longest source and target, in UTF-16 units (a name or a term, not a sentence). */
export const maxOverrideTermLength = 64;
/** The most overrides a library holds (and lines a term list may have). */
export const maxTermOverrides = 5_000;
/** The largest term list file read, in bytes. */
export const maxTermListBytes = 2 * 1024 * 1024;

/** What an override is made of: the part a term list line, an add and a converter need. */
export interface TermOverrideRule {
  /** The stored (canonical) characters, as they appear in articles; matched exactly. */
  source: string;
  /** What to show instead (may equal source: a name that must not change, 嚴華郁). */
  target: string;
  /** The display modes it applies to; never empty, never 'original'; in overrideModes order. */
  modes: ScriptMode[];
}

export interface TermOverride extends TermOverrideRule {
  id: number;
  /** ISO 8601. */
  createdAt: string;
}

/**
 * Why a term list line was not imported:
 * - wrong-columns: not three fields (source, target, modes)
 * - empty-field: source, target or modes is blank
 * - bad-mode: a mode that is not cn, t, tw, twp or hk ('original' never converts)
 * - too-long: source or target over maxOverrideTermLength
 * - bad-text: a control character, a line break or half a surrogate pair in a field
 * - duplicate: the same source in an overlapping mode on an earlier line of the file
 * - conflict: the library has an override of this source in an overlapping but different set of modes
 * - too-many: the library would hold more than maxTermOverrides
 */
export type TermListSkipReason =
  'wrong-columns' | 'empty-field' | 'bad-mode' | 'too-long' | 'bad-text' | 'duplicate' | 'conflict' | 'too-many';

export interface TermListSkippedLine {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  reason: TermListSkipReason;
}

/**
 * What importing a term list did, in one undo step. A line with the same source and the same
 * modes as an override in the library updates its target (`updated`), or changes nothing when
 * the target is the same too (`unchanged`).
 */
export interface TermListImportResult {
  added: number;
  updated: number;
  unchanged: number;
  skipped: TermListSkippedLine[];
}

export interface TermListExportResult {
  written: number;
}
