import { describe, expect, it } from 'vitest';
import type { TagSummary } from '../../../preload/contract/annotationTypes';
import { renameCollisions } from '../../../renderer/src/features/tags/tagTree';

const tag = (id: number, name: string): TagSummary => ({ id, name, color: null, directCount: 1, totalCount: 1 });

describe('a rename in the tag pane knows when it will merge, in any script', () => {
  const tags = [tag(1, '技术'), tag(2, 'tech'), tag(3, 'tech/AI')];

  it('renaming tech to 技術 lands on the existing 技术: the pane asks before merging', () => {
    expect(renameCollisions(tags, 'tech', '技術')).toEqual([{ moving: 'tech', existing: '技术' }]);
  });

  it('respelling a tag in the other script, or in another case, is not a merge', () => {
    expect(renameCollisions(tags, '技术', '技術')).toEqual([]);
    expect(renameCollisions(tags, 'tech', 'TECH')).toEqual([]);
    expect(renameCollisions(tags, 'tech', '科技')).toEqual([]);
  });
});
