import type { Catalog } from '../../i18n/locales';

export type ExportMessage =
  | 'export'
  | 'title'
  | 'scope'
  | 'scopeArticle'
  | 'scopeTag'
  | 'scopeLibrary'
  | 'scopeCodebook'
  | 'script'
  | 'content'
  | 'wholeParagraphs'
  | 'highlightsOnly'
  | 'fullText'
  | 'run'
  | 'folder'
  | 'folderNone'
  | 'folderChoose'
  | 'folderChange'
  | 'running'
  | 'progressRendering'
  | 'progressWriting'
  | 'written'
  | 'files'
  | 'kept'
  | 'keptFiles'
  | 'keptChanged'
  | 'keptNotOurs'
  | 'keptOtherLibrary'
  | 'keptInstead'
  | 'keptNothingInstead'
  | 'merged'
  | 'mergedFiles'
  | 'mergedAdditions'
  | 'mergedEdited'
  | 'mergedProperties'
  | 'mergedSeparator'
  | 'unannotated'
  | 'unannotatedFiles'
  | 'w3cRun'
  | 'w3cWritten'
  | 'qda'
  | 'qdaHint'
  | 'qdaCrlf'
  | 'qdaCrlfHint'
  | 'qdaAtlas'
  | 'qdaAtlasHint'
  | 'qdpxRun'
  | 'qdcRun'
  | 'qdaImportRun'
  | 'qdcImportRun'
  | 'qdpxWritten'
  | 'qdcWritten'
  | 'qdpxImported'
  | 'qdcImported'
  | 'qdaNothingNew'
  | 'backup'
  | 'backupRun'
  | 'restoreRun'
  | 'mergeRun'
  | 'restoredJson'
  | 'backedUp'
  | 'restored'
  | 'restoredNothing'
  | 'restoreAutomatic'
  | 'restoredAutomatic';

