import { describe, expect, it } from 'vitest';
import { decodeValidUtf8 } from '../../../../../main/library/import/decodeUtf8';

const encode = (text: string) => new TextEncoder().encode(text);
const strict = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);

describe('decoding a file known to be UTF-8', () => {
  it('gives exactly the text TextDecoder gives, in every width of UTF-8', () => {
    const texts = [
      '“远亲不如近邻,近邻不如110。”九龙江畔,“漳州110”就是一面旗帜。',
      '臺灣的報導：晉江 勣 𪟝 𠀀 😀 é ß ü ÿ Ā ߿ ࠀ ￿',
      'plain ASCII only, with a tab\tand a NUL \u0000 inside',
      '\uFEFF开头的 U+FEFF 是正文的一部分',
      '',
      '中'.repeat(70_000), // more units than the buffer kept between calls
    ];
    for (const text of texts) {
      const bytes = encode(text);
      expect(decodeValidUtf8(bytes)).toBe(strict(bytes));
      expect(decodeValidUtf8(bytes)).toBe(text);
    }
  });

  it('reads a view into a larger buffer from its own offset', () => {
    const whole = encode('前面的字节 然后是要读的部分');
    const start = encode('前面的字节 ').length;
    expect(decodeValidUtf8(whole.subarray(start))).toBe('然后是要读的部分');
  });

  it('answers null for bytes that are not UTF-8: a GB18030 file, a cut-off last character, a lone surrogate', () => {
    expect(decodeValidUtf8(Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4]))).toBeNull(); // 中文 in GB18030
    expect(decodeValidUtf8(encode('中文').subarray(0, 5))).toBeNull();
    expect(decodeValidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBeNull();
  });
});
