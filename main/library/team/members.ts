import os from 'node:os';
import { maxMemberNameLength, memberColors, type Member } from '../../../preload/contract/teamTypes';
import type { Journaled } from '../annotations/journaled';
import type * as Y from 'yjs';
import { entryOf, root, setField } from '../sync/model/docShape';
import { readRow } from '../journal/journaledTables';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';

/** This library's own member: whose annotations it makes (migration 0029 gives each library one). */
export function localMemberUid(db: Db): string {
  const uid: unknown = db.prepare('SELECT member_uid FROM sync_state').pluck().get();
  return typeof uid === 'string' ? uid : '';
}

/** Every member the library knows, this person first, then by name. */
export function listMembers(db: Db): Member[] {
  const me = localMemberUid(db);
  const rows = db.prepare('SELECT uid, name, color FROM library_member').all() as Array<{ uid: string; name: string; color: string }>;
  const members = rows.map((r) => ({ ...r, me: r.uid === me }));
  if (!members.some((m) => m.me)) members.push({ ...defaultMember(me), me: true });
  return members.sort((a, b) => (a.me !== b.me ? (a.me ? -1 : 1) : a.name.localeCompare(b.name)));
}

/**
 * The name and colour a library's person starts with: their user name on this computer, and a
 * colour from their uid (so two people starting at once rarely share one). Changed in Preferences.
 */
function defaultMember(uid: string): { uid: string; name: string; color: string } {
  let name = '';
  try {
    name = os.userInfo().username.trim();
  } catch {
    // No user name (a container without a passwd entry): the member is named from the uid.
  }
  let hash = 0;
  for (const ch of uid) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return {
    uid,
    name: (name || `member ${uid.slice(0, 4)}`).slice(0, maxMemberNameLength),
    color: memberColors[hash % memberColors.length]!,
  };
}

/**
 * This person's row and library-document entry, made with the first thing they make (inside
 * that write's transaction), so other devices can name their annotations. Not at open: a
 * library that only reads would otherwise announce a member who never coded. Another member's
 * entry came with their own first annotation.
 */
export function announceMaker(db: Db, library: Y.Doc, uid: string): void {
  const members = root(library, 'members');
  if (uid === '' || members.has(uid) || uid !== localMemberUid(db)) return;
  let row = readRow(db, 'library_member', { uid }) as { uid: string; name: string; color: string } | null;
  if (!row) {
    row = defaultMember(uid);
    db.prepare('INSERT INTO library_member (uid, name, color) VALUES (?, ?, ?)').run(row.uid, row.name, row.color);
  }
  const entry = entryOf(members, uid);
  setField(entry, 'name', row.name);
  setField(entry, 'color', row.color);
}

/** Sets this person's name and colour (one undo step); a blank or overlong name or an unknown colour changes nothing. */
export function setLocalMember(db: Db, journaled: Journaled, wanted: { name: string; color: string }): Member {
  const name = wanted.name.trim();
  if (name === '') throw new LibraryError('invalid-argument', 'A member needs a name; nothing changed.');
  if ([...name].length > maxMemberNameLength) {
    throw new LibraryError('invalid-argument', `A member's name is at most ${maxMemberNameLength} characters; nothing changed.`);
  }
  if (!(memberColors as readonly string[]).includes(wanted.color)) {
    throw new LibraryError('invalid-argument', `"${wanted.color}" is not one of the member colours; nothing changed.`);
  }
  const me = localMemberUid(db);
  return journaled((rec) => {
    if (readRow(db, 'library_member', { uid: me })) rec.update('library_member', { uid: me }, { name, color: wanted.color });
    else rec.insert('library_member', { uid: me, name, color: wanted.color });
    return {
      value: { uid: me, name, color: wanted.color, me: true },
      op: 'team.member',
      description: `Call yourself ${name}`,
    };
  });
}

/**
 * The members named by the person (by name, in any case, or by uid), in the order named. A name
 * two members share, or one no member has, is refused with the names there are.
 */
export function membersNamed(db: Db, names: readonly string[]): Member[] {
  const members = listMembers(db);
  return names.map((asked) => {
    const wanted = asked.trim();
    const byUid = members.find((m) => m.uid === wanted);
    if (byUid) return byUid;
    const found = members.filter((m) => m.name.toLowerCase() === wanted.toLowerCase());
    if (found.length === 1) return found[0]!;
    const known = members.map((m) => m.name).join(', ');
    if (found.length === 0) throw new LibraryError('not-found', `No member of this library is called "${wanted}" (members: ${known}).`, wanted);
    throw new LibraryError('invalid-argument', `${found.length} members are called "${wanted}": name them by uid (${found.map((m) => m.uid).join(', ')}).`, wanted);
  });
}
