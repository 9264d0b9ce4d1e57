import { describe, expect, it } from 'vitest';
import { foldToSimplified } from '../../../../preload/common/foldScript';
import { maxPhraseForms, maxTermVariants, maxVariantBlockers, queryVariants, variantBlockers } from '../../../../preload/common/queryVariants';

const sameForms = (a: string, b: string) => expect(new Set(queryVariants(a))).toEqual(new Set(queryVariants(b)));

describe('queryVariants: the regional forms of a query, folded', () => {
  it('joins Taiwan, mainland and Hong Kong words that share no characters: 計程車, 出租车, 的士', () => {
    expect(queryVariants('計程車')).toEqual(['计程车', '出租车', '的士']);
    sameForms('計程車', '出租车');
    sameForms('計程車', '的士');
  });

  it('joins 網際網路 and 互联网, 軟體 and 软件, whichever script is typed', () => {
    expect(queryVariants('網際網路')).toContain('互联网');
    expect(queryVariants('互联网')).toContain('网际网路');
    expect(queryVariants('互聯網')).toContain('网际网路');
    expect(queryVariants('軟體')).toEqual(['软体', '软件']);
    expect(queryVariants('软件')).toEqual(['软件', '软体']);
  });

  it('gives its own folded form first, and only that for a word with no regional phrase', () => {
    expect(queryVariants('晉江')).toEqual(['晋江']);
    expect(queryVariants('朋友')).toEqual(['朋友']);
    expect(queryVariants('"Hong Kong" police')).toEqual(['"hong kong" police']);
    expect(queryVariants('')).toEqual(['']);
  });

  it('compares Latin letters in any case, as the index does: sql注入 is SQL注入', () => {
    expect(queryVariants('sql注入')).toEqual(queryVariants('SQL注入'));
    expect(queryVariants('sql注入').length).toBeGreaterThan(1);
  });

  it('segments by longest match, as OpenCC does: 軟體動物 (molluscs) is not software', () => {
    expect(queryVariants('軟體動物')).toEqual(['软体动物']);
  });

  it('expands each phrase inside a longer term, keeping the rest', () => {
    const forms = queryVariants('計程車司機');
    expect(forms[0]).toBe('计程车司机');
    expect(forms).toEqual(expect.arrayContaining(['出租车司机', '的士司机']));
  });

  it('goes at most two dictionary steps from the word typed, so meanings do not drift far', () => {
    // Taiwan 程式 is mainland 程序, and Taiwan 程序 is mainland 进程 (a process); the third step,
    // Taiwan 行程 for 进程, reads as an itinerary on the mainland and is left out.
    expect(queryVariants('程式')).toEqual(['程式', '程序', '进程']);
    expect(queryVariants('几率')).toEqual(['几率', '机率', '概率']); // not 机会率, three steps away
    expect(queryVariants('程式').length).toBeLessThanOrEqual(maxPhraseForms);
  });

  it('keeps a variant out of the longer words OpenCC lists as themselves, but never the form typed', () => {
    expect(variantBlockers('软体', '软件')).toEqual(['软体动物']);
    expect(variantBlockers('程序', '程式')).toEqual(expect.arrayContaining(['司法程序', '诉讼程序']));
    expect(variantBlockers('程序', '程式').length).toBeLessThanOrEqual(maxVariantBlockers);
    expect(variantBlockers('软件', '软件')).toEqual([]);
    expect(variantBlockers('出租车', '計程車')).toEqual([]);
  });

  it('stays bounded on a long query full of regional phrases', () => {
    const long = '計程車軟體網際網路資料庫'.repeat(10);
    const forms = queryVariants(long);
    expect(forms.length).toBeLessThanOrEqual(maxTermVariants);
    expect(forms[0]).toBe(foldToSimplified(long).toLowerCase());
    expect(queryVariants(long, 3)).toHaveLength(3);
  });
});
