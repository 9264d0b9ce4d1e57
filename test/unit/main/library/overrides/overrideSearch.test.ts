/**
 * Issue #15 item 6: overrides apply to search folding. A search for what the reader is shown (an
 * override's target) finds the stored source and marks it, at query time (the index is unchanged),
 * and after undo it no longer does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { overrideVariants } from '../../../../../preload/common/queryVariants';

let dir: string;
let library: Library;
let articleId: number;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-override-search-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
  const outcome = library.importText('研究笔记\n\n我们用AI分析严华郁的访谈，再整理成心理发展的报告。');
  articleId = outcome.articleId!;
});

afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const marked = (query: string) =>
  library.search
    .find(query)
    .hits.filter((h) => h.articleId === articleId)
    .flatMap((h) => h.matches.map((m) => h.text.slice(m.start, m.end)));

describe('search with term overrides', () => {
  it('finds the stored source when the shown target is searched for, and stops after undo', () => {
    // Without an override, 人工智慧 is not in the article and does not fold to AI.
    expect(marked('人工智慧')).toEqual([]);
    library.overrides.add({ source: 'AI', target: '人工智慧', modes: ['tw', 'twp'] });
    expect(marked('人工智慧')).toEqual(['AI']);
    // Within a longer term too, and for autocode, which searches the same way.
    expect(marked('用人工智慧分析')).toEqual(['用AI分析']);
    // The stored form is still found as itself.
    expect(marked('AI')).toEqual(['AI']);
    expect(library.search.autocode('人工智慧', { tag: 'ai', span: true }).highlights).toBe(1);
    library.annotations.undo(); // the autocode
    library.annotations.undo(); // the override
    expect(marked('人工智慧')).toEqual([]);
  });

  it('finds a name shown in another script that the character fold would not reach (严华郁 shown as 嚴華郁, and as 閆華郁)', () => {
    // 嚴華郁 folds to 严华郁 already: what folding gives, the override need not.
    expect(marked('嚴華郁')).toEqual(['严华郁']);
    expect(marked('閆華郁')).toEqual([]);
    library.overrides.add({ source: '严华郁', target: '閆華郁', modes: ['t'] });
    expect(marked('閆華郁')).toEqual(['严华郁']);
  });

  it('forms the variants from the folded target, the term itself not among them', () => {
    const overrides = [
      { source: 'AI', target: '人工智慧' },
      { source: '心理发展', target: '心理發展' },
      { source: '软件', target: '軟體' },
    ];
    expect(overrideVariants('人工智慧研究', overrides)).toEqual(['ai研究']);
    // 心理發展 folds to the source itself: no new form.
    expect(overrideVariants('心理發展', overrides)).toEqual([]);
    expect(overrideVariants('軟體', overrides)).toEqual(['软件']);
    expect(overrideVariants('蘋果', overrides)).toEqual([]);
  });
});
