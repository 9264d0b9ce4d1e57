import type { Catalog } from '../../i18n/locales';

export type SidebarMessage =
  | 'sidebar'
  | 'showSidebar'
  | 'hideSidebar'
  | 'close'
  | 'filters'
  | 'filterColour'
  | 'filterTag'
  | 'anyTag'
  | 'filterKind'
  | 'kindAll'
  | 'kindHighlight'
  | 'kindNote'
  | 'clearFilters'
  | 'list'
  | 'shownOf'
  | 'empty'
  | 'noMatch'
  | 'note'
  | 'unplaced'
  | 'paragraphNumber'
  | 'comment'
  | 'addComment'
  | 'editComment'
  | 'commentLabel'
  | 'save'
  | 'cancel'
  | 'commentHint'
  | 'listHint';

export const sidebarMessages: Catalog<SidebarMessage> = {
  'zh-Hans': {
    sidebar: '标注',
    showSidebar: '显示标注栏',
    hideSidebar: '隐藏标注栏',
    close: '关闭标注栏',
    filters: '筛选',
    filterColour: '按颜色筛选',
    filterTag: '标签',
    anyTag: '任意标签',
    filterKind: '类型',
    kindAll: '全部',
    kindHighlight: '高亮',
    kindNote: '笔记',
    clearFilters: '清除筛选',
    list: '本文的高亮和笔记（按文中顺序）',
    shownOf: '{shown} / {count} 条',
    empty: '本文还没有高亮或笔记。',
    noMatch: '没有符合筛选条件的标注。',
    note: '笔记',
    unplaced: '未能定位',
    paragraphNumber: '第 {order} 段',
    comment: '批注',
    addComment: '添加批注',
    editComment: '编辑批注',
    commentLabel: '对这处高亮的批注',
    save: '保存',
    cancel: '取消',
    commentHint: '{mod}+Enter 保存，Esc 取消',
    listHint: '↑↓ 选择，Enter 跳到原文',
  },
  'zh-Hant': {
    sidebar: '標註',
    showSidebar: '顯示標註欄',
    hideSidebar: '隱藏標註欄',
    close: '關閉標註欄',
    filters: '篩選',
    filterColour: '按顏色篩選',
    filterTag: '標籤',
    anyTag: '任意標籤',
    filterKind: '類型',
    kindAll: '全部',
    kindHighlight: '標示',
    kindNote: '筆記',
    clearFilters: '清除篩選',
    list: '本文的標示和筆記（按文中順序）',
    shownOf: '{shown} / {count} 條',
    empty: '本文還沒有標示或筆記。',
    noMatch: '沒有符合篩選條件的標註。',
    note: '筆記',
    unplaced: '未能定位',
    paragraphNumber: '第 {order} 段',
    comment: '批註',
    addComment: '新增批註',
    editComment: '編輯批註',
    commentLabel: '對這處標示的批註',
    save: '儲存',
    cancel: '取消',
    commentHint: '{mod}+Enter 儲存，Esc 取消',
    listHint: '↑↓ 選擇，Enter 跳到原文',
  },
  en: {
    sidebar: 'Annotations',
    showSidebar: 'Show annotations',
    hideSidebar: 'Hide annotations',
    close: 'Close annotations',
    filters: 'Filters',
    filterColour: 'Filter by colour',
    filterTag: 'Tag',
    anyTag: 'Any tag',
    filterKind: 'Kind',
    kindAll: 'All',
    kindHighlight: 'Highlights',
    kindNote: 'Notes',
    clearFilters: 'Clear filters',
    list: 'Highlights and notes of this article, in text order',
    shownOf: '{shown} of {count}',
    empty: 'No highlights or notes in this article yet.',
    noMatch: 'No annotation matches these filters.',
    note: 'Note',
    unplaced: 'Not placed',
    paragraphNumber: '¶ {order}',
    comment: 'Comment',
    addComment: 'Add comment',
    editComment: 'Edit comment',
    commentLabel: 'Comment on this highlight',
    save: 'Save',
    cancel: 'Cancel',
    commentHint: '{mod}+Enter saves, Esc cancels',
    listHint: '↑↓ to choose, Enter to jump to the text',
  },
};
