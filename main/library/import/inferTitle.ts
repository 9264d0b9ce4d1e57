import { datelineLength } from './lineCues';
import { hanCount } from './textPatterns';
import type { WorkingParagraph } from './workingParagraph';

const maxLength = 40;

/**
 * A title for a text that has none: the opening words of its first paragraph of running text,
 * after the dateline and the reporter credit in brackets (閩南網8月1日訊(記者 …)) — the
 * first clause, or the first sentence when the clause is too short to name anything.
 * Falls back to the file name.
 */
export function inferTitle(paragraphs: readonly WorkingParagraph[], fileName?: string): string {
  const first =
    paragraphs.find((p) => p.kind === 'body') ??
    paragraphs.find((p) => p.kind !== 'boilerplate' && p.kind !== 'byline');
  const opening = first ? openingWords(first) : '';
  if (opening !== '') return opening;
  const stem = fileName?.replace(/\.[^.]+$/u, '').trim();
  return stem || '(untitled)';
}

function openingWords(p: WorkingParagraph): string {
  let text = p.text.trim();
  text = text.slice(datelineLength(p.cue));
  text = text.replace(/^\s*[(（][^)）]{0,80}[)）]/u, '').replace(/^[\s,，。、;；:：!?！？)）\]】》”’]+/u, '');
  const clause = /^[^,，。!?！？;；:：]+/u.exec(text)?.[0] ?? '';
  const sentence = /^[^。!?！？]+[。!?！？]?/u.exec(text)?.[0] ?? '';
  const chosen = (hanCount(clause) >= 6 ? clause : sentence).trim();
  return [...chosen].length > maxLength ? [...chosen].slice(0, maxLength).join('') + '…' : chosen;
}
