import { describe, expect, it } from 'vitest';
import type { SourceRegion } from '../../../../preload/common/conversionTable';
import type { DetectedScript } from '../../../../preload/contract/articleTypes';
import { distinctForms, wordVariants } from '../../../../preload/common/wordVariants';

const forms = (word: string, script: DetectedScript, region: SourceRegion) =>
  Object.fromEntries(wordVariants(word, script, region).map((v) => [v.mode, v.text]));

describe('wordVariants: a word in each regional script, as OpenCC converts it', () => {
  it('gives a mainland word its Taiwan vocabulary only in 臺灣(詞彙): 出租车, 软件, 互联网', () => {
    expect(forms('出租车', 'simplified', 'mainland')).toEqual({
      cn: '出租车',
      t: '出租車',
      tw: '出租車',
      twp: '計程車',
      hk: '出租車',
    });
    expect(forms('软件', 'simplified', 'mainland').twp).toBe('軟體');
    expect(forms('软件', 'simplified', 'mainland').t).toBe('軟件');
    expect(forms('互联网', 'simplified', 'mainland').twp).toBe('網際網路');
    expect(forms('互联网', 'simplified', 'mainland').hk).toBe('互聯網');
  });

  it("reads a Taiwan article's word through its region: 計程車 is 出租车 in 简体, as stored in 臺灣", () => {
    const taxi = forms('計程車', 'traditional', 'taiwan');
    expect(taxi.cn).toBe('出租车');
    expect(taxi.tw).toBe('計程車');
    expect(taxi.twp).toBe('計程車');
    expect(forms('網際網路', 'traditional', 'taiwan').cn).toBe('互联网');
    // The same characters read as OpenCC standard traditional keep their words: t2s only.
    expect(forms('計程車', 'traditional', 'generic').cn).toBe('计程车');
  });

  it('uses the regional variant characters: 裡 and 著 from Taiwan become 里 and 着 in 简体', () => {
    expect(forms('看著', 'traditional', 'taiwan').cn).toBe('看着');
    expect(forms('心理发展', 'simplified', 'mainland').t).toBe('心理發展');
  });

  it('lists each distinct form once with the scripts that write it', () => {
    expect(distinctForms(wordVariants('出租车', 'simplified', 'mainland'))).toEqual([
      { text: '出租车', modes: ['cn'] },
      { text: '出租車', modes: ['t', 'tw', 'hk'] },
      { text: '計程車', modes: ['twp'] },
    ]);
  });
});
