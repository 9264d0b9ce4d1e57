/** The offline dictionary (CC-CEDICT, CC BY-SA 4.0): what a lookup at a place in the reader's text answers. */

/** One CC-CEDICT entry. */
export interface DictionaryEntry {
  traditional: string;
  simplified: string;
  /** With tone marks, syllables separated by spaces: "yín háng". */
  pinyin: string;
  /** As in the data: "yin2 hang2" (u: for ü, 5 for the neutral tone). */
  pinyinNumbered: string;
  /** Zhuyin (bopomofo), syllables separated by spaces: "ㄧㄣˊ ㄏㄤˊ". */
  zhuyin: string;
  /** Every sense as given, classifiers ("CL:個|个[ge4]") and cross-references ("variant of …") included. */
  senses: string[];
}

/** The word's forms in each of the reader's regional scripts (OpenCC), for a translator's view. */
export interface RegionalForms {
  mainland: string;
  traditional: string;
  taiwan: string;
  /** Taiwan with phrases (計程車, 網際網路). */
  taiwanPhrases: string;
  hongkong: string;
}

/** The longest dictionary word starting at an offset of a text, and the shorter ones there. */
export interface WordLookup {
  /** UTF-16 offset of the word in the text asked about. */
  start: number;
  /** Its length in UTF-16 units in that text. */
  length: number;
  /** The text matched, as given. */
  word: string;
  entries: DictionaryEntry[];
  /** Every dictionary-word length starting at `start`, longest first (↑/↓ move between them). */
  lengths: number[];
  regional: RegionalForms;
}

/** At most this many UTF-16 units of text per lookup: a paragraph, not an article. */
export const maxLookupTextLength = 10_000;
/** The longest headword looked for, in characters (CC-CEDICT's longest are idioms and names of about 20). */
export const maxWordLength = 24;
