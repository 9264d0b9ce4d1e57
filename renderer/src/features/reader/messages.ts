import type { ParagraphFlag, ParagraphKind } from '../../../../preload/contract/articleTypes';
import type { Catalog } from '../../i18n/locales';

type Key =
  | 'loading'
  | 'source'
  | 'author'
  | 'date'
  | 'link'
  | 'titleInferred'
  | 'scriptMode'
  | 'hiddenLines'
  | 'hideCleanedLines'
  | 'hiddenRun'
  | 'editDetails'
  | 'title'
  | 'subtitle'
  | 'url'
  | 'save'
  | 'cancel'
  | 'cleaningNotes'
  | 'paragraphOptions'
  | 'tagParagraph'
  | 'note'
  | 'kind'
  | 'paragraphTags'
  | 'removeTag'
  | 'unplaced'
  | 'unplacedExplanation'
  | 'unplacedNotes'
  | 'unplacedNotesExplanation'
  | 'setAside'
  | 'bringBack'
  | 'setAsideCount'
  | 'placeOn'
  | 'placeParagraph'
  | 'place'
  | 'cancelPlace'
  | `kind.${ParagraphKind}`
  | `flag.${ParagraphFlag}`
  | `flagExplanation.${ParagraphFlag}`;

export const readerMessages: Catalog<Key> = {
  'zh-Hans': {
    loading: '正在载入…',
    source: '来源',
    author: '作者',
    date: '日期',
    link: '链接',
    titleInferred: '标题为推断：文件中没有标题行。',
    scriptMode: '字形',
    hiddenLines: '{count} 行已隐藏',
    hideCleanedLines: '隐藏 {count} 行清理内容',
    hiddenRun: '{count} 行已隐藏',
    editDetails: '编辑信息',
    title: '标题',
    subtitle: '副标题',
    url: '网址',
    save: '保存',
    cancel: '取消',
    cleaningNotes: '清理说明',
    paragraphOptions: '段落选项',
    tagParagraph: '为段落加标签…',
    note: '笔记',
    kind: '段落类型',
    paragraphTags: '段落标签',
    removeTag: '移除标签 {tag}',
    unplaced: '无法定位的高亮',
    unplacedExplanation: '文本重新清理后，这些高亮找不到原来的位置。它们被保留在这里。',
    unplacedNotes: '无法定位的笔记和段落标签',
    unplacedNotesExplanation:
      '这些是在另一台设备上、按另一种分段写下的，这里没有已知对应的段落。它们被完整保留；在这台设备上用同样的方式重新清理这篇文章后，会回到各自的段落。选中文字即可复制。',
    setAside: '收起',
    bringBack: '放回',
    setAsideCount: '已收起 {n} 条',
    placeOn: '放到段落…',
    placeParagraph: '放到哪一段',
    place: '放上',
    cancelPlace: '取消',
    'kind.title': '标题',
    'kind.subtitle': '副标题',
    'kind.byline': '署名',
    'kind.heading': '小标题',
    'kind.body': '正文',
    'kind.caption': '图片说明',
    'kind.boilerplate': '无关内容（隐藏）',
    'flag.duplicate': '重复',
    'flag.fragment': '片段',
    'flag.keyword-stuffed': '已隐藏关键词',
    'flag.mojibake': '乱码',
    'flag.markup': 'Markdown 标记，非正文',
    'flag.page-chrome': '网页导航或按钮',
    'flag.related-links': '其他文章链接或广告',
    'flag.editorial-note': '编辑署名或原标题',
    'flag.site-notice': '网站声明',
    'flagExplanation.page-chrome': '这一行是网页的导航、分享或计数按钮，不是文章内容，所以隐藏。',
    'flagExplanation.related-links': '这一行链接到其他文章，或是广告、推广，不是这篇文章，所以隐藏。',
    'flagExplanation.editorial-note': '这一行是编辑、校对的署名或原标题，不是文章内容，所以隐藏。',
    'flagExplanation.site-notice': '这一行是网站的版权、联系方式、备案或订阅声明，不是文章内容，所以隐藏。',
    'flagExplanation.duplicate': '这一段与前文重复。',
    'flagExplanation.fragment': '这一段从句子中间开始：可能有缺失或顺序错乱。',
    'flagExplanation.keyword-stuffed': '为搜索引擎插入的词语已从这一段隐藏。',
    'flagExplanation.mojibake': '这一段有部分在来源处解码错误（乱码），按原样显示。',
    'flagExplanation.markup':
      '这是 Markdown 文件的标记（文首元数据、HTML、短代码或图片地址），不是文章文字，所以隐藏。文首元数据里的标题、作者、日期和来源已显示在文章开头。',
  },
  'zh-Hant': {
    loading: '正在載入…',
    source: '來源',
    author: '作者',
    date: '日期',
    link: '連結',
    titleInferred: '標題為推斷：檔案中沒有標題行。',
    scriptMode: '字形',
    hiddenLines: '{count} 行已隱藏',
    hideCleanedLines: '隱藏 {count} 行清理內容',
    hiddenRun: '{count} 行已隱藏',
    editDetails: '編輯資訊',
    title: '標題',
    subtitle: '副標題',
    url: '網址',
    save: '儲存',
    cancel: '取消',
    cleaningNotes: '清理說明',
    paragraphOptions: '段落選項',
    tagParagraph: '為段落加標籤…',
    note: '筆記',
    kind: '段落類型',
    paragraphTags: '段落標籤',
    removeTag: '移除標籤 {tag}',
    unplaced: '無法定位的標示',
    unplacedExplanation: '文字重新清理後，這些標示找不到原來的位置。它們保留在這裡。',
    unplacedNotes: '無法定位的筆記和段落標籤',
    unplacedNotesExplanation:
      '這些是在另一台裝置上、按另一種分段寫下的，這裡沒有已知對應的段落。它們完整保留；在這台裝置上用同樣的方式重新清理這篇文章後，會回到各自的段落。選取文字即可複製。',
    setAside: '收起',
    bringBack: '放回',
    setAsideCount: '已收起 {n} 條',
    placeOn: '放到段落…',
    placeParagraph: '放到哪一段',
    place: '放上',
    cancelPlace: '取消',
    'kind.title': '標題',
    'kind.subtitle': '副標題',
    'kind.byline': '署名',
    'kind.heading': '小標題',
    'kind.body': '正文',
    'kind.caption': '圖片說明',
    'kind.boilerplate': '無關內容（隱藏）',
    'flag.duplicate': '重複',
    'flag.fragment': '片段',
    'flag.keyword-stuffed': '已隱藏關鍵詞',
    'flag.mojibake': '亂碼',
    'flag.markup': 'Markdown 標記，非正文',
    'flag.page-chrome': '網頁導覽或按鈕',
    'flag.related-links': '其他文章連結或廣告',
    'flag.editorial-note': '編輯署名或原標題',
    'flag.site-notice': '網站聲明',
    'flagExplanation.page-chrome': '這一行是網頁的導覽、分享或計數按鈕，不是文章內容，所以隱藏。',
    'flagExplanation.related-links': '這一行連結到其他文章，或是廣告、推廣，不是這篇文章，所以隱藏。',
    'flagExplanation.editorial-note': '這一行是編輯、校對的署名或原標題，不是文章內容，所以隱藏。',
    'flagExplanation.site-notice': '這一行是網站的版權、聯絡方式、備案或訂閱聲明，不是文章內容，所以隱藏。',
    'flagExplanation.duplicate': '這一段與前文重複。',
    'flagExplanation.fragment': '這一段從句子中間開始：可能有缺漏或順序錯亂。',
    'flagExplanation.keyword-stuffed': '為搜尋引擎插入的詞語已從這一段隱藏。',
    'flagExplanation.mojibake': '這一段有部分在來源處解碼錯誤（亂碼），按原樣顯示。',
    'flagExplanation.markup':
      '這是 Markdown 檔案的標記（文首元資料、HTML、短代碼或圖片網址），不是文章文字，所以隱藏。文首元資料裡的標題、作者、日期和來源已顯示在文章開頭。',
  },
  en: {
    loading: 'Loading…',
    source: 'Source',
    author: 'Author',
    date: 'Date',
    link: 'Link',
    titleInferred: 'Title inferred: the file has no title line.',
    scriptMode: 'Script',
    hiddenLines: '{count, plural, one {# hidden line} other {# hidden lines}}',
    hideCleanedLines: '{count, plural, one {Hide # cleaned line} other {Hide # cleaned lines}}',
    hiddenRun: '{count, plural, one {# hidden line} other {# hidden lines}}',
    editDetails: 'Edit details',
    title: 'Title',
    subtitle: 'Subtitle',
    url: 'URL',
    save: 'Save',
    cancel: 'Cancel',
    cleaningNotes: 'Cleaning notes',
    paragraphOptions: 'Paragraph options',
    tagParagraph: 'Tag paragraph…',
    note: 'Note',
    kind: 'Paragraph kind',
    paragraphTags: 'Paragraph tags',
    removeTag: 'Remove tag {tag}',
    unplaced: 'Highlights that could not be placed',
    unplacedExplanation: 'After the text was cleaned again these highlights no longer matched it. They are kept here.',
    unplacedNotes: 'Unplaced notes and paragraph tags',
    unplacedNotesExplanation:
      'These were written on another device, on the text split into paragraphs another way, and no paragraph here is known to match. They are kept whole; once this article is cleaned again here the same way, they go back to their paragraphs. Select the words to copy them.',
    setAside: 'Set aside',
    bringBack: 'Bring back',
    setAsideCount: '{n} set aside',
    placeOn: 'Place on a paragraph…',
    placeParagraph: 'Paragraph to place it on',
    place: 'Place',
    cancelPlace: 'Cancel',
    'kind.title': 'Title',
    'kind.subtitle': 'Subtitle',
    'kind.byline': 'Byline',
    'kind.heading': 'Heading',
    'kind.body': 'Body',
    'kind.caption': 'Caption',
    'kind.boilerplate': 'Boilerplate (hidden)',
    'flag.duplicate': 'duplicate',
    'flag.fragment': 'fragment',
    'flag.keyword-stuffed': 'keywords hidden',
    'flag.mojibake': 'garbled',
    'flag.markup': 'Markdown markup, not text',
    'flag.page-chrome': 'site navigation or buttons',
    'flag.related-links': 'other stories or ads',
    'flag.editorial-note': 'editor credit',
    'flag.site-notice': 'site notice',
    'flagExplanation.page-chrome':
      "This line is the site's navigation, share buttons or counters, not the article, so it is hidden.",
    'flagExplanation.related-links':
      'This line links to other stories, or is an advert or promotion, not this article, so it is hidden.',
    'flagExplanation.editorial-note':
      'This line credits an editor or proofreader, or gives the original headline, not the article, so it is hidden.',
    'flagExplanation.site-notice':
      "This line is the site's rights, contact, registration or subscription notice, not the article, so it is hidden.",
    'flagExplanation.duplicate': 'This paragraph repeats an earlier one.',
    'flagExplanation.fragment': 'This paragraph starts mid-sentence: part of it may be missing or out of order.',
    'flagExplanation.keyword-stuffed': 'Words injected for search engines were hidden from this paragraph.',
    'flagExplanation.mojibake':
      'Part of this paragraph was decoded wrongly at the source (garbled characters). Shown as found.',
    'flagExplanation.markup':
      'Markup of the Markdown file (front matter, HTML, a shortcode or a picture’s address), not article text, so it is hidden. The title, author, date and source from the front matter are shown at the top of the article.',
  },
};
