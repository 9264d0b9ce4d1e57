import type { HighlightColor } from '../../../../preload/contract/annotationTypes';
import type { Catalog } from '../../i18n/locales';

/** Undoable operations the journal names, shown after undo or redo. */
export const journalOps = [
  'highlight.create',
  'highlight.recolor',
  'highlight.delete',
  'highlight.tag',
  'highlight.untag',
  'note.save',
  'note.delete',
  'paragraph.tag',
  'paragraph.untag',
  'tag.rename',
  'tag.merge',
  'tag.delete',
  'article.details',
  'paragraph.reclassify',
  'article.trash',
  'article.restore',
  'article.archive',
  'article.unarchive',
  'article.keep-duplicate',
  'article.region',
  'override.add',
  'override.update',
  'override.remove',
  'override.import',
] as const;
type JournalOp = (typeof journalOps)[number];

export type AnnotateMessageKey = Key;

type Key =
  | 'highlight'
  | 'colour'
  | 'tag'
  | 'note'
  | 'tagName'
  | 'tagSuggestions'
  | 'addTag'
  | 'removeTag'
  | 'delete'
  | 'close'
  | 'highlightDeleted'
  | 'undo'
  | 'undone'
  | 'redone'
  | 'nothingToUndo'
  | 'nothingToRedo'
  | 'overlapping'
  | 'showHighlight'
  | 'keyboardShortcuts'
  | 'shortcut.next'
  | 'shortcut.previous'
  | 'shortcut.highlight'
  | 'shortcut.tag'
  | 'shortcut.note'
  | 'shortcut.mode'
  | 'shortcut.sidebar'
  | 'shortcut.help'
  | 'shortcut.escape'
  | 'shortcut.undo'
  | 'shortcut.redo'
  | 'shortcut.search'
  | 'shortcut.searchLibrary'
  | 'shortcut.select'
  | 'shortcut.extendCharacter'
  | 'shortcut.extendWord'
  | 'shortcut.extendSentence'
  | 'shortcut.variants'
  | 'selectedText'
  | `color.${HighlightColor}`
  | `op.${JournalOp}`;

