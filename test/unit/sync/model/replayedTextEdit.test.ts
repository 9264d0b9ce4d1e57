import { describe, expect, it } from 'vitest';
import { replayedSplices, spliced } from '../../../../main/library/sync/model/replayedTextEdit';

/** The step from -> to made on the text as it is now. */
const replayed = (from: string, to: string, current: string) => spliced(current, replayedSplices(from, to, current));

describe('a replayed text edit (an undo or redo on words another device edited since)', () => {
  it('takes away only the words the step takes away', () => {
    expect(replayed('今天读了两遍。', '今天读了。', '今天早上读了两遍。')).toBe('今天早上读了。');
    expect(replayed('hello', '', 'hello world')).toBe(' world');
    // A character typed since inside what the step deletes stays.
    expect(replayed('abcd', 'ad', 'abYcd')).toBe('aYd');
  });

  it('puts its words where their neighbours are now', () => {
    expect(replayed('甲丁戊', '甲乙丙丁戊', '甲丁戊己')).toBe('甲乙丙丁戊己');
    expect(replayed('甲丁戊', '甲乙丙丁戊', '子甲丁戊')).toBe('子甲乙丙丁戊');
    expect(replayed('abc', 'aXc', 'abYc')).toBe('aXYc');
    expect(replayed('', 'hello', 'world')).toBe('helloworld');
  });

  it('deletes nothing another device deleted already, and is the plain step when nothing changed since', () => {
    expect(replayed('abcd', 'ad', 'acd')).toBe('ad');
    expect(replayed('abc', 'abc', 'zzz')).toBe('zzz');
    expect(replayed('今天读了。', '今天早上读了。', '今天读了。')).toBe('今天早上读了。');
  });
});
