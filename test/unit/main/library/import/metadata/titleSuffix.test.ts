import { describe, expect, it } from 'vitest';
import { titleWithoutSuffix, withoutBracketTag } from '../../../../../../main/library/import/metadata/titleSuffix';

describe('titleWithoutSuffix', () => {
  it('keeps the heading the <title> repeats before the site furniture', () => {
    expect(titleWithoutSuffix('女童眼睛被塞几十片纸_凤凰网资讯_凤凰网', ['女童眼睛被塞几十片纸'])).toBe(
      '女童眼睛被塞几十片纸',
    );
    expect(
      titleWithoutSuffix('平鎮輪胎行惡火 | 社會 | 中央社 CNA', [
        '平鎮輪胎行惡火 | 社會 | 中央社 CNA',
        '平鎮輪胎行惡火',
      ]),
    ).toBe('平鎮輪胎行惡火');
    expect(
      titleWithoutSuffix('刺死辱母者于欢的罪与悔_苏银', ['刺死辱母者于欢的罪与悔_苏银', '刺死辱母者于欢的罪与悔']),
    ).toBe('刺死辱母者于欢的罪与悔');
  });

  it('cuts a suffix of short segments when no heading agrees', () => {
    expect(titleWithoutSuffix('四年前中500万现穷困潦倒__商贸_产业资讯_新浪网', [])).toBe('四年前中500万现穷困潦倒');
    expect(titleWithoutSuffix('山西品牌丝路行正式启动 - 山西省人民政府门户网站', [])).toBe('山西品牌丝路行正式启动');
    expect(titleWithoutSuffix('艺术史研究<世纪在线中国艺术网', [])).toBe('艺术史研究');
    expect(titleWithoutSuffix('拿起跨界指挥棒--大河网', [])).toBe('拿起跨界指挥棒');
  });

  it('keeps a title whose separator is part of it, and one with no suffix', () => {
    expect(titleWithoutSuffix('王文：中美贸易“持久战”，中国人的斗志被激发', [])).toBe(
      '王文：中美贸易“持久战”，中国人的斗志被激发',
    );
    expect(titleWithoutSuffix('中時電子報：優質豐富的新聞媒體', ['中時電子報'])).toBe('中時電子報：優質豐富的新聞媒體');
    expect(titleWithoutSuffix('书记市长这一周 | 奋马扬鞭争春色，“虎”力全开向未来', [])).toBe(
      '书记市长这一周 | 奋马扬鞭争春色，“虎”力全开向未来',
    );
    expect(titleWithoutSuffix(null, [])).toBeNull();
  });

  it('drops a site tag in ASCII brackets but keeps a column mark', () => {
    expect(withoutBracketTag('[诗婷露雅化妆品]江门七旬阿婆接来电')).toBe('江门七旬阿婆接来电');
    expect(withoutBracketTag('【緬甸政變系列·一】從啤酒抗爭說起')).toBe('【緬甸政變系列·一】從啤酒抗爭說起');
  });
});
