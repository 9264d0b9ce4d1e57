import { hanCount } from '../textPatterns';

/** A piece of one line: `line.slice(from, to)`; what lies between pieces is whitespace or nothing. */
export interface LinePiece {
  from: number;
  to: number;
}

/** Lines shorter than this are never split: a headline or a label keeps its spaces. */
const minHan = 60;

/** A run of two or more spaces (ASCII, ideographic, no-break, tab) between two visible characters. */
const spaceRun = /(?<=\S)[ \t\u00a0\u3000]{2,}(?=\S)/gu;
/** One space after a full-width sentence end (and its closing quotes): 。 下一段, ！」 下一段. */
const spaceAfterSentence = /(?<=[。！？][」』”’）)]*)[ \t\u00a0\u3000](?=\S)/gu;
/**
 * A picture credit the extract glued onto the next caption or sentence, right after a sentence
 * end: …不讓鬚眉。警方提供女警… (not 警方提供的資料, where the words run on as a sentence).
 */
const gluedCredit = /(?<=[。！？](?:警方提供|[翻][摄攝][画畫]面))(?=[^\s的了之，,。、])/gu;
/** Whether a line can hold a break of the kinds above: a space, or a credit's words. */
const spaceIn = /[ \t\u00a0\u3000]/u;
const creditWordIn = /警方提供|[摄攝]/u;

/** A caption sentence ending in a reporter's picture credit: …得力助手。記者林保光／翻攝 */
const captionWithCredit = /[。！？][」』”’）)]*(?=[^。！？]{2,60}[。！？]?\s*[记記]者\S{2,4}[／/]翻?[摄攝]\s*$)/u;

/**
 * Where a long line holds several paragraphs, as text extracts of Taiwan news sites do: a
 * paragraph break became a run of spaces or the single space after a sentence, and a photo
 * caption with its credit was run on after the story's sentence. Returns the line's pieces in
 * order (one piece when nothing splits it); the spaces between pieces belong to no piece.
 * Nothing else moves: every visible character is in exactly one piece.
 */
export function inlineBreaks(line: string): LinePiece[] {
  if (hanCount(line) < minHan) return [{ from: 0, to: line.length }];
  const cuts: LinePiece[] = []; // the gaps: [from, to) between two pieces
  // Most lines have no space and no credit: the lookbehind patterns are not run over them at all.
  const patterns = [
    ...(spaceIn.test(line) ? [spaceRun, spaceAfterSentence] : []),
    ...(creditWordIn.test(line) ? [gluedCredit] : []),
  ];
  for (const re of patterns) {
    for (const m of line.matchAll(re)) cuts.push({ from: m.index, to: m.index + m[0].length });
  }
  cuts.sort((a, b) => a.from - b.from || b.to - a.to);
  const pieces: LinePiece[] = [];
  let at = 0;
  for (const gap of cuts) {
    if (gap.from < at) continue; // inside a gap already taken
    if (gap.from > at) pieces.push({ from: at, to: gap.from });
    at = gap.to;
  }
  if (at < line.length) pieces.push({ from: at, to: line.length });
  return pieces.flatMap((piece) => splitCaptionOff(line, piece));
}

/** A piece whose last sentence is a caption with a reporter's credit: the caption is a piece of its own. */
function splitCaptionOff(line: string, piece: LinePiece): LinePiece[] {
  const text = line.slice(piece.from, piece.to);
  if (!creditWordIn.test(text)) return [piece];
  const m = captionWithCredit.exec(text);
  if (!m) return [piece];
  const cut = piece.from + m.index + m[0].length;
  return cut >= piece.to
    ? [piece]
    : [
        { from: piece.from, to: cut },
        { from: cut, to: piece.to },
      ];
}
