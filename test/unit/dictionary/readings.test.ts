import { describe, expect, it } from 'vitest';
import { pinyinWithMarks, syllableWithMark } from '../../../preload/common/pinyinMarks';
import { pinyinToZhuyin, syllableToZhuyin } from '../../../preload/common/zhuyin';

describe('CC-CEDICT numbered pinyin with tone marks', () => {
  it('marks a or e first, the o of ou, else the last vowel', () => {
    expect(pinyinWithMarks('yin2 hang2 hang2 zhang3')).toBe('yín háng háng zhǎng');
    expect(pinyinWithMarks('hou4 lai2')).toBe('hòu lái');
    expect(pinyinWithMarks('gui4 xie4')).toBe('guì xiè');
    expect(pinyinWithMarks('liu2 shui3')).toBe('liú shuǐ');
    expect(pinyinWithMarks('ji4 cheng2 che1')).toBe('jì chéng chē');
  });

  it('writes u: as ü, with its mark', () => {
    expect(pinyinWithMarks('nu:3 er2')).toBe('nǚ ér');
    expect(syllableWithMark('lu:e4')).toBe('lüè');
    expect(syllableWithMark('lu:5')).toBe('lü');
  });

  it('leaves the neutral tone unmarked and keeps an erhua r', () => {
    expect(pinyinWithMarks('yi1 ge5')).toBe('yī ge');
    expect(pinyinWithMarks('yi1 hui4 r5')).toBe('yī huì r');
  });

  it('keeps capitals of names, and digits, letters and punctuation as given', () => {
    expect(pinyinWithMarks('Xi2 Jin4 ping2')).toBe('Xí Jìn píng');
    expect(pinyinWithMarks('Ou1 zhou1')).toBe('Ōu zhōu');
    expect(pinyinWithMarks('11 Qu1')).toBe('11 Qū');
    expect(pinyinWithMarks('Ka3 er3 · Ma3 ke4 si1')).toBe('Kǎ ěr · Mǎ kè sī');
    expect(pinyinWithMarks('yi1 bu4 zuo4 , er4 bu4 xiu1')).toBe('yī bù zuò , èr bù xiū');
  });

  it('marks syllables of a nasal alone', () => {
    expect(syllableWithMark('m2')).toBe('ḿ');
    expect(syllableWithMark('n2')).toBe('ń');
    expect(syllableWithMark('ng4')).toBe('ǹg');
  });
});

describe('zhuyin from numbered pinyin', () => {
  it('spells initials and finals, with tone marks after the syllable', () => {
    expect(pinyinToZhuyin('yin2 hang2 hang2 zhang3')).toBe('ㄧㄣˊ ㄏㄤˊ ㄏㄤˊ ㄓㄤˇ');
    expect(pinyinToZhuyin('ji4 cheng2 che1')).toBe('ㄐㄧˋ ㄔㄥˊ ㄔㄜ');
    expect(pinyinToZhuyin('wang3 ji4 wang3 lu4')).toBe('ㄨㄤˇ ㄐㄧˋ ㄨㄤˇ ㄌㄨˋ');
    expect(pinyinToZhuyin('chu1 zu1 che1')).toBe('ㄔㄨ ㄗㄨ ㄔㄜ');
  });

  it('reads zhi chi shi ri zi ci si as the initial alone', () => {
    expect(pinyinToZhuyin('zhi1 chi2 shi4 ri4 zi4 ci2 si1')).toBe('ㄓ ㄔˊ ㄕˋ ㄖˋ ㄗˋ ㄘˊ ㄙ');
  });

  it('reads y and w spellings, and u after j q x as ü', () => {
    expect(pinyinToZhuyin('yi1 you3 wu2 wei4 wen2 yong4 yu3 yue4 yuan2 yun2')).toBe(
      'ㄧ ㄧㄡˇ ㄨˊ ㄨㄟˋ ㄨㄣˊ ㄩㄥˋ ㄩˇ ㄩㄝˋ ㄩㄢˊ ㄩㄣˊ',
    );
    expect(pinyinToZhuyin('ju2 qu4 xue2 jiong3')).toBe('ㄐㄩˊ ㄑㄩˋ ㄒㄩㄝˊ ㄐㄩㄥˇ');
    expect(pinyinToZhuyin('gui4 liu2 dun1 dong1')).toBe('ㄍㄨㄟˋ ㄌㄧㄡˊ ㄉㄨㄣ ㄉㄨㄥ');
  });

  it('writes u: as ㄩ', () => {
    expect(pinyinToZhuyin('nu:3 er2')).toBe('ㄋㄩˇ ㄦˊ');
    expect(syllableToZhuyin('lu:e4')).toBe('ㄌㄩㄝˋ');
  });

  it('puts the neutral tone dot first and reads an erhua r5 as ㄦ', () => {
    expect(pinyinToZhuyin('yi1 ge5')).toBe('ㄧ ˙ㄍㄜ');
    expect(pinyinToZhuyin('yi1 hui4 r5')).toBe('ㄧ ㄏㄨㄟˋ ㄦ');
  });

  it('reads capitalised names as any syllable and passes what is not pinyin through', () => {
    expect(pinyinToZhuyin('Xi2 Jin4 ping2')).toBe('ㄒㄧˊ ㄐㄧㄣˋ ㄆㄧㄥˊ');
    expect(pinyinToZhuyin('Tai2 bei3')).toBe('ㄊㄞˊ ㄅㄟˇ');
    expect(pinyinToZhuyin('11 Qu1')).toBe('11 ㄑㄩ');
    expect(pinyinToZhuyin('A quan1 r5')).toBe('A ㄑㄩㄢ ㄦ');
    expect(pinyinToZhuyin('Ka3 er3 · Ma3 ke4 si1')).toBe('ㄎㄚˇ ㄦˇ · ㄇㄚˇ ㄎㄜˋ ㄙ');
  });

  it('spells syllables of a nasal alone', () => {
    expect(syllableToZhuyin('n2')).toBe('ㄋˊ');
    expect(syllableToZhuyin('m2')).toBe('ㄇˊ');
    expect(syllableToZhuyin('hng5')).toBe('˙ㄏㄫ');
  });
});
