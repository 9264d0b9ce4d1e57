import type * as Y from 'yjs';
import type { NoteForms } from '../../annotations/readableNote';
import { joinEditorStates } from '../../reclean/mergeNotes';
import { fieldOf, noteEntry, notePlaces, noteText, noteXml, stringField } from './docShape';
import type { Placed, Places } from './paragraphPlaces';
import { storedForms } from './richNoteText';

/** A live note entry with words, and where its place leads here. */
export interface NoteSource {
  place: string;
  entry: Y.Map<unknown>;
  at: Placed;
  forms: NoteForms;
}

/**
 * The live notes placed on each paragraph position here, in the order their words are joined:
 * the one written on this split first, then those carried from earlier splits, a paragraph of
 * the same text before one carried to its most similar paragraph, each in its old order.
 */
export function notesByPosition(doc: Y.Doc, places: Places, only?: number): Map<number, NoteSource[]> {
  const found = new Map<number, NoteSource[]>();
  for (const place of notePlaces(doc)) {
    const entry = noteEntry(doc, place);
    if (fieldOf(entry, 'deleted') === true) continue;
    const at = places.place(place);
    // `only`: one paragraph's (a note saved), without reading every other note's words.
    if (!at || (only !== undefined && at.ord !== only)) continue;
    const forms = storedForms(entry, noteXml(doc, place), noteText(doc, place).toJSON());
    if (forms.plainText.trim() === '') continue;
    const list = found.get(at.ord) ?? [];
    list.push({ place, entry, at, forms });
    found.set(at.ord, list);
  }
  for (const list of found.values()) {
    list.sort(
      (a, b) =>
        a.at.hops - b.at.hops ||
        Number(a.at.moved) - Number(b.at.moved) ||
        a.at.from - b.at.from ||
        (a.place < b.place ? -1 : a.place > b.place ? 1 : 0),
    );
  }
  return found;
}

/** The note a paragraph shows: its sources' words joined as a re-clean joins two notes (reclean/mergeNotes), never one kept over another. */
export function joinedNote(sources: readonly NoteSource[]): NoteForms & { updatedAt: string; madeBy: string } {
  const [first, ...rest] = sources;
  if (!first) throw new Error('A note has at least one source');
  let forms = first.forms;
  let updatedAt = stringField(first.entry, 'updated_at');
  for (const next of rest) {
    forms = {
      editorState: joinEditorStates(forms.editorState, next.forms.editorState),
      plainText: `${forms.plainText}\n\n${next.forms.plainText}`,
      markdown: `${forms.markdown}\n\n${next.forms.markdown}`,
    };
    const at = stringField(next.entry, 'updated_at');
    if (at > updatedAt) updatedAt = at;
  }
  return { ...forms, updatedAt, madeBy: stringField(first.entry, 'made_by') };
}
