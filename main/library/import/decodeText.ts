import iconv from 'iconv-lite';
import { createRequire } from 'node:module';
import type * as Jschardet from 'jschardet';
import { scoreChineseText, type ChineseTextScore } from './scoreChineseText';
import { decodeValidUtf8 } from './decodeUtf8';

/**
 * Bytes of an imported file -> text, as VS Code does it (DESIGN §10): BOM, then a NUL-byte
 * check (UTF-16 without BOM, or binary), then strict UTF-8, then GB18030 / Big5 detection
 * checked against how Chinese the candidate decodings read. Never guesses silently: input
 * it cannot read with confidence is refused with a reason and a sentence naming the file.
 */

export type DecodedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export type DecodeResult =
  | { ok: true; text: string; encoding: DecodedEncoding; hadBom: boolean }
  | { ok: false; reason: 'binary' | 'empty' | 'undecodable' | 'too-short-to-detect'; message: string };

type Refusal = Extract<DecodeResult, { ok: false }>;

/** Below this many bytes, legacy-encoding detection is a guess unless one reading is clearly right. */
const SHORT_INPUT_BYTES = 16;
/** A right decoding of real text is ~90% frequent characters (measured on the corpus and seeds); wrong ones stay under 25%. */
const MIN_FREQUENT_SHARE = 0.35;
const MAX_SUSPICIOUS_SHARE = 0.15;
/** Even, so that a UTF-16 sample ends on a code unit. */
const SAMPLE_BYTES = 128 * 1024;
/** Nudge toward jschardet's pick when two readings score alike. */
const DETECTOR_BONUS = 0.05;

export function decodeText(bytes: Uint8Array, fileName: string): DecodeResult {
  const name = JSON.stringify(fileName);
  if (bytes.length === 0) return refuse('empty', `${name} is empty.`);

  const bom = detectBom(bytes);
  if (bom) return finish(decodeAs(bytes.subarray(bom.length), bom.encoding), bom.encoding, true, name);

  if (bytes.includes(0)) {
    // Text never holds NUL bytes, except inside UTF-16 code units.
    const utf16 = decodeUtf16WithoutBom(bytes);
    return utf16 ? finish(utf16.text, utf16.encoding, false, name) : refuse('binary', binaryMessage(name));
  }

  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== null) return finish(utf8, 'utf-8', false, name);

  return decodeLegacy(bytes, name);
}

function refuse(reason: Refusal['reason'], message: string): Refusal {
  return { ok: false, reason, message };
}

function binaryMessage(name: string): string {
  return `${name} looks like a binary file, not text.`;
}

/** Final checks shared by every path; the text itself is returned verbatim. */
function finish(text: string, encoding: DecodedEncoding, hadBom: boolean, name: string): DecodeResult {
  if (countControls(text) > tolerance(text.length, 10_000)) return refuse('binary', binaryMessage(name));
  if (countReplacements(text) > tolerance(text.length, 1_000) + 1) {
    return refuse('undecodable', `${name} contains bytes that are not valid ${encodingLabel(encoding)}.`);
  }
  if (text.trim() === '') return refuse('empty', `${name} contains only whitespace.`);
  return { ok: true, text, encoding, hadBom };
}

/** A few stray bytes in a long text should not make it unreadable; short texts get none. */
function tolerance(length: number, per: number): number {
  return Math.floor(length / per);
}