export const annotateMessages: Catalog<Key> = {
  'zh-Hans': {
    highlight: '高亮',
    colour: '颜色',
    tag: '标签',
    note: '笔记',
    tagName: '标签名',
    tagSuggestions: '已有标签',
    addTag: '添加标签',
    removeTag: '移除标签 {tag}',
    delete: '删除高亮',
    close: '关闭',
    highlightDeleted: '高亮已删除',
    undo: '撤销',
    undone: '已撤销：{what}',
    redone: '已重做：{what}',
    nothingToUndo: '没有可撤销的操作',
    nothingToRedo: '没有可重做的操作',
    overlapping: '此处重叠的高亮',
    showHighlight: '高亮 {n}',
    keyboardShortcuts: '键盘快捷键',
    'shortcut.next': '下一段',
    'shortcut.previous': '上一段',
    'shortcut.highlight': '把选中的文字标为黄色高亮',
    'shortcut.tag': '为当前段落加标签（有选中的文字时，把它标为带标签的高亮）',
    'shortcut.note': '打开当前段落的笔记',
    'shortcut.mode': '切换字形',
    'shortcut.sidebar': '显示／隐藏标注栏（本文的高亮和笔记）',
    'shortcut.help': '显示本列表',
    'shortcut.escape': '关闭弹出框',
    'shortcut.undo': '撤销',
    'shortcut.redo': '重做',
    'shortcut.search': '在文章中查找',
    'shortcut.searchLibrary': '在整个文库中搜索',
    'shortcut.select': '选中当前段落的第一句',
    'shortcut.extendCharacter': '选区向后／向前一个字',
    'shortcut.extendWord': '选区向后／向前一个词',
    'shortcut.extendSentence': '选区向后／向前一句（到句号、问号、叹号、分号、省略号）',
    selectedText: '已选中 {n} 个字：{text}',
    'color.yellow': '黄色',
    'color.green': '绿色',
    'color.blue': '蓝色',
    'color.pink': '粉色',
    'color.purple': '紫色',
    'color.orange': '橙色',
    'op.highlight.create': '新建高亮',
    'op.highlight.recolor': '更改高亮颜色',
    'op.highlight.delete': '删除高亮',
    'op.highlight.tag': '为高亮加标签',
    'op.highlight.untag': '移除高亮标签',
    'op.note.save': '编辑笔记',
    'op.note.delete': '删除笔记',
    'op.paragraph.tag': '为段落加标签',
    'op.paragraph.untag': '移除段落标签',
    'op.tag.rename': '重命名标签',
    'op.tag.merge': '合并标签',
    'op.tag.delete': '删除标签',
    'op.article.details': '编辑文章信息',
    'op.paragraph.reclassify': '更改段落类型',
    'op.article.trash': '移到废纸篓',
    'op.article.restore': '从废纸篓恢复',
    'op.article.archive': '归档文章',
    'op.article.unarchive': '取消归档',
    'op.article.keep-duplicate': '保留重复的两份',
    'op.article.region': '更改来源地区',
    'shortcut.variants': '选中词语的各地写法，可设为总是这样显示',
    'op.override.add': '添加转换',
    'op.override.update': '编辑转换',
    'op.override.remove': '删除转换',
    'op.override.import': '导入词表',
  },
  'zh-Hant': {
    highlight: '標示',
    colour: '顏色',
    tag: '標籤',
    note: '筆記',
    tagName: '標籤名',
    tagSuggestions: '已有標籤',
    addTag: '新增標籤',
    removeTag: '移除標籤 {tag}',
    delete: '刪除標示',
    close: '關閉',
    highlightDeleted: '標示已刪除',
    undo: '復原',
    undone: '已復原：{what}',
    redone: '已重做：{what}',
    nothingToUndo: '沒有可復原的操作',
    nothingToRedo: '沒有可重做的操作',
    overlapping: '此處重疊的標示',
    showHighlight: '標示 {n}',
    keyboardShortcuts: '鍵盤快速鍵',
    'shortcut.next': '下一段',
    'shortcut.previous': '上一段',
    'shortcut.highlight': '把選取的文字標為黃色',
    'shortcut.tag': '為目前段落加標籤（有選取的文字時，把它標為帶標籤的標示）',
    'shortcut.note': '開啟目前段落的筆記',
    'shortcut.mode': '切換字形',
    'shortcut.sidebar': '顯示／隱藏標註欄（本文的標示和筆記）',
    'shortcut.help': '顯示本列表',
    'shortcut.escape': '關閉彈出框',
    'shortcut.undo': '復原',
    'shortcut.redo': '重做',
    'shortcut.search': '在文章中尋找',
    'shortcut.searchLibrary': '在整個文庫中搜尋',
    'shortcut.select': '選取目前段落的第一句',
    'shortcut.extendCharacter': '選取範圍向後／向前一個字',
    'shortcut.extendWord': '選取範圍向後／向前一個詞',
    'shortcut.extendSentence': '選取範圍向後／向前一句（到句號、問號、驚嘆號、分號、刪節號）',
    selectedText: '已選取 {n} 個字：{text}',
    'color.yellow': '黃色',
    'color.green': '綠色',
    'color.blue': '藍色',
    'color.pink': '粉紅色',
    'color.purple': '紫色',
    'color.orange': '橙色',
    'op.highlight.create': '新增標示',
    'op.highlight.recolor': '更改標示顏色',
    'op.highlight.delete': '刪除標示',
    'op.highlight.tag': '為標示加標籤',
    'op.highlight.untag': '移除標示標籤',
    'op.note.save': '編輯筆記',
    'op.note.delete': '刪除筆記',
    'op.paragraph.tag': '為段落加標籤',
    'op.paragraph.untag': '移除段落標籤',
    'op.tag.rename': '重新命名標籤',
    'op.tag.merge': '合併標籤',
    'op.tag.delete': '刪除標籤',
    'op.article.details': '編輯文章資訊',
    'op.paragraph.reclassify': '更改段落類型',
    'op.article.trash': '移到垃圾桶',
    'op.article.restore': '從垃圾桶還原',
    'op.article.archive': '封存文章',
    'op.article.unarchive': '取消封存',
    'op.article.keep-duplicate': '保留重複的兩份',
    'op.article.region': '更改來源地區',
    'shortcut.variants': '選取詞語的各地寫法，可設為總是這樣顯示',
    'op.override.add': '新增轉換',
    'op.override.update': '編輯轉換',
    'op.override.remove': '刪除轉換',
    'op.override.import': '匯入詞表',
  },
  en: {
    highlight: 'Highlight',
    colour: 'Colour',
    tag: 'Tag',
    note: 'Note',
    tagName: 'Tag name',
    tagSuggestions: 'Existing tags',
    addTag: 'Add tag',
    removeTag: 'Remove tag {tag}',
    delete: 'Delete highlight',
    close: 'Close',
    highlightDeleted: 'Highlight deleted',
    undo: 'Undo',
    undone: 'Undone: {what}',
    redone: 'Redone: {what}',
    nothingToUndo: 'Nothing to undo',
    nothingToRedo: 'Nothing to redo',
    overlapping: 'Highlights overlapping here',
    showHighlight: 'Highlight {n}',
    keyboardShortcuts: 'Keyboard shortcuts',
    'shortcut.next': 'Next paragraph',
    'shortcut.previous': 'Previous paragraph',
    'shortcut.highlight': 'Highlight the selected text in yellow',
    'shortcut.tag': 'Tag the current paragraph (with text selected: highlight it with a tag)',
    'shortcut.note': 'Open the current paragraph’s note',
    'shortcut.mode': 'Next script mode',
    'shortcut.sidebar': 'Show or hide the annotations sidebar (this article’s highlights and notes)',
    'shortcut.help': 'Show this list',
    'shortcut.escape': 'Close a popover',
    'shortcut.undo': 'Undo',
    'shortcut.redo': 'Redo',
    'shortcut.search': 'Find in the article',
    'shortcut.searchLibrary': 'Search the whole library',
    'shortcut.select': 'Select the first sentence of the current paragraph',
    'shortcut.extendCharacter': 'Extend or shrink the selection by a character',
    'shortcut.extendWord': 'Extend or shrink the selection by a word',
    'shortcut.extendSentence': 'Extend or shrink the selection by a sentence (to 。！？；… . ! ? ;)',
    selectedText: 'Selected {n} characters: {text}',
    'color.yellow': 'Yellow',
    'color.green': 'Green',
    'color.blue': 'Blue',
    'color.pink': 'Pink',
    'color.purple': 'Purple',
    'color.orange': 'Orange',
    'op.highlight.create': 'New highlight',
    'op.highlight.recolor': 'Recolour highlight',
    'op.highlight.delete': 'Delete highlight',
    'op.highlight.tag': 'Tag highlight',
    'op.highlight.untag': 'Untag highlight',
    'op.note.save': 'Edit note',
    'op.note.delete': 'Delete note',
    'op.paragraph.tag': 'Tag paragraph',
    'op.paragraph.untag': 'Untag paragraph',
    'op.tag.rename': 'Rename tag',
    'op.tag.merge': 'Merge tags',
    'op.tag.delete': 'Delete tag',
    'op.article.details': 'Edit details',
    'op.paragraph.reclassify': 'Change paragraph kind',
    'op.article.trash': 'Move to trash',
    'op.article.restore': 'Restore from trash',
    'op.article.archive': 'Archive article',
    'op.article.unarchive': 'Unarchive article',
    'op.article.keep-duplicate': 'Keep both copies',
    'op.article.region': 'Change source region',
    'shortcut.variants': 'The selected word’s regional variants, to always show it one way',
    'op.override.add': 'Add conversion',
    'op.override.update': 'Edit conversion',
    'op.override.remove': 'Delete conversion',
    'op.override.import': 'Import term list',
  },
};
