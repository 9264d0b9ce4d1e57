import { closers, codeTable, hanCount, openers } from './textPatterns';
import { addFlag, type WorkingParagraph } from './workingParagraph';

const sentenceBreakCodes = codeTable('。!?！？');
const openerCodes = codeTable(openers);
const closerCodes = codeTable(closers);

/**
 * Flags 'fragment' on body paragraphs cut from a longer sentence: one that starts with
 * punctuation that continues a sentence (，、。 or a closing quote), one whose first sentence
 * closes a quote or bracket it never opened (服务发展”的…), and a long one that stops without
 * any closing punctuation (cut off at the end). Where many body paragraphs end without
 * punctuation, that is how the writer writes (a blog of unpunctuated lines), not a cut: only
 * the first two signs count there.
 */
export function flagFragments(paragraphs: readonly WorkingParagraph[]): void {
  const body = paragraphs.filter((p) => p.kind === 'body');
  const unpunctuated = body.filter((p) => /[\p{Script=Han}]$/u.test(p.text.trim())).length;
  const cutsCount = unpunctuated < Math.max(2, body.length * unpunctuatedStyle);
  for (const p of body) {
    const line = p.text.trim();
    if (startsMidSentence(line) || (cutsCount && endsMidSentence(line))) addFlag(p, 'fragment');
  }
}

/** The share of body paragraphs ending on a bare character from which that is the writer's style. */
const unpunctuatedStyle = 0.3;

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
