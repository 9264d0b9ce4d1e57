/**
 * Publication dates as pages and texts write them, to YYYY-MM-DD: 2019-09-09 16:19,
 * 2019年06月15日08:18, 2019/3/6, 2018-07-31T08:19:35Z, and for Taiwanese text the ROC calendar
 * (民國108年3月6日, 108/03/06). The date is taken as written: a page's time zone is often wrong
 * (local time marked UTC), and the day a reader sees on the page is the day meant.
 */

const gregorian = /(?<!\d)(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)/u;
const rocLabelled = /(?:民國|民国)\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const rocNumeric = /(?<![\d/.-])(\d{2,3})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})(?![\d/.-])/u;

/** The longest text looked at: dates stand near the start of what they date. */
const maxScan = 2000;

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The first full date in `text`, as YYYY-MM-DD, or null. `taiwan`: the text is Taiwanese, so a
 * two- or three-digit year (108/03/06) is an ROC year; 民國 years are read in any text.
 */
export function parseDate(text: string, options: { taiwan?: boolean } = {}): string | null {
  const head = text.length > maxScan ? text.slice(0, maxScan) : text;
  const g = gregorian.exec(head);
  if (g) return isoDate(Number(g[1]), Number(g[2]), Number(g[3]));
  const roc = rocLabelled.exec(head) ?? (options.taiwan ? rocNumeric.exec(head) : null);
  return roc ? isoDate(Number(roc[1]) + 1911, Number(roc[2]), Number(roc[3])) : null;
}

/**
 * A line that dates the article: short, and its date is not part of a sentence (a headline in a
 * list with its date, an event in the story). Labels (发布时间：, 出版時間) and a source or
 * outlet after the date may stand with it: `2019-09-07 09:25:09 字号：A- 来源：观察者网`.
 */
export function dateLineDate(line: string, options: { taiwan?: boolean } = {}): string | null {
  const text = line.trim();
  if (text.length > 80 || /[。！？!?]/u.test(text)) return null;
  const date = parseDate(text, options);
  if (!date) return null;
  // The date must open the line, after at most a label or a short prefix (a site's address,
  // 原创 南方都市报): a headline then its date (…上了2019年10月20日) is a list entry.
  const at = text.search(/\d{2,4}\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)/u);
  const before = text.slice(0, Math.max(0, at));
  const labelled = /(时间|時間|日期|发布|發佈|發布|发表|發表|出版|更新|published|date)\s*[:：]?\s*$/iu.test(before);
  return labelled || before.replace(/\s/gu, '').length <= 24 ? date : null;
}
