import { createJournaled } from '../../../main/library/annotations/journaled';
import type { Library } from '../../../main/library/createLibrary';

/**
 * What the sync tests' devices share, with no test runner imported, so a device running as a
 * process of its own (deviceProcess.ts) uses the same texts and actions as the in-process ones.
 */

/** The same text on every device: content-addressed, so it is one article everywhere. */
export const articleText = [
  '第一段：今天我们读一篇关于城市与河流的文章，作者从老街写起。',
  '第二段：河水从山里流下来，穿过整座城市，两岸是新修的步道。',
  '第三段：到了晚上，桥上的灯亮起来，许多人来这里散步和聊天。',
].join('\n\n');

/** A second article, so a sync carries several article documents. */
export const secondArticleText = [
  '清晨的菜市场很热闹，摊主们一边整理蔬菜一边招呼熟客。',
  '卖豆腐的老人已经在这里干了三十年，他记得每个老顾客的口味。',
].join('\n\n');

/**
 * A change of a highlight's range, as a future "adjust highlight" operation would make it: one
 * journaled step on the library's connection now (it may have been reopened).
 */
export function setHighlightRange(
  library: Library,
  highlightId: number,
  start: number,
  end: number,
  nowIso: () => string = () => new Date().toISOString(),
): void {
  createJournaled(
    library.database(),
    nowIso,
  )((rec, now) => {
    const row = rec.db.prepare('SELECT paragraph_id FROM highlight WHERE id = ?').get(highlightId) as {
      paragraph_id: number;
    };
    const text = rec.db.prepare('SELECT text FROM paragraph WHERE id = ?').pluck().get(row.paragraph_id) as string;
    rec.update(
      'highlight',
      { id: highlightId },
      { start_offset: start, end_offset: end, quote: text.slice(start, end), updated_at: now },
    );
    return { value: null, op: 'highlight.range', description: 'Change a highlight’s range' };
  });
}

/** mulberry32: a seeded sequence in [0, 1), so a failing run can be run again from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
