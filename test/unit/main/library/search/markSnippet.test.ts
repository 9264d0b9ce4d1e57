import { describe, expect, it } from 'vitest';
import { markSnippet } from '../../../../../main/library/search/markSnippet';

describe('markSnippet', () => {
  it('marks every match in a short text', () => {
    expect(markSnippet('晋江公安与晋江刑警', [{ start: 0, end: 2 }, { start: 5, end: 7 }])).toBe('【晋江】公安与【晋江】刑警');
  });

  it('cuts a long text around the first match, with … where it cut', () => {
    const text = `${'前'.repeat(100)}晋江${'后'.repeat(100)}`;
    const snippet = markSnippet(text, [{ start: 100, end: 102 }], 40);
    expect(snippet).toBe(`…${'前'.repeat(10)}【晋江】${'后'.repeat(28)}…`);
  });

  it('never splits a surrogate pair, and keeps one line', () => {
    const text = `${'𠀀'.repeat(30)}\n晋江`;
    const snippet = markSnippet(text, [{ start: 61, end: 63 }], 9);
    expect(snippet).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(snippet).toContain('【晋江】');
    expect(snippet).not.toContain('\n');
  });
});
