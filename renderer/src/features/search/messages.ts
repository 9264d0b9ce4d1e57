import type { Catalog } from '../../i18n/locales';

export type SearchMessage =
  | 'panel'
  | 'searchLabel'
  | 'placeholder'
  | 'onlyThisArticle'
  | 'tagFilter'
  | 'anyTag'
  | 'close'
  | 'searching'
  | 'noHits'
  | 'shownOf'
  | 'shownOfMore'
  | 'results'
  | 'noteHit'
  | 'commentHit'
  | 'archivedHit'
  | 'paragraphNumber'
  | 'jumpLabel'
  | 'tagEveryHit'
  | 'autocodeTitle'
  | 'autocodeTag'
  | 'autocodeWhole'
  | 'autocodeSpan'
  | 'autocodeRun'
  | 'autocodeCancel'
  | 'autocodeWithinTag'
  | 'autocodeDone'
  | 'autocodeNothing'
  | 'hint'
  | 'openSearch'
  | 'openSearchTitle'
  | 'totalByKind';

export const searchMessages: Catalog<SearchMessage> = {
  'zh-Hans': {
    panel: '搜索',
    searchLabel: '搜索文本和笔记',
    placeholder: '搜索……（简繁通用）',
    onlyThisArticle: '仅限本文',
    tagFilter: '标签',
    anyTag: '任意标签',
    close: '关闭搜索',
    searching: '正在搜索……',
    noHits: '没有找到。',
    shownOf: '显示前 {shown} 处，共 {count} 处',
    shownOfMore: '显示前 {shown} 处，超过 {count} 处（正在计数……）',
    results: '搜索结果',
    noteHit: '笔记',
    commentHit: '批注',
    archivedHit: '已归档',
    paragraphNumber: '第 {order} 段',
    jumpLabel: '{title}，{where}：{text}',
    tagEveryHit: '给每处结果加标签……',
    autocodeTitle: '给每处结果加标签',
    autocodeTag: '标签名',
    autocodeWhole: '整段',
    autocodeSpan: '只标记匹配的文字',
    autocodeRun: '加标签',
    autocodeCancel: '取消',
    autocodeWithinTag: '只标注带 #{tag} 的结果（与标签筛选一致）。',
    autocodeDone: '已给 {paragraphs} 段加上“{tag}”：结果中尚未带此标签的正文段落（笔记不加标签）。按 Ctrl+Z 可撤销。',
    autocodeNothing: '没有新的段落需要加“{tag}”。',
    openSearch: '搜索',
    openSearchTitle: '搜索正文和笔记（Ctrl+F 本文，Ctrl+Shift+F 全库）',
    totalByKind:
      '{count} 处结果：{paragraphs} 段正文{notes, plural, =0 {} other {、# 条笔记}}{comments, plural, =0 {} other {、# 条批注}}',
    hint: '多个词用空格分开（须全部出现），"引号" 内为整句；各地用词互通：計程車 也找到 出租车。',
  },
  'zh-Hant': {
    panel: '搜尋',
    searchLabel: '搜尋文字和筆記',
    placeholder: '搜尋……（簡繁通用）',
    onlyThisArticle: '僅限本文',
    tagFilter: '標籤',
    anyTag: '任意標籤',
    close: '關閉搜尋',
    searching: '正在搜尋……',
    noHits: '沒有找到。',
    shownOf: '顯示前 {shown} 處，共 {count} 處',
    shownOfMore: '顯示前 {shown} 處，超過 {count} 處（正在計數……）',
    results: '搜尋結果',
    noteHit: '筆記',
    commentHit: '批註',
    archivedHit: '已封存',
    paragraphNumber: '第 {order} 段',
    jumpLabel: '{title}，{where}：{text}',
    tagEveryHit: '給每處結果加標籤……',
    autocodeTitle: '給每處結果加標籤',
    autocodeTag: '標籤名',
    autocodeWhole: '整段',
    autocodeSpan: '只標記相符的文字',
    autocodeRun: '加標籤',
    autocodeCancel: '取消',
    autocodeWithinTag: '只標註帶 #{tag} 的結果（與標籤篩選一致）。',
    autocodeDone: '已給 {paragraphs} 段加上「{tag}」：結果中尚未帶此標籤的正文段落（筆記不加標籤）。按 Ctrl+Z 可復原。',
    autocodeNothing: '沒有新的段落需要加「{tag}」。',
    openSearch: '搜尋',
    openSearchTitle: '搜尋正文和筆記（Ctrl+F 本文，Ctrl+Shift+F 全庫）',
    totalByKind:
      '{count} 處結果：{paragraphs} 段正文{notes, plural, =0 {} other {、# 則筆記}}{comments, plural, =0 {} other {、# 則批註}}',
    hint: '多個詞用空格分開（須全部出現），"引號" 內為整句；各地用詞互通：出租车 也找到 計程車。',
  },
  en: {
    panel: 'Search',
    searchLabel: 'Search text and notes',
    placeholder: 'Search… (simplified or traditional)',
    onlyThisArticle: 'This article only',
    tagFilter: 'Tag',
    anyTag: 'Any tag',
    close: 'Close search',
    searching: 'Searching…',
    noHits: 'Nothing found.',
    shownOf: 'First {shown} of {count} results',
    shownOfMore: 'First {shown} of more than {count} results (counting…)',
    results: 'Search results',
    noteHit: 'Note',
    commentHit: 'Comment',
    archivedHit: 'Archived',
    paragraphNumber: 'paragraph {order}',
    jumpLabel: '{title}, {where}: {text}',
    tagEveryHit: 'Tag every hit…',
    autocodeTitle: 'Tag every hit',
    autocodeTag: 'Tag name',
    autocodeWhole: 'Whole paragraph',
    autocodeSpan: 'Matched text only',
    autocodeRun: 'Tag',
    autocodeCancel: 'Cancel',
    autocodeWithinTag: 'Only the hits tagged #{tag} are tagged, as the tag filter shows.',
    autocodeDone:
      'Tagged {paragraphs, plural, one {# paragraph} other {# paragraphs}} “{tag}”: the text paragraphs among the results that did not have it yet (notes are not tagged). Ctrl+Z undoes it.',
    autocodeNothing: 'No paragraph needed “{tag}” added.',
    openSearch: 'Search',
    openSearchTitle: 'Search text and notes (Ctrl+F this article, Ctrl+Shift+F the library)',
    totalByKind:
      '{count, plural, one {# result} other {# results}}: {paragraphs, plural, one {# paragraph} other {# paragraphs}}{notes, plural, =0 {} one {, # note} other {, # notes}}{comments, plural, =0 {} one {, # comment} other {, # comments}}',
    hint: 'Several words must all appear; "quoted words" stay together; regional words meet: 計程車 also finds 出租车.',
  },
};
