import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { hasGarbledRun } from '../../../../../main/library/import/flagMojibake';

describe('hasGarbledRun', () => {
  it('finds the GBK-out-of-step run of seed 002', () => {
    expect(hasGarbledRun('眼看著大廳里還滿滿當當?shù)娜耍退闶桥乓粋€小時隊也辦不了了', 'traditional')).toBe(true);
  });

  it('finds text decoded one byte out of step, and UTF-8 read as GBK', () => {
    const bytes = iconv.encode('大厅里还满满当当的人,就算是排一个小时队也办不了', 'gbk');
    expect(hasGarbledRun(iconv.decode(bytes.subarray(1), 'gbk'), 'simplified')).toBe(true);
    const utf8 = Buffer.from('发布时间:2023年9月15日 来源:东南网', 'utf8');
    expect(hasGarbledRun(iconv.decode(utf8, 'gbk'), 'simplified')).toBe(true);
  });

  it('leaves ordinary text with rare characters alone', () => {
    expect(hasGarbledRun('铮铮誓言铿锵有力、响彻云霄。', 'simplified')).toBe(false);
    expect(hasGarbledRun('贵溪市樟坪畲族乡党委书记、婺源县、鄱阳湖', 'simplified')).toBe(false);
    expect(hasGarbledRun('鑒于王阿婆的特殊情況,幫助后,查詢了后臺系統', 'traditional')).toBe(false);
    expect(hasGarbledRun('怎么樣?”小許親切的笑容', 'traditional')).toBe(false);
    expect(hasGarbledRun('Café résumé naïve, 100% OK? Yes!', 'simplified')).toBe(false);
  });

  it('leaves Japanese names and titles in kana alone, and written Cantonese', () => {
    expect(hasGarbledRun('他在東京的「ハローキティ」專賣店買了一本『ノルウェイの森』。', 'traditional')).toBe(false);
    expect(hasGarbledRun('日本品牌ユニクロ在上海开设了新的旗舰店。', 'simplified')).toBe(false);
    expect(hasGarbledRun('「（佢哋）截停我，跟住話身份證唔啱，嗰陣我都冇嘢講。」', 'traditional')).toBe(false);
    expect(hasGarbledRun('咩都得，總之暴力就唔得，呢句話係正確嘅。', 'traditional')).toBe(false);
  });

  it('still finds an out-of-step run that throws up lone kana', () => {
    const bytes = iconv.encode('宝洁集团公关总监表示，产品经过系列安全检测，使用仪器测试是否是使用SK-II的结果', 'gbk');
    expect(hasGarbledRun(iconv.decode(bytes.subarray(1), 'gbk'), 'simplified')).toBe(true);
  });
});
