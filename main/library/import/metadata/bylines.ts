import { startsWithSurname } from './surnames';

/**
 * Authors from the lines that credit them: 本报记者 X, 记者X／Y報導, 【X╱台南報導】, 文／X,
 * （记者 X 通讯员 Y）, 作者：X, 撰文：X, 采写：南都记者 X Y. Editors (责任编辑, 编辑, 校对) and
 * photographers (X 摄, 翻攝, 图片来源, 供图) are never authors: a credit that ends in a photo
 * word gives none. Patterns list both scripts.
 */

/**
 * One Chinese personal name: two to four Han characters (a middle dot allowed, for
 * transliterations), standing alone: followed by no more Han text unless a role word. Words that
 * open a clause (记者了解到, 记者在现场) are not names.
 */
const clauseStart =
  '了在从從对對近获獲发發注看采採走来來日昨今也又还還就都将將已曾正为為与與是把被让讓给給等随隨这這那';
const nameEnd = '(?=$|[^\\p{Script=Han}]|摄|攝|翻|通讯员|通訊員|实习生|實習生)';
const name = `(?![${clauseStart}])\\p{Script=Han}{2,4}?(?:·\\p{Script=Han}{1,6})?${nameEnd}`;
/** How much of a line a credit is looked for in: credits are short, and stand at a paragraph's start or end. */
const maxCreditScan = 160;

/** Names in a row (at most six), apart by spaces, 、, ，, 和 or 及. */
const names = `${name}(?:\\s*[、，,和及]\\s*${name}|\\s+${name}){0,5}`;

/** Words that end a run of names: the next role, a place's report, a photo credit. */
const roleWords = /(通讯员|通訊員|实习生|實習生|见习|見習|摄影|攝影|编辑|編輯|校对|校對|报道|報導|報道|报导)/u;
const photoAfter = /^\s*(?:[/／╱]\s*)?(?:摄|攝|翻摄|翻攝|图|圖|供图|供圖|摄影|攝影)(?![\p{Script=Han}/／|｜:：])/u;

const editorLine =
  /(责任编辑|責任編輯|责编|責編|编辑|編輯|校对|校對|审核|審核|审校|審校|监制|監製|美编|美編)\s*[:：/／]?\s*$/u;

/** Whether a credit is one a reader would not call the author (an editor or a photographer). */
function isNotAuthorRole(before: string): boolean {
  return editorLine.test(before) || /(图片来源|圖片來源|图片|圖片|摄影|攝影)\s*[:：]?\s*$/u.test(before);
}

function cleanNames(run: string, needSurname: boolean): string | null {
  const cut = run.split(roleWords)[0] ?? '';
  const list = cut
    .split(/\s*(?:[、，,]|\s|和|及)\s*/u)
    .map((n) => n.trim())
    .filter((n) => n.length >= 2 && !anonymous.test(n) && !organisation.test(n))
    .filter((n) => !needSurname || n.includes('·') || startsWithSurname(n));
  if (list.length === 0) return null;
  // A "name" of more than three characters standing alone is as likely a place or a phrase.
  if (list.length === 1 && [...list[0]!].length > 3 && !list[0]!.includes('·')) return null;
  return list.join('、');
}

interface Credit {
  pattern: RegExp;
  /** The capture group holding the names. */
  group: number;
  /**
   * Whether each name must start with a surname: after a bare 记者 the words may be the sentence's
   * (记者介绍), while after 作者：, 整理 | or 文／ they are the credit's, pen names included.
   */
  surname: boolean;
}

const credits: readonly Credit[] = [
  // 作者：X Y / 撰文：X / 采写：南都记者 X Y / 文：X
  {
    pattern: new RegExp(
      `(?:作者|撰文|採寫|采写|文字|执笔|執筆|整理)\\s*[:：|｜]\\s*(?:\\S{0,8}?(?:记者|記者)\\s*)?(${names})`,
      'u',
    ),
    group: 1,
    surname: false,
  },
  // 文／X, 文/X, 【文/观察者网专栏作者 王文】
  {
    pattern: new RegExp(`(?:^|[\\s【\\[(（])文\\s*[/／|｜]\\s*(?:\\S{0,12}?(?:作者|记者|記者)\\s*)?(${names})`, 'u'),
    group: 1,
    surname: false,
  },
  // 记者X／台北報導, 【李恩慈╱台南報導】, （湯寶隆／高雄報導）
  {
    pattern: new RegExp(
      `(?:^|[\\s【\\[(（〔]|记者|記者)(${names})\\s*[/／╱]\\s*\\p{Script=Han}{0,8}(?:报道|報導|報道|报导)`,
      'u',
    ),
    group: 1,
    surname: true,
  },
  // 本报记者 X, 新京报记者 彭冲 山东冠县报道, （记者 X 通讯员 Y）
  { pattern: new RegExp(`(?:记者|記者)\\s*(${names})`, 'u'), group: 1, surname: true },
];

/** The author(s) a credit line names, joined by 、; null when it names none (or only an editor or photographer). */
export function findBylineAuthor(line: string): string | null {
  if (line.length <= maxCreditScan) return creditIn(line);
  return creditIn(line.slice(0, maxCreditScan)) ?? creditIn(line.slice(-maxCreditScan));
}

function creditIn(text: string): string | null {
  for (const { pattern, group, surname } of credits) {
    const m = pattern.exec(text);
    if (!m) continue;
    const before = text.slice(0, m.index + (m[0].length - (m[group]?.length ?? 0)));
    const after = text.slice(m.index + m[0].length);
    if (isNotAuthorRole(before.replace(/\S{0,12}(?:记者|記者)\s*$/u, '')) || photoAfter.test(after)) continue;
    const found = cleanNames(m[group] ?? '', surname);
    if (found) return found;
  }
  return null;
}

const anonymous = /^(佚名|未知|不详|不詳|匿名|本站|网络|網絡|网友|網友|admin|unknown|null|none)$/iu;
const organisation =
  /(网|網|社|报|報|台|站|刊|中心|部|组|組|频道|頻道|新闻|新聞|传媒|傳媒|日报|日報|公司|集团|集團|杂志|雜誌)$/u;

/**
 * Whether a value a page gives as its author (meta name=author, JSON-LD author) reads as a
 * person's name: not an outlet (三立新聞網, 中央通訊社), a URL, an e-mail placeholder or a site id.
 */
export function isPersonName(value: string): boolean {
  const text = value.trim();
  if (text === '' || text.length > 40 || anonymous.test(text)) return false;
  if (/[@/\\:<>{}]|https?|www\./iu.test(text)) return false;
  const parts = text.split(/\s*[、，,;；]\s*|\s+/u).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > 6) return false;
  const han = parts.every(
    (p) => /^\p{Script=Han}{2,4}(?:·\p{Script=Han}{1,6})?$/u.test(p) && !organisation.test(p) && startsWithSurname(p),
  );
  // A Latin-script name has at least two capitalised words (Jane Doe), never one lower-case id.
  const latin = /^[A-Z][\p{L}'.-]+(?:\s+[A-Z][\p{L}'.-]+)+$/u.test(text);
  return han || latin;
}
