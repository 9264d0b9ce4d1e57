import type { RubyWord } from '../../../../preload/common/readingAids';
import type { TextSegment } from '../annotate/segmentHighlights';

/** A part of one highlight segment: [start, end) of the shown text. */
export interface SegmentPiece {
  segment: TextSegment;
  start: number;
  end: number;
}

/** The shown text in order: runs outside any reading, and each ruby word with the pieces under it. */
export type RubyGroup = { ruby: null; pieces: SegmentPiece[] } | { ruby: RubyWord; pieces: SegmentPiece[] };

/**
 * Cuts the highlight segments at the ruby words' ends, so a word's characters sit in one <ruby>
 * and a highlight crossing a word's end is drawn in two marks (as overlapping highlights already
 * are). The pieces cover the text once, in order: the DOM's text is the shown text, unchanged.
 */
export function rubyGroups(segments: readonly TextSegment[], rubies: readonly RubyWord[]): RubyGroup[] {
  const groups: RubyGroup[] = [];
  let w = 0;
  const groupAt = (at: number): RubyGroup => {
    while (w < rubies.length && rubies[w]!.end <= at) w++;
    const word = rubies[w];
    const ruby = word && word.start <= at && at < word.end ? word : null;
    const last = groups.at(-1);
    if (last && last.ruby === ruby) return last;
    const group: RubyGroup = { ruby, pieces: [] };
    groups.push(group);
    return group;
  };
  for (const segment of segments) {
    let at = segment.start;
    while (at < segment.end) {
      const group = groupAt(at);
      let end = segment.end;
      if (group.ruby) end = Math.min(end, group.ruby.end);
      else {
        const next = rubies[w];
        if (next && next.start > at) end = Math.min(end, next.start);
      }
      group.pieces.push({ segment, start: at, end });
      at = end;
    }
  }
  return groups;
}
