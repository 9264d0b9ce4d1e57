import { closers, codeTable, hanCount, openers } from './textPatterns';
import { addFlag, type WorkingParagraph } from './workingParagraph';

const sentenceBreakCodes = codeTable('。!?！？');
const openerCodes = codeTable(openers);
const closerCodes = codeTable(closers);

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
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (depth === 0 && sentenceBreakCodes[code] === 1) return false;
    if (openerCodes[code] === 1) depth++;
    else if (closerCodes[code] === 1) {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}

function endsMidSentence(line: string): boolean {
  const last = line.at(-1) ?? '';
  if (!/[\p{Script=Han},，、]/u.test(last)) return false;
  return hanCount(line) >= 30;
}
