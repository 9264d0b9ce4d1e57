import { noiseReason, opensFooter } from './cleaning/noiseLines';
import { endsSentence, isSpaceCode } from './textPatterns';

/**
 * Cue patterns for single lines, as web pages and newspapers print them. Every function takes
 * the line folded to simplified characters (foldToSimplified) and trimmed, so one pattern serves
 * both scripts. Patterns describe kinds of lines (navigation, attribution, legal footer), never
 * the words of one article.
 */

/** Navigation, sharing widgets, contact and legal lines of a web page. Only short lines qualify. */
const chrome: readonly RegExp[] = [
  /^欢迎(访问|来到|光临)/u,
  /(当前位置|当前所在|您的位置|你的位置|您现在的位置|所在位置)\s*[:：]/u,
  /首页\s*[>›»→/]/u,
  /ICP\s*(备|证)|公网安备|网安备/iu,
  /版权所有|copyright|©|\(c\)\s*\d{4}/iu,
  /免责声明|版权声明/u,
  /^(联系|监督|举报|服务|咨询|客服|值班)?电话\s*[:：]/u,
  /(邮箱|e-?mail|电子信箱)\s*[:：]/iu,
  /\bQQ\s*[:：]?\s*\d{5,}/iu,
  /违法和不良信息|不良信息举报|举报中心/u,
  /^【?\s*(字号|字体)\s*[:：]/u,
  /^([^\s|｜]{1,8}\s*[|｜]\s*){2,}[^\s|｜]{1,8}$/u, // a menu: 首页 | 国内 | 国际
  /(主办|承办|主管|协办)(单位)?\s*[:：|｜]|\s(主办|主管)$/u,
  /(浏览|阅读|点击)(次数|量|数)?\s*[:：]\s*\d/u,
];

/** Page furniture: the patterns above, or a widget, notice or editor line (cleaning/noiseLines). */
export function isChromeLine(line: string): boolean {
  if (line.length > 120) return false;
  let known = recentChromeAnswers.get(line);
  if (known === undefined) {
    known = chrome.some((re) => re.test(line)) || (isWidgetLabel(line) && !isSentence(line)) || noiseReason(line) !== null;
    if (recentChromeAnswers.size >= recentAnswersKept) recentChromeAnswers.clear();
    recentChromeAnswers.set(line, known);
  }
  return known;
}

/**
 * isChromeLine's answers for the lines asked last: an article's head lines are asked up to three
 * times (findBodyStart, classifyHead, classifyLine), and the some 40 patterns were a tenth of an
 * import's parse. Few are kept: only the repeats within an article matter.
 */
const recentChromeAnswers = new Map<string, boolean>();
const recentAnswersKept = 64;

/** Widget and app words: page chrome on a label, but a sentence may name them (请通过…客户端购票。). */
const widgetLabel = /微信|公众号|客户端|扫一扫|扫码|二维码|分享到|打印本页|关闭窗口|收藏本页|返回顶部|返回首页/u;

function isWidgetLabel(line: string): boolean {
  return widgetLabel.test(line);
}

/** Two clauses or more, closed by sentence punctuation: running text, not a label. */
function isSentence(line: string): boolean {
  return endsSentence(line) && /[，,；;]/u.test(line);
}

/** Lines that open a page's footer: from such a line on, nothing is the article any more. */
export function isFooterStart(line: string): boolean {
  return opensFooter(line);
}

/**
 * A photo credit standing for its picture: 图片来源：X, 摄影：X, 故宫博物院供图, 记者X／翻摄. Shown
 * quietly as a caption, even when it carries a rights note (版权作品 请勿转载).
 */
export function isPhotoCreditLine(line: string): boolean {
  if (line.length > 40) return false;
  return /^(图片来源|图源|图片|摄影|图)\s*[:：/／]/u.test(line) || /^[^\s。，,]{0,16}(供图|翻摄|摄)\s*$/u.test(line);
}

const urlOnly = /^(?:[^\s:：]{1,8}[:：]\s*)?(?:https?:\/\/|www\.)\S+$/iu;

/** A line that is a URL, possibly behind a short label (原文链接: http://…). */
export function isUrlLine(line: string): boolean {
  return urlOnly.test(line);
}

const metadataLabel =
  /(来源|作者|时间|发布时间|发布日期|发表时间|更新时间|日期|责任编辑|编辑|责编|校对|审核|记者|通讯员|撰文|摄影|供稿|出处|译者|翻译|编译)\s*[:：/／]/u;
