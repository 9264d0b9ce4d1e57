import { describe, expect, it } from 'vitest';
import { createLocaleConverter } from '../../../../../preload/common/createConverter';
import { singleCharacterConversion } from '../../../../../main/library/import/singleCharacterConversion';

describe('one character converted alone, from the dictionaries’ one-character keys', () => {
  it('gives what the whole simplified-to-traditional converter gives, for every BMP and CJK extension character', () => {
    const alone = singleCharacterConversion('cn', 't');
    const whole = createLocaleConverter('cn', 't', false);
    const differing: string[] = [];
    let converted = 0;
    const compare = (ch: string) => {
      const expected = whole.convert(ch).text;
      if (alone(ch) !== expected) differing.push(`${ch} U+${ch.codePointAt(0)!.toString(16)}`);
      if (expected !== ch) converted++;
    };
    for (let code = 0; code < 0x10000; code++) if (code < 0xd800 || code > 0xdfff) compare(String.fromCharCode(code));
    for (let code = 0x20000; code < 0x2fa20; code++) compare(String.fromCodePoint(code));
    expect(differing).toEqual([]);
    // The comparison means something: thousands of characters change (们 to 們, 发 to 發…).
    expect(converted).toBeGreaterThan(4000);
    expect(alone('们')).toBe('們');
    expect(alone('书')).toBe('書');
    expect(alone('人')).toBe('人');
  }, 60_000);
});
