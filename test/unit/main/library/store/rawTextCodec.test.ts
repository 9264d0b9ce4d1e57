import { describe, expect, it } from 'vitest';
import { rawTextOf, storedRawText } from '../../../../../main/library/store/rawTextCodec';

/**
 * An article's raw text stored beside its paragraphs (format 2) must read back as exactly the
 * text it was made from; where it cannot (half a surrogate pair between paragraphs, which UTF-8
 * cannot carry), the text is stored whole instead, never changed.
 */
const paragraphs = ['晋江市公安局持续深化“平安晋江”建设，街头巷尾巡逻民警的身影穿梭不息。', '指挥中心的数智系统高效运转，群众安全感不断提升。'.repeat(8)];

function formatOf(stored: string | Buffer): string {
  return typeof stored === 'string' ? 'text' : `format ${stored[0]}`;
}

describe('storedRawText', () => {
  it('stores a raw text beside its paragraphs and reads it back exactly', () => {
    const raw = `\n\n  ${paragraphs[0]}\r\n\r\n${paragraphs[1]}\n\u3000\n`;
    const stored = storedRawText(raw, paragraphs);
    expect(formatOf(stored)).toBe('format 2');
    expect(rawTextOf(stored, paragraphs)).toBe(raw);
  });

  it('keeps a surrogate pair split between the text between and a paragraph', () => {
    const emoji = '\u{1F600}';
    const split = [`${emoji.slice(1)}${paragraphs[0]}`, paragraphs[1]!];
    const raw = `标题\n${emoji.slice(0, 1)}${split[0]}\n\n${split[1]}`;
    const stored = storedRawText(raw, split);
    expect(rawTextOf(stored, split)).toBe(raw);
  });

  it('does not store a raw text with half a surrogate pair between paragraphs beside them', () => {
    // Decoded files never hold one; the paragraphs would not read back around a U+FFFD.
    const raw = `\uD83D\n${paragraphs[0]}\n\uDE00x\n${paragraphs[1]}\n`;
    expect(formatOf(storedRawText(raw, paragraphs))).not.toBe('format 2');
  });
});
