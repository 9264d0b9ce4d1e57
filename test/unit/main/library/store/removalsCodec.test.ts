import { describe, expect, it } from 'vitest';
import type { Removal } from '../../../../../preload/contract/articleTypes';
import { removalsFromStored, storedRemovals } from '../../../../../main/library/store/removalsCodec';

/** Issue #16: a paragraph's removals stored compactly, read back as the list that was stored, whatever it holds. */
const reading = (start: number, text: string, reason: Removal['reason'] = 'pinyin-reading'): Removal => ({
  start,
  end: start + text.length,
  text,
  reason,
});

describe('removals as stored', () => {
  it('stores removals compactly and reads back the same list, the same JSON', () => {
    const lists: Removal[][] = [
      [reading(129, '(qū)')],
      [reading(11, '(qū)'), reading(18, '(wǎng)'), reading(33, '(qū)')],
      // Texts that look like the form itself: digits, commas, letters, brackets, an emoji's surrogate pair.
      [reading(0, '12,3p', 'injected-fragment'), reading(5, '[]', 'markup'), reading(7, '\n\n  ', 'whitespace')],
      [reading(0, '\u3000\u3000', 'indentation'), reading(2, '😀,', 'injected-fragment'), reading(40, '', 'markup')],
      [reading(1_000_000, 'x'.repeat(300), 'injected-fragment')],
    ];
    for (const list of lists) {
      const stored = storedRemovals(list);
      expect(stored.startsWith('[')).toBe(false);
      expect(removalsFromStored(stored)).toEqual(list);
      expect(JSON.stringify(removalsFromStored(stored))).toBe(JSON.stringify(list));
    }
    expect(storedRemovals([reading(129, '(qū)')])).toBe('129,4p(qū)');
    const json = JSON.stringify(lists[1]);
    expect(storedRemovals(lists[1]!).length).toBeLessThan(json.length / 4);
  });

  it('keeps as JSON a list the compact form would not give back exactly, and the empty list', () => {
    const irregular: unknown[] = [
      [{ start: 3, end: 9, text: '(qū)', reason: 'pinyin-reading' }], // end is not start + length
      [{ end: 7, start: 3, text: '(qū)', reason: 'pinyin-reading' }], // other key order
      [{ start: 3, end: 7, text: '(qū)', reason: 'pinyin-reading', note: 'x' }], // another key
      [{ start: 3, end: 7, text: '(qū)', reason: 'cosmic-ray' }], // unknown reason
      [{ start: -1, end: 3, text: '(qū)', reason: 'pinyin-reading' }],
      [{ start: 1.5, end: 5.5, text: '(qū)', reason: 'pinyin-reading' }],
    ];
    for (const list of irregular) {
      const stored = storedRemovals(list as Removal[]);
      expect(stored).toBe(JSON.stringify(list));
      expect(removalsFromStored(stored)).toEqual(list);
    }
    expect(storedRemovals([])).toBe('[]');
    expect(removalsFromStored('[]')).toEqual([]);
  });

  it('reads a damaged value as no list, so the checksum names it', () => {
    for (const damaged of ['', '129,4p(q', '129,4x(qū)', ',4p(qū)', '129;4p(qū)', '12a,4p(qū)', '129,p(qū)', '[{"start":1', '{}', '129,4p(qū)7']) {
      expect(removalsFromStored(damaged), damaged).toBeUndefined();
    }
  });
});
