import type { Removal } from '../../../preload/contract/articleTypes';
import { makeRemoval } from './removals';

export interface MarkdownHeading {
  level: number;
  removals: Removal[];
}

/**
 * An ATX heading (`## 标题`, optionally closed `## 标题 ##`): its level, and the `#` marks as
 * removals so the reading text is the heading's words. Null when the paragraph is no heading.
 * Indentation in front of the marks is left to the whitespace step.
 */
export function markdownHeading(raw: string): MarkdownHeading | null {
  const open = /^(\s{0,3})(#{1,6})(?:[ \t\u3000]+|$)/u.exec(raw);
  if (!open) return null;
  const indent = open[1]?.length ?? 0;
  const level = open[2]?.length ?? 1;
  const removals = [makeRemoval(raw, indent, open[0].length, 'markup')];
  const close = /[ \t\u3000]+#+\s*$/u.exec(raw);
  if (close && close.index > open[0].length) {
    const end = raw.length - (/\s*$/u.exec(raw)?.[0].length ?? 0);
    removals.push(makeRemoval(raw, close.index, end, 'markup'));
  }
  return { level, removals };
}
