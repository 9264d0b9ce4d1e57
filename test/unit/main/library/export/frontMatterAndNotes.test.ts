import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { frontMatter } from '../../../../../main/library/export/frontMatter';
import { containedNoteMarkdown } from '../../../../../main/library/export/noteMarkdown';

describe('frontMatter', () => {
  it('writes YAML that reads back to the same values, strings always quoted', () => {
    const fields = {
      title: 'yes: "引号" # not a comment\n第二行',
      source: null,
      date: '2022-08-18',
      tags: ['政策/互联网', 'true'],
      count: 3,
    };
    const block = frontMatter(fields);
    expect(block.startsWith('---\n')).toBe(true);
    expect(block.endsWith('\n---\n')).toBe(true);
    expect(parse(block.slice(4, -4))).toEqual(fields);
    expect(block).toContain('date: "2022-08-18"');
    expect(block).toContain('  - "true"');
  });

  it('never folds a long title', () => {
    const title = '长'.repeat(300);
    expect(frontMatter({ title }).split('\n')).toHaveLength(4);
  });
});

describe('containedNoteMarkdown', () => {
  it('trims blank lines around the note', () => {
    expect(containedNoteMarkdown('\n\n**要点**\n\n- 一\n\n')).toBe('**要点**\n\n- 一');
  });

  it('closes a code fence the note left open', () => {
    expect(containedNoteMarkdown('看这个\n```\ncode')).toBe('看这个\n```\ncode\n```');
    expect(containedNoteMarkdown('~~~~\nx\n~~~')).toBe('~~~~\nx\n~~~\n~~~~');
    expect(containedNoteMarkdown('```js\nx\n```')).toBe('```js\nx\n```');
    expect(containedNoteMarkdown('inline ``` ticks')).toBe('inline ``` ticks');
  });
});
