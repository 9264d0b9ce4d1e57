import { describe, expect, it } from 'vitest';
import { obsidianTagName, obsidianTags } from '../../../../../main/library/export/obsidianTag';
import { parseMarkdown, structureOf } from './parseMarkdown';

describe('obsidianTagName', () => {
  it.each([
    ['政策', '政策'],
    ['政策/互联网', '政策/互联网'],
    ['Policy Gov', 'Policy_Gov'],
    ['a  b', 'a_b'],
    ['警察:形象', '警察_形象'],
    ['q&a (draft)!', 'q_a_draft'],
    ['don’t', 'don_t'],
    ['snake_case-and-kebab', 'snake_case-and-kebab'],
    ['治理/精细 化', '治理/精细_化'],
    ['#hash', '_hash'],
    ['emoji 🚓', 'emoji'],
    ['2024', '_2024'],
    ['2024/11', '_2024/11'],
    ['2024/q4', '2024/q4'],
    ['晉江', '晉江'],
    ['Café', 'Café'],
  ])('%j -> #%s', (tag, expected) => {
    expect(obsidianTagName(tag)).toBe(expected);
  });

  it('gives only characters Obsidian accepts in a tag', () => {
    for (const tag of ['a.b,c;d', '“引号”', 'x|y', '[a]', 'tab\there', '1.5%']) {
      expect(obsidianTagName(tag)).toMatch(/^[\p{L}\p{N}\p{M}_/-]+$/u);
    }
  });

  it('writes a tag list with each tag once', () => {
    expect(obsidianTags(['政策', 'a b', 'a_b', '政策/互联网'])).toBe('#政策 #a_b #政策/互联网');
    expect(obsidianTags([])).toBe('');
  });

  // Issue #12 "Markdown escaping proven": `#_hash #emoji_` read as emphasis in CommonMark.
  it('never writes tags that a CommonMark reader takes for emphasis', () => {
    const tags = ['#hash', 'emoji 🚓', '(a)', 'x_', '_y_', 'a-_b_-c', '!', '!!/?', 'a/(b)', '2024', '__init__', '*'];
    const line = `> ${obsidianTags(tags)} [↗ Pizhu](pizhu://article/1)`;
    const tree = parseMarkdown(line);
    expect(structureOf(tree)).toEqual(['blockquote', 'link']);
    for (const tag of tags) expect(obsidianTagName(tag)).toMatch(/^[\p{L}\p{N}\p{M}_/-]+$/u);
    expect(obsidianTagName('!')).toBe('_21');
    expect(new Set(tags.map(obsidianTagName)).size).toBe(tags.length);
  });
});