export const exportMessages: Catalog<ExportMessage> = {
  'zh-Hans': {
    export: '导出……',
    title: '导出与备份',
    scope: '范围',
    scopeArticle: '本文',
    scopeTag: '标签',
    scopeLibrary: '整个文库',
    scopeCodebook: '编码手册(全部标签及其描述)',
    script: '文字',
    content: '内容',
    wholeParagraphs: '整段（标出高亮）',
    highlightsOnly: '仅高亮',
    fullText: '全文（含批注）',
    run: '导出 Markdown',
    folder: '导出文件夹：',
    folderNone: '尚未选择（导出时会询问）',
    folderChoose: '选择文件夹……',
    folderChange: '更改……',
    running: '正在导出……',
    progressRendering: '正在生成文件 {done} / {total}',
    progressWriting: '正在写入文件 {done} / {total}',
    written: '已写入 {count} 个文件：',
    files: '导出的文件',
    kept: '有 {count} 个文件原样保留，未被覆盖：',
    keptFiles: '保留的文件',
    keptChanged: '你在 Pizhu 写入后修改过它，其中已分不清哪些是 Pizhu 写的；',
    keptNotOurs: '它不是 Pizhu 写的；',
    keptOtherLibrary: '它是另一个文库导出的；',
    keptInstead: 'Pizhu 的版本在 {file}。',
    keptNothingInstead: 'Pizhu 没有在别处写入它的版本。',
    merged: '有 {count} 个文件里有你写的内容，已重新导出并保留在原处：',
    mergedFiles: '保留了你的改动的文件',
    mergedAdditions: '你加的 {count} 处内容留在原处',
    mergedEdited: '你改过的 {count} 个 Pizhu 段落以你的版本保留在新版旁边，并标明是你的',
    mergedProperties: '保留了你的 {count} 个属性',
    mergedSeparator: '；',
    unannotated: '跳过了 {count} 篇没有高亮、标签或笔记的文章，没有为它们写空文件：',
    unannotatedFiles: '跳过的文章',
    w3cRun: '导出 W3C 标注……',
    w3cWritten: '已把 {annotations} 条标注写入 {path}',
    qda: 'REFI-QDA 交换（ATLAS.ti、MAXQDA、NVivo、QualCoder）',
    qdaHint: '整个文库作为项目：文章为文本来源，标签为编码，标注为编码片段，笔记与备忘为注释。',
    qdaCrlf: 'Windows 换行（MAXQDA）',
    qdaCrlfHint: 'MAXQDA 按 CRLF 换行读取文本；位置把 CR 也计入。',
    qdaAtlas: '以项目名命名项目文件（ATLAS.ti）',
    qdaAtlasHint: 'ATLAS.ti 要求 .qde 文件以项目命名，而不是 project.qde。',
    qdpxRun: '导出项目（.qdpx）……',
    qdcRun: '导出编码表（.qdc）……',
    qdaImportRun: '导入项目（.qdpx）……',
    qdcImportRun: '导入编码表（.qdc）……',
    qdpxWritten: '已写入 {path}：{sources} 篇来源、{codes} 个编码、{selections} 个编码片段、{notes} 条注释。',
    qdcWritten: '已写入 {path}：{codes} 个编码。',
    qdpxImported: '已导入：新增 {articles} 篇文章（{present} 篇已在文库中）、{tags} 个标签、{highlights} 处标注、{paragraphTags} 个段落标签、{notes} 条笔记、{memos} 条备忘；跳过 {skipped} 个片段。',
    qdcImported: '已导入编码表：{codes} 个编码，新增 {tags} 个标签、{descriptions} 条说明。',
    qdaNothingNew: '文库里已经有这些内容，没有新增任何东西。',
    backup: 'JSON 备份',
    backupRun: '备份为 JSON……',
    restoreRun: '从 JSON 恢复……',
    mergeRun: '从 JSON 合并……',
    restoredJson: '文库已恢复为备份中的内容：{articles} 篇文章、{highlights} 处高亮、{notes} 条笔记。恢复前的文库已另存为一份备份。',
    backedUp: '已备份 {articles} 篇文章、{highlights} 处高亮、{tags} 个标签、{notes} 条笔记到 {path}',
    restored: '已添加 {articles} 篇文章、{highlights} 处高亮、{tags} 个标签、{notes} 条笔记。',
    restoredNothing: '没有新内容：备份中的一切都已在文库里。',
    restoreAutomatic: '从自动备份恢复……',
    restoredAutomatic: '文库已恢复到 {date} 的样子。恢复前的文库已另存为一份备份。',
  },
  'zh-Hant': {
    export: '匯出……',
    title: '匯出與備份',
    scope: '範圍',
    scopeArticle: '本文',
    scopeTag: '標籤',
    scopeLibrary: '整個文庫',
    scopeCodebook: '編碼手冊(全部標籤及其描述)',
    script: '文字',
    content: '內容',
    wholeParagraphs: '整段（標出螢光標記）',
    highlightsOnly: '僅螢光標記',
    fullText: '全文（含批註）',
    run: '匯出 Markdown',
    folder: '匯出資料夾：',
    folderNone: '尚未選擇（匯出時會詢問）',
    folderChoose: '選擇資料夾……',
    folderChange: '變更……',
    running: '正在匯出……',
    progressRendering: '正在產生檔案 {done} / {total}',
    progressWriting: '正在寫入檔案 {done} / {total}',
    written: '已寫入 {count} 個檔案：',
    files: '匯出的檔案',
    kept: '有 {count} 個檔案原樣保留，未被覆寫：',
    keptFiles: '保留的檔案',
    keptChanged: '你在 Pizhu 寫入後修改過它，其中已分不清哪些是 Pizhu 寫的；',
    keptNotOurs: '它不是 Pizhu 寫的；',
    keptOtherLibrary: '它是另一個文庫匯出的；',
    keptInstead: 'Pizhu 的版本在 {file}。',
    keptNothingInstead: 'Pizhu 沒有在別處寫入它的版本。',
    merged: '有 {count} 個檔案裡有你寫的內容，已重新匯出並保留在原處：',
    mergedFiles: '保留了你的改動的檔案',
    mergedAdditions: '你加的 {count} 處內容留在原處',
    mergedEdited: '你改過的 {count} 個 Pizhu 段落以你的版本保留在新版旁邊，並標明是你的',
    mergedProperties: '保留了你的 {count} 個屬性',
    mergedSeparator: '；',
    unannotated: '略過了 {count} 篇沒有螢光標記、標籤或筆記的文章，沒有為它們寫空檔案：',
    unannotatedFiles: '略過的文章',
    w3cRun: '匯出 W3C 標註……',
    w3cWritten: '已把 {annotations} 則標註寫入 {path}',
    qda: 'REFI-QDA 交換（ATLAS.ti、MAXQDA、NVivo、QualCoder）',
    qdaHint: '整個文庫作為專案：文章為文字來源，標籤為編碼，標註為編碼片段，筆記與備忘為註釋。',
    qdaCrlf: 'Windows 換行（MAXQDA）',
    qdaCrlfHint: 'MAXQDA 按 CRLF 換行讀取文字；位置把 CR 也計入。',
    qdaAtlas: '以專案名命名專案檔（ATLAS.ti）',
    qdaAtlasHint: 'ATLAS.ti 要求 .qde 檔以專案命名，而不是 project.qde。',
    qdpxRun: '匯出專案（.qdpx）……',
    qdcRun: '匯出編碼表（.qdc）……',
    qdaImportRun: '匯入專案（.qdpx）……',
    qdcImportRun: '匯入編碼表（.qdc）……',
    qdpxWritten: '已寫入 {path}：{sources} 篇來源、{codes} 個編碼、{selections} 個編碼片段、{notes} 則註釋。',
    qdcWritten: '已寫入 {path}：{codes} 個編碼。',
    qdpxImported: '已匯入：新增 {articles} 篇文章（{present} 篇已在文庫中）、{tags} 個標籤、{highlights} 處標註、{paragraphTags} 個段落標籤、{notes} 則筆記、{memos} 則備忘；略過 {skipped} 個片段。',
    qdcImported: '已匯入編碼表：{codes} 個編碼，新增 {tags} 個標籤、{descriptions} 則說明。',
    qdaNothingNew: '文庫裡已經有這些內容，沒有新增任何東西。',
    backup: 'JSON 備份',
    backupRun: '備份為 JSON……',
    restoreRun: '從 JSON 還原……',
    mergeRun: '從 JSON 合併……',
    restoredJson: '文庫已還原為備份中的內容：{articles} 篇文章、{highlights} 處螢光標記、{notes} 則筆記。還原前的文庫已另存為一份備份。',
    backedUp: '已備份 {articles} 篇文章、{highlights} 處螢光標記、{tags} 個標籤、{notes} 則筆記到 {path}',
    restored: '已加入 {articles} 篇文章、{highlights} 處螢光標記、{tags} 個標籤、{notes} 則筆記。',
    restoredNothing: '沒有新內容：備份中的一切都已在文庫裡。',
    restoreAutomatic: '從自動備份還原……',
    restoredAutomatic: '文庫已還原到 {date} 的樣子。還原前的文庫已另存為一份備份。',
  },
  en: {
    export: 'Export…',
    title: 'Export and back up',
    scope: 'Scope',
    scopeArticle: 'This article',
    scopeTag: 'A tag',
    scopeLibrary: 'Whole library',
    scopeCodebook: 'Codebook (every tag with its description)',
    script: 'Script',
    content: 'Content',
    wholeParagraphs: 'Annotated paragraphs whole',
    highlightsOnly: 'Highlights only',
    fullText: 'Full text, with annotations',
    run: 'Export Markdown',
    folder: 'Export folder:',
    folderNone: 'none yet (asked on the first export)',
    folderChoose: 'Choose folder…',
    folderChange: 'Change…',
    running: 'Exporting…',
    progressRendering: 'Preparing files {done} of {total}',
    progressWriting: 'Writing files {done} of {total}',
    written: '{count, plural, one {Wrote # file:} other {Wrote # files:}}',
    files: 'Exported files',
    kept: '{count, plural, one {Kept # file as it was, not overwritten:} other {Kept # files as they were, not overwritten:}}',
    keptFiles: 'Kept files',
    keptChanged: "You edited it since Pizhu wrote it and Pizhu's marked blocks in it are gone or broken;",
    keptNotOurs: 'Pizhu did not write it;',
    keptOtherLibrary: 'Another library exported it;',
    keptInstead: "Pizhu's version is in {file}.",
    keptNothingInstead: 'Pizhu wrote no version of it elsewhere.',
    merged: '{count, plural, one {Re-exported # file you had written in, keeping what you wrote:} other {Re-exported # files you had written in, keeping what you wrote:}}',
    mergedFiles: 'Files with your changes kept',
    mergedAdditions: '{count, plural, one {your # addition kept in place} other {your # additions kept in place}}',
    mergedEdited: "{count, plural, one {# Pizhu block you edited kept in your version beside Pizhu's new one, marked as yours} other {# Pizhu blocks you edited kept in your version beside Pizhu's new ones, marked as yours}}",
    mergedProperties: '{count, plural, one {your # property kept} other {your # properties kept}}',
    mergedSeparator: '; ',
    unannotated: 'Skipped {count} articles with no highlights, tags or notes (no empty files):',
    unannotatedFiles: 'Skipped articles',
    w3cRun: 'Export W3C annotations…',
    w3cWritten: 'Wrote {annotations} annotations to {path}',
    qda: 'REFI-QDA exchange (ATLAS.ti, MAXQDA, NVivo, QualCoder)',
    qdaHint: 'The whole library as a project: articles as text sources, tags as codes, highlights as coded selections, notes and memos as notes.',
    qdaCrlf: 'Windows line endings (MAXQDA)',
    qdaCrlfHint: 'MAXQDA reads sources with CRLF line endings; positions count the CR.',
    qdaAtlas: 'Name the project file after the project (ATLAS.ti)',
    qdaAtlasHint: 'ATLAS.ti expects the .qde file named after the project, not project.qde.',
    qdpxRun: 'Export project (.qdpx)…',
    qdcRun: 'Export codebook (.qdc)…',
    qdaImportRun: 'Import project (.qdpx)…',
    qdcImportRun: 'Import codebook (.qdc)…',
    qdpxWritten: 'Wrote {path}: {sources} sources, {codes} codes, {selections} coded selections, {notes} notes.',
    qdcWritten: 'Wrote {path}: {codes} codes.',
    qdpxImported: 'Imported: {articles} new articles ({present} already in the library), {tags} tags, {highlights} highlights, {paragraphTags} paragraph tags, {notes} notes, {memos} memos; {skipped} selections skipped.',
    qdcImported: 'Imported the codebook: {codes} codes, {tags} new tags, {descriptions} descriptions.',
    qdaNothingNew: 'The library already holds all of it; nothing was added.',
    backup: 'JSON backup',
    backupRun: 'Back up to JSON…',
    restoreRun: 'Restore from JSON…',
    mergeRun: 'Merge from JSON…',
    restoredJson: 'The library now holds what the backup held: {articles} articles, {highlights} highlights, {notes} notes. The library from before the restore is kept as a backup.',
    backedUp: 'Backed up {articles} articles, {highlights} highlights, {tags} tags, {notes} notes to {path}',
    restored: 'Added {articles} articles, {highlights} highlights, {tags} tags, {notes} notes.',
    restoredNothing: 'Nothing new: everything in the backup was already in the library.',
    restoreAutomatic: 'Restore from automatic backup…',
    restoredAutomatic: 'The library is back as it was on {date}. The library from before the restore is kept as a backup.',
  },
};
