import type {
  NewVocabularyEntry,
  VocabularyChanges,
  VocabularyEntry,
  VocabularyExportFormat,
  VocabularyExportResult,
  VocabularyFilter,
} from '../../../preload/contract/vocabularyTypes';
import {
  maxVocabularyReadingLength,
  maxVocabularySenseLength,
  maxVocabularySentenceLength,
  maxVocabularyStoredWordLength as maxStoredWordLength,
  maxVocabularyWordLength,
} from '../../../preload/contract/vocabularyTypes';
import { createJournaled, shortQuote } from '../annotations/journaled';
import { requireAbsolutePath, writeTextFile } from '../files/writeTextFile';
import { createLibraryFileGuard, type LibraryFiles } from '../files/libraryFileGuard';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { listEntries, readEntry } from './readVocabulary';
import { renderVocabulary } from './vocabularyFiles';

export type Vocabulary = ReturnType<typeof createVocabulary>;

/**
 * The person's vocabulary: each add, edit and delete is one transaction and one undo step
 * (the journal's), like every annotation.
 */
export function createVocabulary(db: Db, nowIso: () => string, files: LibraryFiles) {
  const journaled = createJournaled(db, nowIso);
  const guard = createLibraryFileGuard(files);

  /** Newest first; see readVocabulary.listEntries for what each filter keeps. */
  function listVocabulary(filter: VocabularyFilter = {}): VocabularyEntry[] {
    if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
      throw invalid(`The range ${filter.from} to ${filter.to} ends before it starts.`, 'from');
    }
    return listEntries(db, filter);
  }

  function requireEntry(id: number): VocabularyEntry {
    const entry = readEntry(db, id);
    if (!entry) throw new LibraryError('not-found', `There is no word ${id} in the vocabulary.`, String(id));
    return entry;
  }

  return {
    /**
     * Saves a word found at [start, end) of a paragraph's canonical text. `word` is as the reader
     * showed it (another script mode may show other characters); the stored text there is kept
     * beside it. The sentence must hold the word where `sentenceOffset` says.
     */
    addVocabulary(request: NewVocabularyEntry): VocabularyEntry {
      const word = request.word.trim();
      if (word === '') throw invalid('A vocabulary word needs at least one character.', 'word');
      checkLength(word, maxVocabularyWordLength, 'word');
      const reading = clean(request.reading, maxVocabularyReadingLength, 'reading');
      const sense = clean(request.sense, maxVocabularySenseLength, 'sense');
      const sentence = request.sentence ?? '';
      checkLength(sentence, maxVocabularySentenceLength, 'sentence');
      const sentenceOffset = request.sentenceOffset ?? 0;
      if (sentence !== '' && sentence.slice(sentenceOffset, sentenceOffset + word.length) !== word) {
        throw invalid(
          `The sentence does not hold "${word}" where the request says it does; nothing was saved.`,
          'sentence',
        );
      }
      const id = journaled((rec, now) => {
        const paragraph = db.prepare('SELECT article_id, text FROM paragraph WHERE id = ?').get(request.paragraphId) as
          { article_id: number; text: string } | undefined;
        if (!paragraph) {
          throw new LibraryError('not-found', `There is no paragraph ${request.paragraphId} in the library.`);
        }
        const { start, end } = request;
        if (!(start < end && end <= paragraph.text.length)) {
          throw invalid(
            `[${start}, ${end}) is not a range of the paragraph's ${paragraph.text.length} characters; nothing was saved.`,
            'start',
          );
        }
        // The stored text under a word: a few times the word at most (a phrase mode maps 隨身碟 onto U盘), never a passage.
        if (end - start > maxStoredWordLength) {
          throw invalid(
            `A vocabulary word stands on at most ${maxStoredWordLength} characters of the text; nothing was saved.`,
            'end',
          );
        }
        const newId = rec.insert('vocabulary', {
          word,
          stored_word: paragraph.text.slice(start, end),
          reading,
          sense,
          sentence,
          sentence_offset: sentence === '' ? 0 : sentenceOffset,
          article_id: paragraph.article_id,
          paragraph_id: request.paragraphId,
          start_offset: start,
          end_offset: end,
          created_at: now,
          updated_at: now,
        });
        return { value: newId, op: 'vocabulary.add', description: `Add “${shortQuote(word)}” to vocabulary` };
      });
      return requireEntry(id);
    },

    /** The reading or sense the person corrected; one undo step. */
    updateVocabulary(id: number, changes: VocabularyChanges): VocabularyEntry {
      const fields: Record<string, string> = {};
      if (changes.reading !== undefined) fields.reading = clean(changes.reading, maxVocabularyReadingLength, 'reading');
      if (changes.sense !== undefined) fields.sense = clean(changes.sense, maxVocabularySenseLength, 'sense');
      journaled((rec, now) => {
        const entry = requireEntry(id);
        const changed = Object.entries(fields).some(([k, v]) => entry[k as 'reading' | 'sense'] !== v);
        if (changed) rec.update('vocabulary', { id }, { ...fields, updated_at: now });
        return { value: null, op: 'vocabulary.edit', description: `Edit “${shortQuote(entry.word)}” in vocabulary` };
      });
      return requireEntry(id);
    },

    /** Answers with the entry as it was; undo brings it back with the same id. */
    removeVocabulary(id: number): VocabularyEntry {
      return journaled((rec) => {
        const entry = requireEntry(id);
        rec.remove('vocabulary', { id });
        return {
          value: entry,
          op: 'vocabulary.remove',
          description: `Remove “${shortQuote(entry.word)}” from vocabulary`,
        };
      });
    },

    listVocabulary,

    /** The words the filter keeps (all by default), newest first, as CSV or an Anki import file at `file` (absolute). */
    exportVocabulary(
      file: string,
      format: VocabularyExportFormat,
      filter: VocabularyFilter = {},
    ): VocabularyExportResult {
      const target = requireAbsolutePath(file, 'vocabulary file');
      guard.checkFile(target, 'vocabulary file');
      const entries = listVocabulary(filter);
      writeTextFile(target, renderVocabulary(entries, format));
      return { path: target, format, words: entries.length };
    },
  };
}

/** Trimmed, bounded text ('' for none). */
function clean(value: string | undefined, max: number, field: string): string {
  const text = (value ?? '').trim();
  checkLength(text, max, field);
  return text;
}

function checkLength(value: string, max: number, field: string): void {
  if (value.length > max) {
    throw invalid(
      `The ${field} can be at most ${max} characters; this one has ${value.length}. Nothing was saved.`,
      field,
    );
  }
}

function invalid(message: string, detail: string): LibraryError {
  return new LibraryError('invalid-argument', message, detail);
}
