import type { Catalog } from '../../i18n/locales';

export type NoteMessage =
  | 'editorLabel'
  | 'placeholder'
  | 'toolbar'
  | 'bold'
  | 'italic'
  | 'bulletList'
  | 'numberList'
  | 'quote'
  | 'link'
  | 'linkAddress'
  | 'applyLink'
  | 'removeLink'
  | 'cancel'
  | 'badLink'
  | 'saving'
  | 'saved'
  | 'removed'
  | 'failed'
  | 'hasNote'
  | 'openNote'
  | 'openNoteWith'
  | 'rebuilt';

export const noteMessages: Catalog<NoteMessage> = {
  'zh-Hans': {
    editorLabel: '本段笔记',
    placeholder: '写下笔记…',
    toolbar: '笔记格式',
    bold: '粗体',
    italic: '斜体',
    bulletList: '项目符号列表',
    numberList: '编号列表',
    quote: '引用',
    link: '链接',
    linkAddress: '链接地址',
    applyLink: '应用',
    removeLink: '移除链接',
    cancel: '取消',
    badLink: '请输入以 https://、http:// 或 mailto: 开头的地址。',
    saving: '正在保存…',
    saved: '已保存',
    removed: '笔记已清空并删除',
    failed: '未能保存:{message}',
    hasNote: '本段有笔记',
    openNote: '打开笔记',
    openNoteWith: '打开笔记：{text}',
    rebuilt: '这条笔记保存的格式无法读取，现按纯文本显示，文字都在；编辑后按新格式保存。',
  },
  'zh-Hant': {
    editorLabel: '本段筆記',
    placeholder: '寫下筆記…',
    toolbar: '筆記格式',
    bold: '粗體',
    italic: '斜體',
    bulletList: '項目符號清單',
    numberList: '編號清單',
    quote: '引用',
    link: '連結',
    linkAddress: '連結網址',
    applyLink: '套用',
    removeLink: '移除連結',
    cancel: '取消',
    badLink: '請輸入以 https://、http:// 或 mailto: 開頭的網址。',
    saving: '正在儲存…',
    saved: '已儲存',
    removed: '筆記已清空並刪除',
    failed: '未能儲存:{message}',
    hasNote: '本段有筆記',
    openNote: '打開筆記',
    openNoteWith: '打開筆記：{text}',
    rebuilt: '這則筆記儲存的格式無法讀取，現以純文字顯示，文字都在；編輯後以新格式儲存。',
  },
  en: {
    editorLabel: 'Note on this paragraph',
    placeholder: 'Write a note…',
    toolbar: 'Note formatting',
    bold: 'Bold',
    italic: 'Italic',
    bulletList: 'Bulleted list',
    numberList: 'Numbered list',
    quote: 'Quote',
    link: 'Link',
    linkAddress: 'Link address',
    applyLink: 'Apply',
    removeLink: 'Remove link',
    cancel: 'Cancel',
    badLink: 'Use an address starting with https://, http:// or mailto:.',
    saving: 'Saving…',
    saved: 'Saved',
    removed: 'Empty note removed',
    failed: 'Not saved: {message}',
    hasNote: 'This paragraph has a note',
    openNote: 'Open note',
    openNoteWith: 'Open note: {text}',
    rebuilt:
      'This note’s saved format could not be read, so it is shown as plain text with all its words; editing saves it in the current format.',
  },
};
