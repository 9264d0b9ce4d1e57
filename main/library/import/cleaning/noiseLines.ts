/**
 * Lines a news page adds around the story, by kind, as pages in both scripts print them. Every
 * function takes the line folded to simplified (foldToSimplified) and trimmed, like lineCues.
 * Patterns describe kinds of lines (widgets, notices, editor lines), never one site's words.
 */

/** Why a line is hidden, in the reader's terms (see the reader's catalogs). */
export type NoiseReason = 'page-chrome' | 'related-links' | 'editorial-note' | 'site-notice';

/** The longest line a widget, notice or editor line is; longer ones are running text. */
const shortLine = 120;

/** Brackets a page puts around a note: 【编辑:X】, （责任编辑：X）. */
const wrapped = /^[(（【[〔]\s*(.*?)\s*[)）】\]〕]$/u;
/** "Back to the site, see more", which portals glue onto the last line of a story. */
const backToSite = /\s*返回\S{1,8}[，,]?\s*查看更多\s*$/u;
/**
 * The line without that tail. Looked for only in lines that have 查看更多: the pattern, open at
 * its start, is tried at every place of every line, a twentieth of cleaning's time on the bench.
 */
function withoutBackToSite(line: string): string {
  return line.includes('查看更多') ? line.replace(backToSite, '') : line;
}

function unwrap(line: string): string {
  const m = wrapped.exec(line);
  return m ? m[1]! : line;
}

/** Editor lines (责任编辑：X, 【编辑:X】, 松花江网编辑 X, 校对：X) and 原标题 lines. */
const editorLine =
  /^(\S{0,8}编辑|责编|校对|审校|审核|审稿|终审|复审|编审|监制|统筹|美编|值班主任)(\s*[:：/／]\s*|\s+|$)([^\s:：。，,；;]{1,8}(\s+[^\s:：。，,；;]{1,8}){0,3})?$/u;
const originalTitle = /^原(标)?题\s*[:：]/u;

export function isEditorialNote(line: string): boolean {
  if (line.length > 60) return false;
  const core = unwrap(withoutBackToSite(line)).trim();
  return editorLine.test(core) || originalTitle.test(core);
}

/** The editor line a portal closes its story with (责任编辑：X, 【编辑:X】): what follows is end matter. */
export function closesStory(line: string): boolean {
  if (line.length > 60) return false;
  return editorLine.test(unwrap(withoutBackToSite(line)).trim());
}

/** A line that is a date alone (2019-09-07, 2019年9月7日 09:27): in a list, the date of a linked story. */
export function isBareDate(line: string): boolean {
  return /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?$/u.test(line);
}

/** Words of share, comment, font-size and counter widgets. */
const widgetWords =
  /分享到|分享至|转播到|推荐到|收藏本页|分享|转发|转播|转载|收藏|点赞|评论|留言|打印|举报|回复|关闭|腾讯微博|新浪微博|微博|微信|朋友圈|qq空间|qzone|facebook|twitter|line|plurk|字号|字体|放大|缩小|默认|正常|人参与|参与|a\+|a-|[:：|｜\s\d]/giu;

/**
 * A line made of widget words only (分享到 微博 微信, 4060 转发 微博 Qzone, 1032人参与308评论,
 * 打印 字体：放大 正常 缩小, A- A A+): at least two widget words, or one share word, and little else.
 */
function isWidgetLine(line: string): boolean {
  if (line.length > 60) return false;
  const found = line.match(widgetWords)?.filter((w) => !/^[:：|｜\s\d]$/u.test(w)).length ?? 0;
  const left = line.replace(widgetWords, '').replace(/[\p{P}\p{S}]/gu, '');
  if (/^(分享到|分享至|转播到|推荐到)/u.test(line)) return left.length <= 12;
  if (/^(分享|facebook|twitter|line)$/iu.test(line)) return true;
  return found >= 2 && left.length <= Math.max(2, line.length * 0.3);
}

const chrome: readonly RegExp[] = [
  /^([^>›»\s]{1,12}\s*[>›»]\s*){2,}[^>›»]{0,16}$/u, // breadcrumb: 资讯 > 社会 > 正文
  /举报\s*赞\s*\d*\s*回复\s*$/u, // the action row of a reader's comment
  /(本文)?字数\s*[:：]\s*\d|阅读(完|全文)?(需要?|时间)\s*[:：]|预计阅读|时长\s*[:：]\s*\d{1,2}:\d{2}/u,
  /^\d{1,2}:\d{2}(\s*\/\s*\d{1,2}:\d{2})?$/u, // a media player's clock: 00:00/00:00
  /滑动看下一个|^轻点两下|^轻点一下|^暂无评论$|^写留言$|^阅读原文$/u,
  /^[*\s]*[—–\-=_~·]{3,}\s*\/?\s*[^—–\-=_~]{0,12}?\s*\/?\s*[—–\-=_~·]{3,}[*\s]*$/u, // ———— / END / ————
  /^(文章)?关键(词|字)\s*[:：]|^(标签|tag|tags)(列表)?\s*[:：]?$/iu,
  /^(当前位置|您的位置|你的位置|所在位置)/u,
  /^(更多|查看更多|more)\s*[>»›]*$/iu, // a box's link to more of the same
];

