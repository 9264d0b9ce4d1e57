import { describe, expect, it } from 'vitest';
import { findLosses, textEdit, type OracleChange, type OracleState, type OracleSuperseded } from './noLossOracle';

const made = (
  device: string,
  kind: OracleChange['kind'],
  id: string,
  after: OracleChange['after'],
  before: OracleChange['before'] = null,
): OracleChange => ({ device, kind, id, before, after });

/** Two devices' work, converged: a highlight recoloured on both (B's blue won), a tag merged, a note typed on both. */
function scene(): { changes: OracleChange[]; state: OracleState; superseded: OracleSuperseded[] } {
  const changes: OracleChange[] = [
    made('A', 'highlight', 'h1', { color: 'yellow', start_offset: 1, end_offset: 4 }),
    made(
      'A',
      'highlight',
      'h1',
      { color: 'pink', start_offset: 1, end_offset: 4 },
      { color: 'yellow', start_offset: 1, end_offset: 4 },
    ),
    made(
      'B',
      'highlight',
      'h1',
      { color: 'blue', start_offset: 1, end_offset: 4 },
      { color: 'yellow', start_offset: 1, end_offset: 4 },
    ),
    made('A', 'highlight', 'h2', { color: 'green', start_offset: 0, end_offset: 2 }),
    made('B', 'highlight', 'h2', null, { color: 'green', start_offset: 0, end_offset: 2 }),
    made('A', 'tag', 't1', { name: '城市' }),
    made('B', 'tag', 't2', { name: '河流' }),
    made('A', 'assignment', 'h:h1:t2', {}),
    made('B', 'tag', 't2', null, { name: '河流' }),
    made('B', 'assignment', 'p:art:0:t1', {}),
    made('A', 'note', 'art:1', { plain_text: '今天读了。' }),
    made('A', 'note', 'art:1', { plain_text: '今天早上读了。' }, { plain_text: '今天读了。' }),
    made('B', 'note', 'art:1', { plain_text: '今天读了两遍。' }, { plain_text: '今天读了。' }),
  ];
  const state: OracleState = {
    docs: {
      library: {
        tags: { t1: { name: '城市', deleted: false }, t2: { name: '河流', deleted: true, merged_into: 't1' } },
      },
      'article/art': {
        highlights: {
          h1: { color: 'blue', start_offset: 1, end_offset: 4 },
          h2: { color: 'green', start_offset: 0, end_offset: 2, deleted: true },
        },
        notes: { 1: { text: '今天早上读了两遍。' } },
      },
    },
    rows: {
      tags: { t1: { name: '城市' } },
      highlights: { h1: { color: 'blue', tags: ['t1'] } },
      paragraphTags: { 'art:0': ['t1'] },
      notes: { 'art:1': { plain_text: '今天早上读了两遍。' } },
    },
  };
  const superseded: OracleSuperseded[] = [{ path: 'highlights/h1', field: 'color', lost: 'pink' }];
  return { changes, state, superseded };
}

describe('the no-loss oracle', () => {
  it('finds nothing lost in a converged state that keeps or records everything', () => {
    const { changes, state, superseded } = scene();
    expect(findLosses(changes, state, superseded)).toEqual([]);
  });

  it('finds a created highlight that is gone from the rows with no recorded delete', () => {
    const { changes, state, superseded } = scene();
    delete (state.rows as { highlights: Record<string, unknown> }).highlights.h1;
    expect(findLosses(changes, state, superseded)).toContain(
      'highlight h1 (A) was created and is neither live nor deleted by a recorded delete',
    );
  });

  it('finds a deleted highlight whose delete no journal recorded', () => {
    const { changes, state, superseded } = scene();
    const withoutDelete = changes.filter((c) => !(c.id === 'h2' && c.after === null));
    expect(findLosses(withoutDelete, state, superseded)).toEqual([
      'highlight h2 (A) was created and is neither live nor deleted by a recorded delete',
    ]);
  });

  it('finds an overwritten colour that no device recorded as superseded', () => {
    const { changes, state } = scene();
    expect(findLosses(changes, state, [])).toEqual([
      'highlight h1 (A): its color "pink" is gone and not recorded as superseded',
    ]);
  });

  it('finds a tag assignment gone when its tag was merged: the assignment must have followed the merge', () => {
    const { changes, state, superseded } = scene();
    (state.rows as { highlights: Record<string, { tags: string[] }> }).highlights.h1!.tags = [];
    // t2's recorded delete covers it…
    expect(findLosses(changes, state, superseded)).toEqual([]);
    // …but a merge no journal recorded (the same name made on two devices) does not.
    const unrecorded = changes.filter((c) => !(c.id === 't2' && c.after === null));
    expect(findLosses(unrecorded, state, superseded)).toEqual([
      'assignment h:h1:t2 (A) was created and is neither live nor deleted by a recorded delete',
    ]);
  });

  it('finds a paragraph tag gone', () => {
    const { changes, state, superseded } = scene();
    (state.rows as { paragraphTags: Record<string, string[]> }).paragraphTags['art:0'] = [];
    expect(findLosses(changes, state, superseded)).toEqual([
      'assignment p:art:0:t1 (B) was created and is neither live nor deleted by a recorded delete',
    ]);
  });

  it('finds a note’s inserted text gone, unless a recorded deletion took part of it', () => {
    const { changes, state, superseded } = scene();
    const notes = (state.rows as { notes: Record<string, { plain_text: string }> }).notes;
    notes['art:1']!.plain_text = '今天早上读了。';
    expect(findLosses(changes, state, superseded)).toEqual([
      'note art:1 (B): the text "两遍" inserted into its plain_text is gone',
    ]);
    const deletion = made('A', 'note', 'art:1', { plain_text: '今天早上读了。' }, { plain_text: '今天早上读了两遍。' });
    expect(findLosses([...changes, deletion], state, superseded)).toEqual([]);
  });

  it('finds words inserted into a highlight’s comment gone', () => {
    const { changes, state, superseded } = scene();
    const commented = made(
      'B',
      'highlight',
      'h1',
      { color: 'blue', start_offset: 1, end_offset: 4, comment: '对照第二段' },
      { color: 'blue', start_offset: 1, end_offset: 4, comment: '对照' },
    );
    const article = (state.docs as Record<string, { highlights: Record<string, Record<string, unknown>> }>)[
      'article/art'
    ]!;
    article.highlights.h1!.comment = '对照第二段';
    expect(findLosses([...changes, commented], state, superseded)).toEqual([]);
    article.highlights.h1!.comment = '对照';
    expect(findLosses([...changes, commented], state, superseded)).toEqual([
      'highlight h1 (B): the text "第二段" inserted into its comment is gone',
    ]);
  });

  it('reads one edit of a text by its common prefix and suffix', () => {
    expect(textEdit('今天读了。', '今天早上读了。')).toEqual({ inserted: '早上', deleted: '' });
    expect(textEdit('abcdef', 'abXef')).toEqual({ inserted: 'X', deleted: 'cd' });
    expect(textEdit('', '新')).toEqual({ inserted: '新', deleted: '' });
  });
});
