import { closers, endsSentence, hanCount, openers } from './textPatterns';
import { addFlag, type WorkingParagraph } from './workingParagraph';

const sentenceBreak = /[。!?！？]/u;

/**
 * Flags 'fragment' on body paragraphs cut from a longer sentence: one that starts with
 * punctuation that continues a sentence (，、。 or a closing quote), one whose first sentence
 * closes a quote or bracket it never opened (服务发展”的…), and a long one that stops without
 * any closing punctuation (cut off at the end).
 */
export function flagFragments(paragraphs: readonly WorkingParagraph[]): void {
  for (const p of paragraphs) {
    if (p.kind !== 'body') continue;
    const line = p.text.trim();
    if (startsMidSentence(line) || endsMidSentence(line)) addFlag(p, 'fragment');
  }
}

export function startsMidSentence(line: string): boolean {
  if (/^[,，、。;；:：!?！？)）\]】》〉”’」』]/u.test(line)) return true;
  let depth = 0;
  for (const ch of line) {
    if (sentenceBreak.test(ch) && depth === 0) return false;
    if (openers.includes(ch)) depth++;
    else if (closers.includes(ch)) {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}

function endsMidSentence(line: string): boolean {
  if (hanCount(line) < 30 || endsSentence(line)) return false;
  const last = line.at(-1) ?? '';
  return /\p{Script=Han}/u.test(last) || /[,，、]/u.test(last);
}
