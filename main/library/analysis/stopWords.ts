import { maxStopWordLength, maxStopWords, type StopWordList } from '../../../preload/contract/analysisTypes';
import { foldToSimplified } from '../../../preload/common/foldScript';
import type { Journaled } from '../annotations/journaled';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { defaultStopWords } from './defaultStopWords';

/** The library's stop words as the person wrote them, or the default list when it has none. */
export function readStopWords(db: Db): StopWordList {
  const row = db.prepare('SELECT words FROM stop_word_list WHERE id = 1').get() as { words: string } | undefined;
  if (!row) return { words: [...defaultStopWords], isDefault: true };
  return { words: JSON.parse(row.words) as string[], isDefault: false };
}

/** The list folded, as counting compares items: 這 is left out as 这. */
export function foldedStopWords(db: Db): Set<string> {
  return new Set(readStopWords(db).words.map(foldToSimplified));
}

/**
 * Replaces the list (one undo step); `null` goes back to the default list. Words are trimmed,
 * blanks and repeats dropped; a list too long or a word too long changes nothing.
 */
export function writeStopWords(db: Db, journaled: Journaled, words: readonly string[] | null): StopWordList {
  if (words === null) {
    if (readStopWords(db).isDefault) return readStopWords(db);
    return journaled((rec) => {
      rec.remove('stop_word_list', { id: 1 });
      return { value: readStopWords(db), op: 'analysis.stop-words', description: 'Go back to the default stop words' };
    });
  }
  const list = [...new Set(words.map((w) => w.trim()).filter((w) => w !== ''))];
  if (list.length > maxStopWords) {
    throw new LibraryError('invalid-argument', `A stop-word list holds at most ${maxStopWords} words; this one has ${list.length}. Nothing changed.`);
  }
  const long = list.find((w) => w.length > maxStopWordLength);
  if (long !== undefined) {
    throw new LibraryError('invalid-argument', `"${long.slice(0, 30)}…" is longer than a stop word may be (${maxStopWordLength} characters). Nothing changed.`);
  }
  return journaled((rec, now) => {
    const row = { words: JSON.stringify(list), updated_at: now };
    if (db.prepare('SELECT 1 FROM stop_word_list WHERE id = 1').get()) rec.update('stop_word_list', { id: 1 }, row);
    else rec.insert('stop_word_list', { id: 1, ...row });
    return { value: readStopWords(db), op: 'analysis.stop-words', description: `Set the stop words (${list.length})` };
  });
}