const dateTime = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}/u;
const reporterCredit = /^(本报|本台|本网|本刊)?(特约)?(记者|通讯员|实习生)\s*\S/u;
const authorCredit = /^(文|图|文\/图|文图|撰文|作者)\s*[/／|｜:：]\s*\S/u;

/** Attribution: source, author, time, editor, reporter credits. Short, not a sentence. */
export function isMetadataLine(line: string): boolean {
  if (line.length > 120 || /。/u.test(line)) return false;
  return metadataLabel.test(line) || dateTime.test(line) || reporterCredit.test(line) || authorCredit.test(line);
}

/**
 * A dateline, 东南网9月15日报道 or 本报讯: the opening of a news story's first paragraph.
 * Returns the length of the dateline, 0 when there is none.
 */
export function datelineLength(line: string): number {
  const m =
    /^[^\s,，。:：]{0,16}?(\d{4}年)?\d{1,2}月\d{1,2}日(电|讯|消息|报道|专电|快讯)/u.exec(line) ??
    /^(本报|本台|本网|本刊)(讯|消息)/u.exec(line) ??
    /^[【[]\s*[^】\]]{1,20}[】\]](?=\S)/u.exec(line);
  return m ? m[0].length : 0;
}

/** A photographer's credit closing a caption: （记者 张三 摄）, 新华社记者 李刚 摄, 供图. */
const photoCredit = /[(（]?[^\s。!?！？]{0,12}(\s|记者|通讯员)\S{0,6}\s*摄\s*[)）]?\s*$|\S{0,12}供图\s*[)）]?\s*$/u;

/**
 * Whether the line ends the way every photo credit ends (…摄 or …供图, then at most a closing
 * bracket and spaces). A backward scan of a few characters: photoCredit itself is tried at
 * every position of the line, with nested quantifiers, so it only runs on lines that pass this.
 */
function endsLikePhotoCredit(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && isSpaceCode(line.charCodeAt(i))) i--;
  if (line[i] === ')' || line[i] === '）') i--;
  while (i >= 0 && isSpaceCode(line.charCodeAt(i))) i--;
  return line[i] === '摄' || (line[i] === '图' && line[i - 1] === '供');
}

/** The line without a photographer's credit at its end (the credit may follow the caption's sentence). */
export function withoutPhotoCredit(line: string): string {
  return endsLikePhotoCredit(line) ? line.replace(photoCredit, '') : line;
}

function hasPhotoCredit(line: string): boolean {
  return endsLikePhotoCredit(line) && photoCredit.test(line);
}

/** Explicit photo-caption wording: 图为…, 图片来源, （图…）, 记者 X 摄, 资料图. */
export function hasCaptionCue(line: string): boolean {
  return (
    /^(图为|图\s*[:：]|图片\s*[:：]|图片来源|图源|资料图|视频截图|▲\s*图)/u.test(line) ||
    /[(（]\s*(图|摄|资料图|资料照|图片)[^)）]{0,20}[)）]\s*$/u.test(line) ||
    /[。！？](警方提供|翻摄画面)\s*$/u.test(line) || // a sentence, then who gave the picture
    /摄影\s*[:：]/u.test(line) ||
    hasPhotoCredit(line)
  );
}

/** People that news photos show, as generic role nouns (no names, nothing of one article). */
const roles =
  '民警|辅警|警察|警员|交警|特警|刑警|干警|消防员|消防救援人员|记者|工作人员|志愿者|医生|护士|医护人员|村民|市民|居民|游客|学生|小朋友|孩子们|群众|队员|党员|干部|老人|师生|官兵|选手|运动员|嘉宾|执法人员|网格员|工人|农民|代表';
const roleNear = new RegExp(`^[^，,。:：\\s]{0,5}(${roles})`, 'u');
const someoneAt = /^\p{Script=Han}{2,5}在\p{Script=Han}/u;

/**
 * A caption-shaped line: a person-role word in the first few characters (民警在夜市巡逻，…), or
 * one clause of "someone 在 somewhere doing something" (小许在社区向群众了解情况).
 */
export function startsWithPersonScene(line: string): boolean {
  return roleNear.test(line) || (someoneAt.test(line) && !/[,，;；]/u.test(line));
}
