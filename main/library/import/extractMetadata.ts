import type { ArticleMetadata } from '../../../preload/contract/articleTypes';
import { inferTitle } from './inferTitle';
import type { WorkingParagraph } from './workingParagraph';

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
  const attribution = paragraphs.filter((p) => p.kind === 'byline').map((p) => p.text);
  const furniture = paragraphs.filter((p) => p.kind === 'boilerplate').map((p) => p.text);
  const opening = paragraphs
    .filter((p) => p.kind === 'body')
    .slice(0, creditParagraphs)
    .map((p) => p.text);
  return {
    title: title || inferTitle(paragraphs, fileName),
    titleInferred: !title,
    subtitle: paragraphs.find((p) => p.kind === 'subtitle')?.text.trim() ?? null,
    source: firstMatch(attribution, findLabelledSource) ?? firstMatch(opening, findOutletCredit),
    author: firstMatch(attribution, findAuthor) ?? firstMatch(opening, findReporter),
    publishedAt: firstMatch(attribution, findDate),
    url: firstMatch([...attribution, ...furniture], findLabelledUrl) ?? firstMatch(attribution, findUrl),
  };
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
  return labelled(text, '来源|來源|出处|出處');
}

const anonymous = /^(佚名|未知|不详|不詳|匿名|本站|网络|網絡|admin)$/iu;
const personName = '[\\p{Script=Han}·]{2,4}';
const afterName = '(?=$|[\\s)）,，、;；]|通讯员|通訊員)';

/** An author: 作者: X, 文/X, a reporter credit, or a name standing right after the time in a CMS line. */
export function findAuthor(text: string): string | null {
  const named = labelled(text, '作者|撰文');
  if (named) return anonymous.test(named) ? null : named;
  const byText = new RegExp(`(?:^|\\s)文\\s*[/／|｜]\\s*(${personName})${afterName}`, 'u').exec(text)?.[1];
  const afterTime = new RegExp(`\\d{1,2}:\\d{2}(?::\\d{2})?\\s+(${personName})\\s`, 'u').exec(text)?.[1];
  return byText ?? findReporter(text) ?? afterTime ?? null;
}

export function findReporter(text: string): string | null {
  return new RegExp(`(?:记者|記者)\\s*(${personName})${afterName}`, 'u').exec(text)?.[1] ?? null;
}

const ownDesk = /^(本报|本報|本台|本网|本網|本刊|特约|特約|实习|實習)$/u;

/** The outlet of a dateline (东南网9月15日报道) or of a bracketed credit ((泉州晚报记者 …)). */
export function findOutletCredit(text: string): string | null {
  const dateline = /^\s*([^\s\d,，。:：(（]{2,12}?)\d{1,2}月\d{1,2}日(?:电|電|讯|訊|消息|报道|報道)/u.exec(text)?.[1];
  const credit = /[(（]([\p{Script=Han}]{2,12}?)(?:记者|記者)/u.exec(text)?.[1];
  for (const outlet of [dateline, credit]) if (outlet && !ownDesk.test(outlet)) return outlet;
  return null;
}

export function findDate(text: string): string | null {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/u.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
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
