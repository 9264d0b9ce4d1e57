import type { Catalog } from '../../i18n/locales';

type Key =
  | 'alsoPublished'
  | 'listTitle'
  | 'listIntro'
  | 'similarity'
  | 'sameText'
  | 'compare'
  | 'noSource'
  | 'compareTitle'
  | 'loading'
  | 'summary'
  | 'hiddenLeftOut'
  | 'capped'
  | 'legend'
  | 'legendCut'
  | 'legendAdded'
  | 'versionA'
  | 'versionB'
  | 'onlyIn'
  | 'notIn'
  | 'changed'
  | 'moved'
  | 'openAt';

export const repostMessages: Catalog<Key> = {
  'zh-Hans': {
    alsoPublished: '其他版本（{count}）',
    listTitle: '这篇文章的其他版本',
    listIntro: '同一篇报道被其他来源转载或改写的版本。选一篇，与这篇逐段对照。',
    similarity: '相似度 {percent}%',
    sameText: '文字相同',
    compare: '对照',
    noSource: '来源不明',
    compareTitle: '逐段对照',
    loading: '正在对照…',
    summary: '{same} 段相同，{changed} 段改动，{onlyLeft} 段仅 A 有，{onlyRight} 段仅 B 有',
    hiddenLeftOut: '已清理的行不参与对照（A {left} 行，B {right} 行）。',
    capped: '文章很长，对照只在段落附近查找，长段落整段标为改动。',
    legend: '标记说明：',
    legendCut: '删除线：只有 A 有的字',
    legendAdded: '下划线：只有 B 有的字',
    versionA: 'A',
    versionB: 'B',
    onlyIn: '仅 {side} 有',
    notIn: '{side} 没有这一段',
    changed: '有改动',
    moved: '位置不同（{side} 第 {order} 段）',
    openAt: '在 {side} 中打开这一段',
  },
  'zh-Hant': {
    alsoPublished: '其他版本（{count}）',
    listTitle: '這篇文章的其他版本',
    listIntro: '同一篇報導被其他來源轉載或改寫的版本。選一篇，與這篇逐段對照。',
    similarity: '相似度 {percent}%',
    sameText: '文字相同',
    compare: '對照',
    noSource: '來源不明',
    compareTitle: '逐段對照',
    loading: '正在對照…',
    summary: '{same} 段相同，{changed} 段改動，{onlyLeft} 段僅 A 有，{onlyRight} 段僅 B 有',
    hiddenLeftOut: '已清理的行不參與對照（A {left} 行，B {right} 行）。',
    capped: '文章很長，對照只在段落附近查找，長段落整段標為改動。',
    legend: '標記說明：',
    legendCut: '刪除線：只有 A 有的字',
    legendAdded: '底線：只有 B 有的字',
    versionA: 'A',
    versionB: 'B',
    onlyIn: '僅 {side} 有',
    notIn: '{side} 沒有這一段',
    changed: '有改動',
    moved: '位置不同（{side} 第 {order} 段）',
    openAt: '在 {side} 中開啟這一段',
  },
  en: {
    alsoPublished: 'Also published as… ({count})',
    listTitle: 'Other versions of this article',
    listIntro:
      'The same story as other outlets reposted or edited it. Pick one to compare with this one, paragraph by paragraph.',
    similarity: '{percent}% alike',
    sameText: 'same text',
    compare: 'Compare',
    noSource: 'source unknown',
    compareTitle: 'Side by side',
    loading: 'Comparing…',
    summary:
      '{same, plural, one {# paragraph} other {# paragraphs}} the same, {changed} changed, {onlyLeft} only in A, {onlyRight} only in B',
    hiddenLeftOut: 'Cleaned-away lines are left out (A {left}, B {right}).',
    capped:
      'These articles are long: paragraphs were matched near their place, and long ones are marked changed whole.',
    legend: 'Marks:',
    legendCut: 'struck through: only in A',
    legendAdded: 'underlined: only in B',
    versionA: 'A',
    versionB: 'B',
    onlyIn: 'only in {side}',
    notIn: 'not in {side}',
    changed: 'changed',
    moved: 'moved (paragraph {order} in {side})',
    openAt: 'Open this paragraph in {side}',
  },
};