const related: readonly RegExp[] = [
  /^(此前报道|相关报道|相关阅读|相关新闻|相关链接|点击进入专题|进入专题|专题)\s*[:：]/u,
  /^视频\s*[-－:：|｜]\s*\S/u, // a video link: 视频-…
  /【\s*点击\S{1,6}\s*】|^(点击|长按|扫码|扫描二维码)\S{0,10}(关注|下载|订阅|投票|查看|进入|阅读)/u,
  /发送\s*\S{1,10}\s*到\s*\d{3,}/u, // SMS advertising: 发送GP到6666
];

/**
 * A short line of several short pieces set apart by tabs or middle dots (· 医疗关注--前列腺新发现
 * · 皮肤顽疾----康复圣地; 光纤到户理想合作伙伴<TAB>伊利液态奶销售额领先): an advert or link block.
 */
function isLinkBlock(line: string): boolean {
  if (line.length > 80 || /[。！？!?]/u.test(line)) return false;
  const pieces = line
    .split(/\t+|\s+[·•]\s+|^[·•★]\s*|\s★/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  // Dots set apart by spaces: a dot inside a name (萨塔·胡伊克, 顶端新闻·河南商报) joins words.
  return pieces.length >= 2 && pieces.every((s) => [...s].length <= 20) && /\t|\s[·•]\s|^[·•★]|\s★/u.test(line);
}

const notices: readonly RegExp[] = [
  /ICP\s*(备|证)|公网安备|网安备|许可证|网站标识码|不良信息举报|违法和不良信息|举报中心|免责声明|版权声明/iu,
  /版权所有|原创版权|版权归|禁止(商业)?转载|未经(书面)?(授权|许可)|请勿转载|授权\s*>>|all rights reserved|copyright|©/iu,
  /^(联系|监督|举报|服务|咨询|客服|值班|新闻|报料|爆料|投稿|订阅|读者|发行)?(电话|热线)\s*[:：]/u,
  /(热线|电话)\s*[:：]?\s*[\d\-－() （）]{7,}$/u,
  /(地址|办公区|社址|邮编)\s*[:：]|(邮箱|e-?mail|电子信箱)\s*[:：]/iu,
  /(新闻|报料|爆料)热线|订阅(电话|热线|方式)/u,
];

/** Notices that may open a longer paragraph: subscription and membership appeals. */
const appeal = /^(请|欢迎|敬请|建议您)?\S{0,4}(加入|成为|订阅)\S{0,14}(订户|会员|会員)|您所浏览的\S{0,8}已过/u;

/**
 * Why the line is page noise, or null when it is not. `long`: the line is running text, and
 * `line` only its opening, where only an appeal to subscribe is recognised.
 */
export function noiseReason(cue: string, long = false): NoiseReason | null {
  // Markdown emphasis and list marks around a line (** 轻点一下…, - 联系我们) say nothing of its kind.
  const line = cue.replace(/^(?:[*_#>\s]|[-+](?=\s))+|[*_\s]+$/gu, '');
  if (line === '') return null;
  if (long) return appeal.test(line) ? 'site-notice' : null;
  if (line.length > shortLine) return null;
  if (isEditorialNote(line)) return 'editorial-note';
  if (isWidgetLine(line) || chrome.some((re) => re.test(line))) return 'page-chrome';
  if (line.includes('查看更多') && backToSite.test(line)) return 'page-chrome';
  if (related.some((re) => re.test(line)) || isLinkBlock(line)) return 'related-links';
  if (notices.some((re) => re.test(line)) || appeal.test(line)) return 'site-notice';
  return null;
}

/**
 * Lines that open the end matter (related stories, comments, a notice): from such a line on,
 * nothing is the article any more. Decoration around the words (**———— / 推荐阅读 / ————**)
 * does not matter; the words must be the whole line.
 */
const footerOpening =
  /^(免责声明|版权声明|相关(文章|阅读|新闻|推荐|链接|报道)|推荐阅读|延伸阅读|猜你喜欢|热门(文章|推荐|新闻)|最新评论|网友评论|发表评论|我要评论|上一篇|下一篇)/u;
/** Block titles that open the end matter only when they are the whole line (图集 but not 图集显示…). */
const footerTitle = /^(延伸\s*[·・•]?\s*(推荐|阅读)|图集|相关图集|更多(新闻|精彩|推荐|阅读)|往期(回顾|推荐|精选))$/u;

export function opensFooter(line: string): boolean {
  const core = line.slice(...footerCore(line));
  // 相关新闻：… may run on with the first headline.
  return footerOpening.test(core) || footerTitle.test(core);
}

/** Decoration before a footer's words, and after them. */
const leadingDecoration = /^[\s*#>[【(（《—–\-=_~·/|｜]*/u;
const trailingDecoration = /[\s*\]】)）》—–\-=_~·/|｜:：]/u;

/**
 * [from, to) of the line without its decoration: what replacing /^[lead]+|[trail]+$/gu with ''
 * leaves (the trailing run starts after the leading one). The trailing run is found from the
 * end: that pattern, open at its start, was tried at every place of every line.
 */
function footerCore(line: string): [number, number] {
  const from = leadingDecoration.exec(line)![0].length;
  let to = line.length;
  while (to > from && trailingDecoration.test(line[to - 1]!)) to--;
  return [from, to];
}
