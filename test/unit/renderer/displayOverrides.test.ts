import { describe, expect, it } from 'vitest';
import { rangeToCanonical } from '../../../preload/common/offsetMap';
import type { ParagraphView } from '../../../preload/contract/articleTypes';
import type { TermOverride } from '../../../preload/contract/termOverrideTypes';
import { displayParagraphs, type DisplayOptions } from '../../../renderer/src/features/reader/displayText';

const paragraph = { id: 1, text: '儿童的心理发展与软件' } as ParagraphView;
const base: DisplayOptions = { script: 'simplified', region: 'mainland', mode: 't', fullWidthPunctuation: false };
const override = (target: string): TermOverride[] => [
  { id: 1, source: '心理发展', target, modes: ['t'], createdAt: '2026-12-06T00:00:00Z' },
];

describe('the reader shows paragraphs through the library’s term overrides', () => {
  it('shows an override’s target in its mode, OpenCC’s conversion elsewhere, and maps it to the stored characters', () => {
    const shown = displayParagraphs([paragraph], { ...base, overrides: override('心智發展') }).get(1);
    expect(shown?.text).toBe('兒童的心智發展與軟件');
    // A selection of the shown 心智發展 is the stored 心理发展: the override's own source.
    expect(shown && rangeToCanonical(shown.map, { start: 3, end: 7 })).toEqual({ start: 3, end: 7 });
    expect(shown && rangeToCanonical(shown.map, { start: 8, end: 10 })).toEqual({ start: 8, end: 10 });
    expect(displayParagraphs([paragraph], { ...base, mode: 'cn', overrides: override('心智發展') }).get(1)?.text).toBe(
      '儿童的心理发展与软件',
    );
    expect(displayParagraphs([paragraph], base).get(1)?.text).toBe('兒童的心理發展與軟件');
  });

  it('converts again when the overrides change (an edit or an undo makes a new list), never from a stale cache', () => {
    const first = override('心智發展');
    expect(displayParagraphs([paragraph], { ...base, overrides: first }).get(1)?.text).toContain('心智發展');
    expect(displayParagraphs([paragraph], { ...base, overrides: override('心理發育') }).get(1)?.text).toContain('心理發育');
    expect(displayParagraphs([paragraph], { ...base, overrides: [] }).get(1)?.text).toContain('心理發展');
    expect(displayParagraphs([paragraph], { ...base, overrides: first }).get(1)?.text).toContain('心智發展');
  });
});
