import type { Catalog } from '../../i18n/locales';

export type CodebookMessage =
  | 'describe'
  | 'describeTitle'
  | 'definition'
  | 'definitionHint'
  | 'inclusion'
  | 'inclusionHint'
  | 'exclusion'
  | 'exclusionHint'
  | 'example'
  | 'exampleHint'
  | 'save'
  | 'saving'
  | 'cancel'
  | 'described'
  | 'cleared'
  | 'hasDescription'
  | 'updated';

/** The codebook: a tag's description, written from the tag pane and shown on hover or focus. */
export const codebookMessages: Catalog<CodebookMessage> = {
  'zh-Hans': {
    describe: '描述 {name}…',
    describeTitle: '描述标签“{name}”',
    definition: '定义',
    definitionHint: '这个编码指什么。',
    inclusion: '适用于',
    inclusionHint: '什么情况下用这个编码。',
    exclusion: '不适用于',
    exclusionHint: '什么情况下不用它(以及改用哪个)。',
    example: '示例段落',
    exampleHint: '一段典型的文字,纯文本。',
    save: '保存',
    saving: '正在保存…',
    cancel: '取消',
    described: '已保存“{name}”的描述。',
    cleared: '已删除“{name}”的描述。',
    hasDescription: '有描述',
    updated: '更新于 {date}',
  },
  'zh-Hant': {
    describe: '描述 {name}…',
    describeTitle: '描述標籤「{name}」',
    definition: '定義',
    definitionHint: '這個編碼指什麼。',
    inclusion: '適用於',
    inclusionHint: '什麼情況下用這個編碼。',
    exclusion: '不適用於',
    exclusionHint: '什麼情況下不用它(以及改用哪個)。',
    example: '示例段落',
    exampleHint: '一段典型的文字,純文字。',
    save: '儲存',
    saving: '正在儲存…',
    cancel: '取消',
    described: '已儲存「{name}」的描述。',
    cleared: '已刪除「{name}」的描述。',
    hasDescription: '有描述',
    updated: '更新於 {date}',
  },
  en: {
    describe: 'Describe {name}…',
    describeTitle: 'Describe the tag “{name}”',
    definition: 'Definition',
    definitionHint: 'What the code means.',
    inclusion: 'Use when',
    inclusionHint: 'When to apply it.',
    exclusion: 'Do not use when',
    exclusionHint: 'When not to (and which code to use instead).',
    example: 'Example passage',
    exampleHint: 'A passage that is a clear case of it, as plain text.',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    described: 'Saved the description of “{name}”.',
    cleared: 'Removed the description of “{name}”.',
    hasDescription: 'Described',
    updated: 'Updated {date}',
  },
};
