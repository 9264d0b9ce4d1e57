import type { ArticleMetadata } from '../../../preload/contract/articleTypes';
import { countScriptChars } from './detectScript';
import { inferTitle } from './inferTitle';
import { findBylineAuthor, isPersonName } from './metadata/bylines';
import { dateLineDate, parseDate } from './metadata/dates';
import { findSourceLine } from './metadata/sourceLines';
import type { WorkingParagraph } from './workingParagraph';

const maxAttribution = 40;

/** How many body paragraphs from the top may still carry the dateline or reporter credit. */
const creditParagraphs = 3;

/**
 * Title, subtitle, source, author, date and URL. Labelled values (来源: 作者: 时间: 原文链接:) in
 * the attribution lines come first; then what the story's opening says (the dateline's outlet,
 * the reporter in 记者 X). Dates are taken from attribution only, never from the story, where
 * dates are events. Patterns list both scripts.
 */
export function extractMetadata(paragraphs: readonly WorkingParagraph[], fileName?: string): ArticleMetadata {
  const title = paragraphs.find((p) => p.kind === 'title')?.text.trim();
  // The first attribution lines are the article's; a text of thousands of them is not one to read them all in.
  const attribution = paragraphs
    .filter((p) => p.kind === 'byline')
    .slice(0, maxAttribution)
    .map((p) => p.text);
  const furniture = paragraphs.filter((p) => p.kind === 'boilerplate').map((p) => p.text);
  const opening = paragraphs
    .filter((p) => p.kind === 'body')
    .slice(0, creditParagraphs)
    .map((p) => p.text);
  const closing = closingCredits(paragraphs);
  const sourceInAttribution = firstMatch(attribution, findLabelledSource);
  return {
    title: title || inferTitle(paragraphs, fileName),
    titleInferred: !title,
    subtitle: paragraphs.find((p) => p.kind === 'subtitle')?.text.trim() ?? null,
    source:
      sourceInAttribution ??
      firstMatch(
        paragraphs
          // A dateline standing with the headline (南方网讯 …) may have been taken for a heading.
          .filter((p) => p.kind === 'body' || p.kind === 'heading')
          .slice(0, datelineParagraphs)
          .map((p) => p.text),
        findOutletCredit,
      ) ??
      firstMatch(closing, findPrintEdition) ??
      firstMatch(closing, findLabelledSource),
    author:
      mostNames(attribution, findAuthor) ??
      firstMatch(opening, findReporter) ??
      firstMatch(
        headLines(paragraphs).filter((line) => line.length <= maxCreditLength),
        findBylineAuthor,
      ) ??
      mostNames(closing, findClosingAuthor),
    publishedAt:
      firstMatch(attribution, (text) => parseDate(text, { taiwan: isTraditional([...attribution, ...opening]) })) ??
      firstMatch(headLines(paragraphs), (text) => dateLineDate(text)) ??
      firstMatch(closing, findPrintEditionDate),
    url: firstMatch([...attribution, ...furniture], findLabelledUrl) ?? firstMatch(attribution, findUrl),
  };
}

/**
 * How many paragraphs after the title a date line or a credit line of its own may stand in (a
 * clip's `- 2025-05-13` list item, `整理 | X、Y` after the player's residue).
 */
const headParagraphs = 12;

/** The first paragraphs after the title, each as its first line: where a clip or a page keeps its date line. */
function headLines(paragraphs: readonly WorkingParagraph[]): string[] {
  const at = paragraphs.findIndex((p) => p.kind === 'title');
  return paragraphs
    .slice(at + 1, at + 1 + headParagraphs)
    .filter((p) => p.kind !== 'boilerplate')
    .map((p) => p.text.split('\n')[0] ?? '');
}

/** Traditional script: a Taiwanese text, whose 108/03/06 is an ROC date. */
function isTraditional(texts: readonly string[]): boolean {
  const { traditional, simplified } = countScriptChars(texts);
  return traditional > simplified;
}

/** How many paragraphs at the end may be the story's closing credits ((信报记者 X), 来源: X, the print edition). */
const closingParagraphs = 8;
const maxCreditLength = 60;

/** How many body paragraphs from the top may open with the outlet's dateline (南方网讯 …), after captions and a lead-in. */
const datelineParagraphs = 8;

/**
 * The short paragraphs at the end of the text, last first: where copy-pastes keep the credits;
 * and a credit in brackets closing the last paragraph (…定期获得信息交流。(信报记者 蔡雪婧)).
 */
function closingCredits(paragraphs: readonly WorkingParagraph[]): string[] {
  const last = paragraphs
    .filter((p) => p.kind !== 'title' && p.text.trim() !== '')
    .slice(-closingParagraphs)
    .map((p) => p.text.trim());
  const bracketed = /[(（]([^()（）]{2,30})[)）]\s*$/u.exec(last[last.length - 1] ?? '')?.[0];
  const short = last.filter((text) => text.length <= maxCreditLength).reverse();
  return bracketed ? [bracketed, ...short] : short;
}

