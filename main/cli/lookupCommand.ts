import type { DictionaryEntry, WordLookup } from '../../preload/contract/dictionaryTypes';
import { segmentWords } from '../../preload/common/segmentWords';
import { openDictionary, type OpenedDictionary } from '../library/dictionary/openDictionary';

interface LookupIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * `pizhu lookup TEXT`: the longest CC-CEDICT word at the start of TEXT with every entry (the
 * pop-up's lookup); with --all, every word the segmentation finds in TEXT. Exit 1 when TEXT
 * starts with no word (nor holds one, with --all).
 */
export function runLookup(text: string, options: { json: boolean; all: boolean }, io: LookupIo): number {
  const dictionary = openDictionary();
  if (options.all) return lookupAll(dictionary, text, options.json, io);
  const found = dictionary.lookupWord(text, 0);
  if (!found) {
    io.err(`pizhu: no dictionary word starts "${text.slice(0, 20)}"\n`);
    return 1;
  }
  io.out(options.json ? JSON.stringify(found, null, 2) : formatLookup(found));
  return 0;
}

function lookupAll(dictionary: OpenedDictionary, text: string, json: boolean, io: LookupIo): number {
  const words = segmentWords(text, dictionary)
    .filter((s) => s.kind !== 'separator')
    .map((s) => ({ ...s, lookup: s.kind === 'word' ? dictionary.lookupWord(text, s.start, s.end - s.start) : null }));
  if (json) {
    io.out(JSON.stringify(words.map(({ lookup, ...s }) => ({ ...s, entries: lookup?.entries ?? [] })), null, 2));
  } else {
    for (const { text: word, lookup } of words) {
      const first = lookup?.entries[0];
      io.out(first ? `${word}\t${first.pinyin}\t${first.senses.join('; ')}` : `${word}\t-\t(not in the dictionary)`);
    }
  }
  return words.some((w) => w.lookup !== null) ? 0 : 1;
}

function formatLookup(found: WordLookup): string {
  const lines = [`${found.word}  (${found.lengths.length > 1 ? `shorter: ${found.lengths.slice(1).map((l) => found.word.slice(0, l)).join(', ')}` : 'no shorter word'})`];
  for (const entry of found.entries) lines.push(...formatEntry(entry));
  const r = found.regional;
  lines.push(`regional: 简体 ${r.mainland} · 繁體 ${r.traditional} · 臺灣 ${r.taiwan} · 臺灣詞彙 ${r.taiwanPhrases} · 香港 ${r.hongkong}`);
  return lines.join('\n');
}

function formatEntry(entry: DictionaryEntry): string[] {
  const headword = entry.traditional === entry.simplified ? entry.simplified : `${entry.traditional} / ${entry.simplified}`;
  return [`${headword}  ${entry.pinyin}  ${entry.zhuyin}`, ...entry.senses.map((sense, i) => `  ${i + 1}. ${sense}`)];
}
