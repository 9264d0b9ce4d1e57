/**
 * The outlet a line names: 来源：X, 來源：X, 稿源：X, 出处：X, `来源：[ 人民网 ]`, or what stands
 * after a date on a page's date line (`2018年12月28日 19:55 新京报`, `原创 南方都市报 2019-09-09`).
 * A picture's source (图片来源, 图源) or material's (素材来源) is not the article's.
 */

const label =
  /(?<!图片|圖片|素材|图|圖|视频|視頻|资料|資料)(?:来源|來源|稿源|出处|出處|转自|轉自|转载自|轉載自)\s*[:：]\s*/u;
const outletText = /^[[【(（《]?\s*([^\s[\]【】(（)）》|｜,，;；:：]{2,24})/u;
const notOutlet = /^(网络|網絡|互联网|互聯網|本站|未知|不详|不詳|null|none)$/iu;
const nextLabel =
  /(?:时间|時間|日期|作者|发布|發佈|编辑|編輯|责任|責任|点击|點擊|浏览|瀏覽|参与|參與|字号|字號|记者|記者)/u;

function outlet(text: string): string | null {
  const m = outletText.exec(text);
  const value = m?.[1]?.split(nextLabel)[0]?.trim();
  return value && [...value].length >= 2 && !notOutlet.test(value) ? value : null;
}

/** The outlet a 来源/來源/稿源 label names, or null. */
export function findSourceLine(line: string): string | null {
  const text = line.length > 300 ? line.slice(0, 300) : line;
  const m = label.exec(text);
  return m ? outlet(text.slice(m.index + m[0].length)) : null;
}

/**
 * The outlet named beside the date on a date line (2018年12月28日 19:55 新京报; 原创 南方都市报
 * 2019-09-09 16:01:46), or null. `line` must already be known to be a date line.
 */
export function outletBesideDate(line: string): string | null {
  const text = line.trim();
  const date =
    /\d{4}\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?/u.exec(text);
  if (!date) return null;
  const after = text.slice(date.index + date[0].length).trim();
  const before = text
    .slice(0, date.index)
    .replace(/^(原创|原創|首发|首發)\s*/u, '')
    .trim();
  for (const side of [after, before]) {
    if (side === '' || /[:：]/u.test(side) || /https?:|www\./iu.test(side)) continue;
    if (/^[\p{Script=Han}《》]{2,16}$/u.test(side)) return side;
  }
  return null;
}
