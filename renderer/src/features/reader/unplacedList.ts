import type { UnplacedAnnotation } from '../../../../preload/contract/articleTypes';
import type { Member } from '../../../../preload/contract/teamTypes';

/** One unplaced note or tag as the reader lists it. */
export interface UnplacedItem {
  key: string;
  kind: UnplacedAnnotation['kind'];
  /** The note's words, or the tag as `#name`. */
  text: string;
  /** Who made it: a member's name (with `you` for this person), or `unknown` when none is recorded or known. */
  maker: string;
  makerColor: string | null;
}

/**
 * The reader's list of an article's unplaced notes and tags (sync, #19): those set aside apart
 * (listed collapsed, never dropped), each with its maker's name as the members list names them.
 */
export function unplacedList(
  unplaced: readonly UnplacedAnnotation[],
  members: readonly Member[],
  words: { you: string; unknown: string },
): { shown: UnplacedItem[]; setAside: UnplacedItem[] } {
  const item = (u: UnplacedAnnotation): UnplacedItem => {
    const member = members.find((m) => m.uid === u.madeBy);
    return {
      key: u.key,
      kind: u.kind,
      text: u.kind === 'note' ? u.plainText : `#${u.tag ?? ''}`,
      // One a backup restored names its maker as the backup did (the member may be unknown here).
      maker: member ? `${member.name}${member.me ? words.you : ''}` : u.restoredMaker || words.unknown,
      makerColor: member?.color ?? null,
    };
  };
  return {
    shown: unplaced.filter((u) => !u.dismissed).map(item),
    setAside: unplaced.filter((u) => u.dismissed).map(item),
  };
}
