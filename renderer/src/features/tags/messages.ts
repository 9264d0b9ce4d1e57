import type { Catalog } from '../../i18n/locales';

export type TagMessage =
  | 'tags'
  | 'tagsPanel'
  | 'closePanel'
  | 'tagTree'
  | 'noTags'
  | 'loading'
  | 'showMore'
  | 'openTag'
  | 'expand'
  | 'collapse'
  | 'rename'
  | 'renameLabel'
  | 'save'
  | 'cancel'
  | 'merge'
  | 'mergeLabel'
  | 'mergeExplain'
  | 'mergeButton'
  | 'noMergeTarget'
  | 'delete'
  | 'deleteTitle'
  | 'deleteBody'
  | 'deleteNested'
  | 'deleteButton'
  | 'mergeTitle'
  | 'mergeBody'
  | 'undoable'
  | 'renamed'
  | 'merged'
  | 'deleted'
  | 'undo'
  | 'undone'
  | 'undoOther'
  | 'allTags'
  | 'passageCount'
  | 'noPassages'
  | 'passagesOf'
  | 'wholeParagraph'
  | 'unplaced'
  | 'archivedArticle'
  | 'paragraphNumber'
  | 'jump'
  | 'jumpLabel'
  | 'jumpArticle';

export const tagMessages: Catalog<TagMessage> = {
  'zh-Hans': {
    tags: '标签',
    tagsPanel: '标签',
    closePanel: '关闭标签面板',
    tagTree: '全部标签',
    noTags: '还没有标签。选中文字加上标签后,会显示在这里。',
    loading: '正在载入…',
    showMore: '再显示 {count} 个(已显示 {shown} / {total})',
    openTag: '{name}:{count} 处',
    expand: '展开 {name}',
    collapse: '收起 {name}',
    rename: '重命名 {name}',
    renameLabel: '{name} 的新名称',
    save: '保存',
    cancel: '取消',
    merge: '合并 {name}',
    mergeLabel: '将 {name} 合并到',
    mergeExplain: '带“{name}”的每一处都会改带所选标签,“{name}”随之删除。',
    mergeButton: '合并',
    noMergeTarget: '没有可以合并到的其他标签。',
    delete: '删除 {name}',
    deleteTitle: '删除标签“{name}”?',
    deleteBody: '这个标签会从 {count} 处移除;文字和高亮本身都保留。',
    deleteNested: '其下的 {count} 个子标签也会一并删除。',
    deleteButton: '删除标签',
    mergeTitle: '合并到已有标签?',
    mergeBody: '“{to}”已经存在。把“{from}”改名为它会合并两者:带“{from}”的每一处都会改带“{to}”。',
    undoable: '此操作可以撤销。',
    renamed: '已将“{from}”改名为“{to}”。',
    merged: '已将“{from}”合并到“{to}”。',
    deleted: '已删除标签“{name}”。',
    undo: '撤销',
    undone: '已撤销。',
    undoOther: '之后还有别的改动,没有撤销;请用 Ctrl/⌘+Z 逐步撤销。',
    allTags: '全部标签',
    passageCount: '{count} 处',
    noPassages: '没有带这个标签的段落。',
    passagesOf: '“{tag}”的段落',
    wholeParagraph: '整段',
    unplaced: '未定位:原段落已改变,这段引文找不到原处',
    archivedArticle: '已归档',
    paragraphNumber: '第 {order} 段',
    jump: '跳转',
    jumpLabel: '跳转到《{title}》{where}',
    jumpArticle: '跳转到《{title}》',
  },
  'zh-Hant': {
    tags: '標籤',
    tagsPanel: '標籤',
    closePanel: '關閉標籤面板',
    tagTree: '全部標籤',
    noTags: '還沒有標籤。選取文字加上標籤後,會顯示在這裡。',
    loading: '正在載入…',
    showMore: '再顯示 {count} 個(已顯示 {shown} / {total})',
    openTag: '{name}:{count} 處',
    expand: '展開 {name}',
    collapse: '收起 {name}',
    rename: '重新命名 {name}',
    renameLabel: '{name} 的新名稱',
    save: '儲存',
    cancel: '取消',
    merge: '合併 {name}',
    mergeLabel: '將 {name} 合併到',
    mergeExplain: '帶「{name}」的每一處都會改帶所選標籤,「{name}」隨之刪除。',
    mergeButton: '合併',
    noMergeTarget: '沒有可以合併到的其他標籤。',
    delete: '刪除 {name}',
    deleteTitle: '刪除標籤「{name}」?',
    deleteBody: '這個標籤會從 {count} 處移除;文字和螢光標記本身都保留。',
    deleteNested: '其下的 {count} 個子標籤也會一併刪除。',
    deleteButton: '刪除標籤',
    mergeTitle: '合併到已有標籤?',
    mergeBody: '「{to}」已經存在。把「{from}」改名為它會合併兩者:帶「{from}」的每一處都會改帶「{to}」。',
    undoable: '此操作可以復原。',
    renamed: '已將「{from}」改名為「{to}」。',
    merged: '已將「{from}」合併到「{to}」。',
    deleted: '已刪除標籤「{name}」。',
    undo: '復原',
    undone: '已復原。',
    undoOther: '之後還有別的變更,沒有復原;請用 Ctrl/⌘+Z 逐步復原。',
    allTags: '全部標籤',
    passageCount: '{count} 處',
    noPassages: '沒有帶這個標籤的段落。',
    passagesOf: '「{tag}」的段落',
    wholeParagraph: '整段',
    unplaced: '未定位:原段落已改變,這段引文找不到原處',
    archivedArticle: '已封存',
    paragraphNumber: '第 {order} 段',
    jump: '跳轉',
    jumpLabel: '跳轉到《{title}》{where}',
    jumpArticle: '跳轉到《{title}》',
  },
  en: {
    tags: 'Tags',
    tagsPanel: 'Tags',
    closePanel: 'Close the tags panel',
    tagTree: 'All tags',
    noTags: 'No tags yet. Tag a highlight or a paragraph and it shows here.',
    loading: 'Loading…',
    showMore: 'Show {count} more ({shown} of {total} shown)',
    openTag: '{name}: {count, plural, one {# passage} other {# passages}}',
    expand: 'Expand {name}',
    collapse: 'Collapse {name}',
    rename: 'Rename {name}',
    renameLabel: 'New name for {name}',
    save: 'Save',
    cancel: 'Cancel',
    merge: 'Merge {name}',
    mergeLabel: 'Merge {name} into',
    mergeExplain: 'Every passage tagged “{name}” gets the chosen tag instead, and “{name}” is removed.',
    mergeButton: 'Merge',
    noMergeTarget: 'There is no other tag to merge into.',
    delete: 'Delete {name}',
    deleteTitle: 'Delete the tag “{name}”?',
    deleteBody:
      'It is removed from {count, plural, one {# passage} other {# passages}}; the text and the highlights themselves stay.',
    deleteNested: '{count, plural, one {Its nested tag is} other {Its # nested tags are}} deleted with it.',
    deleteButton: 'Delete tag',
    mergeTitle: 'Merge into an existing tag?',
    mergeBody:
      '“{to}” already exists. Renaming “{from}” to it merges the two: every passage tagged “{from}” is tagged “{to}”.',
    undoable: 'You can undo this.',
    renamed: 'Renamed “{from}” to “{to}”.',
    merged: 'Merged “{from}” into “{to}”.',
    deleted: 'Deleted the tag “{name}”.',
    undo: 'Undo',
    undone: 'Undone.',
    undoOther: 'Something else changed since, so nothing was undone; use Ctrl/⌘+Z to step back.',
    allTags: 'All tags',
    passageCount: '{count, plural, one {# passage} other {# passages}}',
    noPassages: 'No passage carries this tag.',
    passagesOf: 'Passages of {tag}',
    wholeParagraph: 'whole paragraph',
    unplaced: 'unplaced: the paragraph changed and this quote could not be found in it',
    archivedArticle: 'Archived',
    paragraphNumber: 'paragraph {order}',
    jump: 'Jump',
    jumpLabel: 'Jump to {where} of “{title}”',
    jumpArticle: 'Jump to “{title}”',
  },
};
