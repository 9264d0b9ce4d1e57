import { describe, expect, it } from 'vitest';
import { hasCaptionCue, withoutPhotoCredit } from '../../../../../main/library/import/lineCues';

describe('photo credits', () => {
  it('finds the credit that closes a caption and takes it off the caption sentence', () => {
    expect(hasCaptionCue('民警在夜市巡逻。（记者 张三 摄）')).toBe(true);
    expect(withoutPhotoCredit('民警在夜市巡逻。（记者 张三 摄）')).toBe('民警在夜市巡逻。');
    expect(withoutPhotoCredit('图为民警在巡逻。新华社记者 李刚 摄 ')).toBe('图为民警在巡逻。');
    expect(hasCaptionCue('晋江市公安局供图）')).toBe(true);
  });

  it('leaves lines alone that do not end with a credit', () => {
    expect(hasCaptionCue('摄影师在现场拍下了这一幕')).toBe(false);
    expect(withoutPhotoCredit('记者 张三 摄于现场,随后离开')).toBe('记者 张三 摄于现场,随后离开');
    expect(withoutPhotoCredit('这张图由市民提供')).toBe('这张图由市民提供');
  });
});