function detectBom(bytes: Uint8Array): { encoding: DecodedEncoding; length: number } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Non-fatal: bad sequences become U+FFFD, which the callers count. */
function decodeAs(bytes: Uint8Array, encoding: DecodedEncoding): string {
  if (encoding === 'gb18030' || encoding === 'big5') return iconv.decode(bytes, encoding);
  // ignoreBOM: the caller has already stripped the BOM it recognised; anything left is content.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/**
 * UTF-8 or null. A file cut off inside its last character (a truncated download) is still
 * UTF-8: that one incomplete sequence becomes U+FFFD, so the cut stays visible.
 */
function decodeStrictUtf8(bytes: Uint8Array): string | null {
  const whole = decodeValidUtf8(bytes);
  if (whole !== null) return whole;
  const cut = incompleteTailStart(bytes);
  if (cut === null) return null;
  const head = bytes.subarray(0, cut);
  // A pure-ASCII head is no evidence of UTF-8: let detection look at the tail instead.
  if (!head.some((byte) => byte >= 0x80)) return null;
  const text = decodeValidUtf8(head);
  return text === null ? null : text + '\uFFFD';
}

/** Start of an incomplete UTF-8 sequence ending the input (lead byte + too few continuations), or null. */
function incompleteTailStart(bytes: Uint8Array): number | null {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const i = bytes.length - back;
    const byte = bytes[i] ?? 0;
    if (byte >= 0x80 && byte < 0xc0) continue; // continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 && byte < 0xe0 ? 2 : 0;
    return needed > back ? i : null;
  }
  return null;
}

/**
 * UTF-16 without BOM shows NULs as the high byte of ASCII characters: at odd offsets for
 * little-endian, even for big-endian. Binary data has NULs next to arbitrary bytes.
 */
function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let zeros = 0;
  let leAscii = 0;
  let beAscii = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const first = bytes[i] ?? 0;
    const second = bytes[i + 1] ?? 0;
    if (first === 0) zeros++;
    if (second === 0) zeros++;
    if (second === 0 && isTextAscii(first)) leAscii++;
    if (first === 0 && isTextAscii(second)) beAscii++;
  }
  // U+4E00 一 or U+3000 (ideographic space) put NULs in the other parity too, so compare.
  const best = Math.max(leAscii, beAscii);
  if (best < 2 * Math.min(leAscii, beAscii) || best < zeros / 2) return null;
  return leAscii > beAscii ? 'utf-16le' : 'utf-16be';
}