/** Of the credits the lines give, the one naming most people (作者：X 返回… cut one name that 采写：记者 X Y gives whole). */
function mostNames(texts: readonly string[], find: (text: string) => string | null): string | null {
  let best: string | null = null;
  for (const text of texts) {
    const found = find(text);
    if (found && (!best || found.split('、').length > best.split('、').length)) best = found;
  }
  return best;
}

/** A closing credit's author: a reporter credit, or a person a 来源 line names (来源: 尹娟), as old portals signed stories. */
function findClosingAuthor(text: string): string | null {
  const credited = findBylineAuthor(text);
  if (credited) return credited;
  const named = findSourceLine(text);
  return named && isPersonName(named) ? named : null;
}

/** 《光明日报》（ 2022年02月13日 02版）: the paper a story was printed in, and the day. */
const printEdition =
  /^《([^》]{2,20})》\s*[(（]\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[^)）]{0,12}(?:版|版面)\s*[)）]$/u;

function findPrintEdition(text: string): string | null {
  return printEdition.exec(text)?.[1] ?? null;
}

function findPrintEditionDate(text: string): string | null {
  const m = printEdition.exec(text);
  return m ? parseDate(m[2]!) : null;
}

function firstMatch(texts: readonly string[], find: (text: string) => string | null): string | null {
  for (const text of texts) {
    const found = find(text);
    if (found) return found;
  }
  return null;
}

const valueEnd = '[^\\s|｜,，;；:：/／]';

/** Labels run together without a space (作者:佚名时间:…): a value ends where the next label starts. */
const nextLabel = /(?:时间|時間|日期|来源|來源|作者|发布|發佈|编辑|編輯|责任|責任|点击|點擊|浏览|瀏覽)/u;

function labelled(text: string, labels: string): string | null {
  const value = new RegExp(`(?:${labels})\\s*[:：/／]\\s*(${valueEnd}{2,30})`, 'u').exec(text)?.[1];
  const cut = value?.split(nextLabel)[0];
  return cut && cut.length >= 2 ? cut : null;
}

export function findLabelledSource(text: string): string | null {
  const outlet = findSourceLine(text);
  return outlet && !isPersonName(outlet) ? outlet : null;
}

const personName = '[\\p{Script=Han}·]{2,4}';

/** An author: 作者: X, 文/X, a reporter credit, or a name standing right after the time in a CMS line. */
export function findAuthor(text: string): string | null {
  const credited = findBylineAuthor(text);
  if (credited) return credited;
  const named = labelled(text, '作者|撰文');
  if (named) return isPersonName(named) ? named : null;
  const afterTime = new RegExp(`\\d{1,2}:\\d{2}(?::\\d{2})?\\s+(${personName})\\s`, 'u').exec(text)?.[1];
  return afterTime && isPersonName(afterTime) ? afterTime : null;
}

/** A reporter credited in the story's opening: 新华社北京1月2日电(记者 张三). */
export function findReporter(text: string): string | null {
  return findBylineAuthor(text);
}

const ownDesk = /^(本报|本報|本台|本网|本網|本刊|特约|特約|实习|實習)$/u;

/** The outlet of a dateline (东南网9月15日报道) or of a bracketed credit ((泉州晚报记者 …)). */
export function findOutletCredit(text: string): string | null {
  const dateline = /^\s*([^\s\d,，。:：(（]{2,12}?)\d{1,2}月\d{1,2}日(?:电|電|讯|訊|消息|报道|報道)/u.exec(text)?.[1];
  const credit = /[(（]([\p{Script=Han}]{2,12}?)(?:记者|記者)/u.exec(text)?.[1];
  // 南方网讯 …: an outlet's own dateline without a date.
  const own = /^\s*(\p{Script=Han}{2,8}?(?:网|網|报|報|社|台))(?:讯|訊)(?=[\s\u3000,，])/u.exec(text)?.[1];
  for (const outlet of [dateline, credit, own]) if (outlet && !ownDesk.test(outlet)) return outlet;
  return null;
}

export function findDate(text: string): string | null {
  return parseDate(text);
}

const url = /(?:https?:\/\/|www\.)[^\s"'<>，。；）)]+/iu;

export function findLabelledUrl(text: string): string | null {
  const m =
    /(?:原文链接|原文鏈接|原文地址|原文网址|原文網址|来源链接|來源鏈接|本文链接|本文鏈接|链接|鏈接|网址|網址|url)\s*[:：]\s*/iu.exec(
      text,
    );
  return m ? findUrl(text.slice(m.index + m[0].length)) : null;
}

export function findUrl(text: string): string | null {
  return url.exec(text)?.[0].replace(/[.,;:!?]+$/u, '') ?? null;
}
