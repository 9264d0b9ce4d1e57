import { defineCatalog } from './locales';

/** The shell's own strings (App.tsx): pane labels, the empty state, the error banner. */
export const appMessages = defineCatalog({
  'zh-Hans': {
    readerPane: '阅读',
    emptyHint: '从左侧选择一篇文章开始阅读。',
    dismissError: '关闭提示',
    showLibrary: '显示文库',
    hideLibrary: '隐藏文库',
  },
  'zh-Hant': {
    readerPane: '閱讀',
    emptyHint: '從左側選擇一篇文章開始閱讀。',
    dismissError: '關閉提示',
    showLibrary: '顯示文庫',
    hideLibrary: '隱藏文庫',
  },
  en: {
    readerPane: 'Reader',
    emptyHint: 'Choose an article on the left to start reading.',
    dismissError: 'Dismiss',
    showLibrary: 'Show library',
    hideLibrary: 'Hide library',
  },
});
