import { describe, expect, it } from 'vitest';
import { cedictEdition, readHanziCedict } from '../../../main/library/dictionary/cedictSource';
import { packCedict } from '../../../main/library/dictionary/packDictionary';
import { readPackedDictionary } from '../../../main/library/dictionary/packedDictionary';

const sample = [
  '# CC-CEDICT',
  '#! entries=3',
  '銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/',
  '個 个 [ge4] /(classifier used before a noun that has no specific classifier)/(bound form) individual/',
  '台 台 [tai2] /platform/Taiwan (abbr.)/',
  'not a line of the dictionary',
].join('\n');

describe('the packed dictionary', () => {
  it('finds every entry under both its headwords, with its senses as given', () => {
    const packed = readPackedDictionary(packCedict(sample));
    expect(packed.header).toMatchObject({ entries: 3, keys: 5, maxKeyLength: 2, classifiers: '个個' });
    expect(packed.idsOf('銀行')).toEqual([0]);
    expect(packed.idsOf('银行')).toEqual([0]);
    expect(packed.idsOf('台')).toEqual([2]);
    expect(packed.idsOf('银')).toEqual([]);
    expect(packed.entry(0)).toEqual({ traditional: '銀行', simplified: '银行', pinyinNumbered: 'yin2 hang2', senses: ['bank', 'CL:家[jia1],個|个[ge4]'] });
  });

  it('refuses bytes that are not a packed dictionary, or are cut short', () => {
    expect(() => readPackedDictionary(new TextEncoder().encode('hello'))).toThrow(/damaged/);
    const bytes = packCedict(sample);
    expect(() => readPackedDictionary(bytes.subarray(0, bytes.length - 1))).toThrow(/damaged/);
  });

  it('holds every entry of the CC-CEDICT edition the hanzi package ships, with its attribution', () => {
    const source = readHanziCedict();
    const packed = readPackedDictionary(packCedict(source));
    expect(packed.header.entries).toBe(cedictEdition(source).entries);
    expect(packed.header.entries).toBeGreaterThan(120_000);
    expect(packed.header.licence).toMatch(/CC-CEDICT.*CC BY-SA 4\.0/);
    expect(packed.header.edition).toMatch(/^\d{4}-\d{2}-\d{2}/);
  }, 60_000);
});
