import { describe, expect, it } from 'vitest';
import { findSourceLine, outletBesideDate } from '../../../../../../main/library/import/metadata/sourceLines';

describe('findSourceLine', () => {
  it('reads 来源/來源/稿源 lines, brackets and run-on labels included', () => {
    expect(findSourceLine('来源：澎湃新闻网')).toBe('澎湃新闻网');
    expect(findSourceLine('來源：中央社')).toBe('中央社');
    expect(findSourceLine('BUSINESS.SOHU.COM　2005年3月11日12:12 来源：[ 人民网 ]')).toBe('人民网');
    expect(findSourceLine('2020年07月04日 12:10　来源：求是网参与互动')).toBe('求是网');
    expect(findSourceLine('稿源：新华社')).toBe('新华社');
  });

  it("refuses a picture's source and empty placeholders", () => {
    expect(findSourceLine('图片来源：东方IC 版权作品 请勿转载')).toBeNull();
    expect(findSourceLine('素材来源 江苏13个设区市党报')).toBeNull();
    expect(findSourceLine('来源：网络')).toBeNull();
  });
});

describe('outletBesideDate', () => {
  it('reads the outlet named on a date line', () => {
    expect(outletBesideDate('2018年12月28日 19:55 新京报')).toBe('新京报');
    expect(outletBesideDate('原创 南方都市报 2019-09-09 16:01:46')).toBe('南方都市报');
    expect(outletBesideDate('2019年09月11日富达传媒时政新闻 1665 0')).toBeNull();
  });
});

describe('findSourceLine brackets', () => {
  it('ends the outlet at a bracketed note after it', () => {
    expect(findSourceLine('来源：钱江晚报(杭州)')).toBe('钱江晚报');
    expect(findSourceLine('来源：《理财周刊》')).toBe('理财周刊');
  });
});
