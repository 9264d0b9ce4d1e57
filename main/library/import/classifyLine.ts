import type { ParagraphKind } from '../../../preload/contract/articleTypes';
import {
  datelineLength,
  hasCaptionCue,
  isChromeLine,
  isMetadataLine,
  isPhotoCreditLine,
  isUrlLine,
  withoutPhotoCredit,
  startsWithPersonScene,
} from './lineCues';
import { noiseReason } from './cleaning/noiseLines';
import { compact, endsSentence, hanCount, numberedPrefix } from './textPatterns';
import type { BlockRole } from './extractHtmlArticle';
import type { WorkingParagraph } from './workingParagraph';

export interface LineContext {
  /** The title, folded to simplified, without spaces and punctuation; '' when there is none. */
  titleCompact: string;
  /** The usual number of blank lines between paragraphs in this file. */
  typicalGap: number;
}

/**
 * The kind of one paragraph outside the head of the article, from the paragraph alone and its
 * layout: page furniture, attribution, a repeat of the title, headings, captions, else body.
 */
export function classifyLine(p: WorkingParagraph, context: LineContext, role?: BlockRole): ParagraphKind {
  const line = p.cue;
  if (line === '') return 'boilerplate';
  if (p.long) return isUrlLine(p.text.trim()) || noiseReason(line, true) ? 'boilerplate' : 'body'; // labels, headings and captions are short
  if (isPhotoCreditLine(line)) return 'caption';
  if (isChromeLine(line) || isUrlLine(line)) return 'boilerplate';
  if (role === 'link') return 'boilerplate'; // a short block of links: navigation, a related story
  if (datelineLength(line) > 0) return 'body'; // 东南网9月15日报道(记者 …): the story's first words
  if (isMetadataLine(line)) return 'byline';
  if (context.titleCompact !== '' && compact(line) === context.titleCompact) return 'boilerplate'; // the title again
  if (role === 'heading' && hasCaptionCue(line)) return 'caption'; // 图为…（X摄） set in bold
  if (p.markdownLevel !== null || role === 'heading') return 'heading';
  if (role === 'caption' || isCaption(p, line, context, role === undefined)) return 'caption';
  // A page's markup says which lines are headings; only text without markup is judged by shape.
  if (role === undefined && isHeading(line)) return 'heading';
  return 'body';
}

/** The line says the title again: whole, or its main part (a page prints 引题 and 主题 apart). */
export function repeatsTitle(line: string, titleCompact: string): boolean {
  const c = compact(line);
  if (titleCompact === '' || hanCount(c) < 4) return false;
  return c === titleCompact || (titleCompact.includes(c) && c.length * 2 >= titleCompact.length);
}

const quotes = /[“”‘’「」『』"]/u;
/** A bracketed picture credit at the end of a line: （图／翻摄画面）, （资料照）, （警方提供）. */
const creditNote = /(?:[(（][^()（）]{0,24}(图|摄|照|提供|画面)[^()（）]{0,24}[)）]|警方提供|翻摄画面)\s*$/u;
const colon = /[:：]/u;

/**
 * A photo caption: one sentence at most, with caption wording (图为…, …摄), or else short, with
 * no quotation and no colon (those make it a heading or speech), and either a layout hole around
 * it (more blank lines both sides than the file's usual gap: where the image was) or the shape
 * "people doing something somewhere" (民警在…, X在…). `byShape`: false for a saved page, whose
 * markup says where its pictures are: only caption wording counts there.
 */
function isCaption(p: WorkingParagraph, line: string, context: LineContext, byShape: boolean): boolean {
  const han = hanCount(line);
  // A credit may follow the caption's sentence: …已无生命迹象。（图／翻摄画面）
  const core = withoutPhotoCredit(line).replace(creditNote, '');
  if (han < 2 || han > 80 || /[。!?！？]./u.test(core)) return false; // long, or more than one sentence
  if (hasCaptionCue(line)) return true;
  if (!byShape) return false;
  if (han > 40 || quotes.test(line) || colon.test(line) || numberedPrefix.test(line)) return false;
  const hole = context.typicalGap + 2;
  if (han <= 25 && p.blankLinesBefore >= hole && p.blankLinesAfter >= hole) return true;
  return han >= 6 && han <= 30 && startsWithPersonScene(line);
}

const bullet = /^[▲△■□●○◆◇★☆▶►•·]/u;

/**
 * A section heading: a short line that is no sentence — no sentence-ending punctuation and no
 * trailing comma — or a numbered (01, 一、, (一)) or bulleted short line.
 */
function isHeading(line: string): boolean {
  const han = hanCount(line);
  if (han < 1 || /。/u.test(line)) return false;
  const last = line.at(-1) ?? '';
  if ((numberedPrefix.test(line) || bullet.test(line)) && han <= 40) return !/[;；,，、]/u.test(last);
  if (han > 30 || line.length > 45) return false;
  return !endsSentence(line) && !/[,，、:：;；]/u.test(last);
}