function isTextAscii(byte: number): boolean {
  return (byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/**
 * The NUL pattern of ASCII text picks the byte order; Chinese text may have no ASCII at all,
 * its only NULs coming from characters such as U+9700 需, so then it must read as Chinese.
 */
function decodeUtf16WithoutBom(bytes: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } | null {
  const byNuls = utf16ByNulPattern(bytes);
  const orders: ('utf-16le' | 'utf-16be')[] =
    byNuls === 'utf-16be' ? ['utf-16be', 'utf-16le'] : ['utf-16le', 'utf-16be'];
  for (const encoding of orders) {
    const text = decodeAs(bytes, encoding);
    if (countControls(text) > tolerance(text.length, 10_000)) continue;
    const score = scoreChineseText(text);
    // Even with the pattern, UTF-8 or binary that happens to show it reads as noise in UTF-16.
    const readsAsNoise =
      score.evidence >= 20 && score.suspiciousShare > 0.5 && score.frequentShare < MIN_FREQUENT_SHARE;
    if (encoding === byNuls ? !readsAsNoise : readsAsChinese(score, text.length)) return { text, encoding };
  }
  return null;
}

function readsAsChinese(score: ChineseTextScore, length: number): boolean {
  return (
    score.evidence >= 2 &&
    score.frequentShare >= MIN_FREQUENT_SHARE &&
    score.suspiciousShare <= MAX_SUSPICIOUS_SHARE &&
    score.replacements <= tolerance(length, 1_000) + 1
  );
}

/** C0 controls other than tab, LF, CR and form feed, plus DEL: what binary data decodes to. */
function countControls(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if ((unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d && unit !== 0x0c) || unit === 0x7f) count++;
  }
  return count;
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

function encodingLabel(encoding: DecodedEncoding): string {
  return { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030', big5: 'Big5' }[
    encoding
  ];
}

interface Candidate {
  encoding: DecodedEncoding | 'euc-tw';
  text: string;
  score: ChineseTextScore;
  quality: number;
}

/** Neither BOM, UTF-16 nor UTF-8: choose between the legacy Chinese encodings, or refuse. */
function decodeLegacy(bytes: Uint8Array, name: string): DecodeResult {
  // Judging on a sample keeps a 20 MB import fast; only the winner decodes the whole file.
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const detected = detectWithJschardet(sample);
  const candidates: Candidate[] = [];
  const encodings: DecodedEncoding[] = ['gb18030', 'big5'];
  // UTF-16 of pure Chinese has no NULs; jschardet calls it binary, so let the scorer judge it.
  if (bytes.length % 2 === 0) encodings.push('utf-16le', 'utf-16be');
  // Bytes below 0x20 stand for themselves in GB18030 and Big5, so controls there mean binary.
  let binary = false;
  for (const encoding of encodings) {
    const text = decodeAs(sample, encoding);
    if (countControls(text) > tolerance(text.length, 10_000)) {
      if (encoding === 'gb18030') binary = true;
      continue;
    }
    candidates.push(candidate(encoding, text, encoding === detected ? DETECTOR_BONUS : 0));
  }
  // EUC-TW also decodes without error as GB18030, into rare characters; read it as well so
  // that it can win the comparison and be refused by name rather than shown garbled.
  const eucTw = eucTwReadingForScoring(sample);
  if (eucTw !== null) candidates.push(candidate('euc-tw', eucTw, 0));

  candidates.sort((x, y) => y.quality - x.quality);
  const [best, runnerUp] = candidates;
  if (!best || (binary && !readsAsChinese(best.score, best.text.length))) return refuse('binary', binaryMessage(name));

  const encoding = best.encoding;
  if (bytes.length < SHORT_INPUT_BYTES) {
    const clear =
      best.score.evidence >= 2 &&
      best.score.frequentShare >= 0.75 &&
      best.score.suspiciousShare === 0 &&
      (!runnerUp || runnerUp.quality <= best.quality - 0.5);
    if (clear && encoding !== 'euc-tw') return finish(best.text, encoding, false, name);
    return refuse(
      'too-short-to-detect',
      `${name} is too short (${bytes.length} bytes) to tell its encoding reliably; save it as UTF-8 and import it again.`,
    );
  }
  if (encoding === 'euc-tw') {
    return refuse(
      'undecodable',
      `${name} appears to be in EUC-TW (CNS 11643), an encoding Pizhu does not support; save it as UTF-8 and import it again.`,
    );
  }
  if (best.score.evidence < 2) {
    return refuse(
      'too-short-to-detect',
      `${name} has too little non-ASCII text to tell its encoding reliably; save it as UTF-8 and import it again.`,
    );
  }
  if (!readsAsChinese(best.score, best.text.length)) {
    return refuse('undecodable', `${name} is not in an encoding Pizhu can read (UTF-8, UTF-16, GB18030/GBK or Big5).`);
  }
  return finish(sample.length === bytes.length ? best.text : decodeAs(bytes, encoding), encoding, false, name);
}

function candidate(encoding: Candidate['encoding'], text: string, bonus: number): Candidate {
  const score = scoreChineseText(text);
  return { encoding, text, score, quality: score.frequentShare - score.suspiciousShare + bonus };
}

let loadedJschardet: typeof Jschardet | undefined;

/**
 * jschardet, loaded at the first file in a legacy encoding rather than when the parse worker
 * starts: some 20 ms of CPU each import's worker paid before its first file, for UTF-8 files too.
 */
function jschardet(): typeof Jschardet {
  loadedJschardet ??= createRequire(__filename)('jschardet') as typeof Jschardet;
  return loadedJschardet;
}

/**
 * jschardet's pick among the encodings we decode. Its chardet API (not the default export)
 * takes the no-match fallback as an option: the default one (cp1252) is outside our list
 * and makes it print a warning. By this point the bytes are not UTF-8, so that means none.
 */
function detectWithJschardet(bytes: Uint8Array): DecodedEncoding | null {
  const { encoding } = jschardet().chardet.detect(bytes, {
    includeEncodings: ['gb18030', 'big5', 'utf-16-le', 'utf-16-be', 'utf-8'],
    noMatchEncoding: 'utf-8',
  });
  switch (encoding?.toLowerCase()) {
    case 'gb18030':
      return 'gb18030';
    case 'big5':
      return 'big5';
    case 'utf-16-le':
      return 'utf-16le';
    case 'utf-16-be':
      return 'utf-16be';
    default:
      return null;
  }
}

/**
 * What an EUC-TW reading of the bytes would contain, for the scorer only (it ignores order),
 * or null when the bytes are not well-formed EUC-TW. iconv-lite has no EUC-TW, but CNS 11643
 * plane 1 level 1 (EUC-TW C4A1–FDCB) lists the 5,401 hanzi of Big5 level 1 (A440–C67E) in
 * nearly the same order, so those are re-encoded as Big5 and decoded. Plane 1 level 2 and the
 * other planes hold rare hanzi (counted as U+4E02, an ordinary rare ideograph); rows between
 * the symbols and level 1 are nearly empty, so text landing there is a wrong reading (U+FFFD).
 */
function eucTwReadingForScoring(bytes: Uint8Array): string | null {
  const level1AsBig5: number[] = [];
  let rare = 0;
  let unassigned = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const rest = bytes.length - i;
    if (lead === 0x8e) {
      // SS2: a character from planes 1-16 in four bytes.
      if (rest < 4) break;
      if (
        !inRange(bytes[i + 1], 0xa1, 0xb0) ||
        !inRange(bytes[i + 2], 0xa1, 0xfe) ||
        !inRange(bytes[i + 3], 0xa1, 0xfe)
      )
        return null;
      rare++;
      i += 4;
      continue;
    }
    if (rest < 2) break;
    const trail = bytes[i + 1] ?? 0;
    if (!inRange(lead, 0xa1, 0xfe) || !inRange(trail, 0xa1, 0xfe)) return null;
    const cns = (lead - 0xc4) * 94 + (trail - 0xa1);
    if (lead >= 0xc4 && cns < 5401) {
      const index = big5IndexOfCnsLevel1(cns);
      const column = index % 157; // Big5 rows hold 157 cells: trail 40–7E, then A1–FE
      level1AsBig5.push(0xa4 + Math.floor(index / 157), column < 63 ? 0x40 + column : 0xa1 + column - 63);
    } else if (lead >= 0xc4) {
      rare++;
    } else if (lead >= 0xa7) {
      unassigned++;
    } // rows A1–A6 are punctuation and symbols: no evidence either way
    i += 2;
  }
  return iconv.decode(Uint8Array.from(level1AsBig5), 'big5') + '\u4E02'.repeat(rare) + '\uFFFD'.repeat(unassigned);
}

/**
 * [CNS index, Big5 index] of the five level-1 hanzi the two standards place differently
 * (耄 銬 薦 嚨 羅); all others keep their relative order. Checked against glibc `iconv`.
 */
const MOVED_LEVEL1: readonly (readonly [cns: number, big5: number])[] = [
  [1836, 1412],
  [3713, 4100],
  [4626, 4815],
  [4900, 5046],
  [4956, 4954],
];
const MOVED_BIG5_ASCENDING = MOVED_LEVEL1.map(([, big5]) => big5).sort((x, y) => x - y);

function big5IndexOfCnsLevel1(cns: number): number {
  let rank = cns; // rank among the characters that did not move
  for (const [from, to] of MOVED_LEVEL1) {
    if (from === cns) return to;
    if (from < cns) rank--;
  }
  for (const taken of MOVED_BIG5_ASCENDING) if (taken <= rank) rank++;
  return rank;
}

function inRange(byte: number | undefined, low: number, high: number): boolean {
  return byte !== undefined && byte >= low && byte <= high;
}
