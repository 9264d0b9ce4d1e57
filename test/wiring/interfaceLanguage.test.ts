import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Dialog, Menu as ElectronMenu } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askToUseBackup } from '../../main/app/backupFromJson';
import { externalLinkOpener } from '../../main/app/confirmExternalLink';
import { fileDialogs } from '../../main/app/fileDialogs';
import { interfaceLanguage, type InterfaceLanguage } from '../../main/app/interfaceLanguage';
import { installMenu, type MenuStep } from '../../main/app/menu';
import { mainText } from '../../main/app/mainMessages';
import { recoveryPrompt } from '../../main/app/openLibraryWithRecovery';
import { askForAutomaticBackup, restoreFromMenu } from '../../main/app/restoreFromBackup';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import type { UiLocale } from '../../preload/common/uiLocales';
import { createFakeElectron, type FakeMenuItem } from '../support/fakeElectron';
import { pageCalls, registerAppHandlers } from '../support/wiredHandlers';

const seedsDir = path.resolve(__dirname, '../../seeds');

let dir: string;
let library: Library;
let fake: ReturnType<typeof createFakeElectron>;
let language: InterfaceLanguage;
let steps: MenuStep[];

const { call, value } = pageCalls(() => fake);

/** Main at start, as main/app/index.ts wires it: the system's language (English here) until the page says. */
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-wiring-language-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
  await library.seedIfNew(seedsDir);
  await library.backup('daily');
  fake = createFakeElectron();
  steps = [];
  const menu = fake.Menu as unknown as Pick<typeof ElectronMenu, 'buildFromTemplate' | 'setApplicationMenu'>;
  const install = () =>
    installMenu(menu, true, { restoreFromBackup: () => undefined, step: (s) => steps.push(s) }, language.text());
  language = interfaceLanguage('en', install);
  install();
  const dialog = fake.dialog as unknown as Dialog;
  registerAppHandlers(fake, {
    library,
    ...fileDialogs(dialog, language.text),
    confirmBackupUse: askToUseBackup(dialog, () => null, language.text),
    chooseAutomaticBackup: askForAutomaticBackup(dialog, () => null, language.text),
    setInterfaceLanguage: language.set,
  });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const shownMenu = () => fake.menus.at(-1) ?? [];
const labels = (items: readonly FakeMenuItem[]) => items.map((i) => i.label ?? i.type);
function submenuOf(label: string): FakeMenuItem[] {
  const menu = shownMenu().find((m) => m.label === label);
  if (!menu || !Array.isArray(menu.submenu))
    throw new Error(`no ${label} menu in ${JSON.stringify(labels(shownMenu()))}`);
  return menu.submenu as FakeMenuItem[];
}

/** What a person sees in each language: the menus, and the dialogs main opens. */
const seen = {
  'zh-Hans': {
    menus: ['文件', '编辑', '视图', '窗口'],
    file: ['从自动备份恢复……', 'separator', '退出'],
    edit: ['撤销', '重做', 'separator', '剪切', '复制', '粘贴', '全选'],
    view: ['实际大小', '放大', '缩小', 'separator', '全屏'],
    window: ['最小化', '关闭窗口'],
    fileTitles: [
      '导入文章',
      'Markdown 导出文件夹',
      '备份为 JSON',
      '选择 Pizhu 的 JSON 备份',
      '选择 Pizhu 的 JSON 备份',
      '导出 W3C 标注',
      '导出 REFI-QDA 项目',
      '导入 REFI-QDA 项目',
      '导出术语表',
      '导入术语表',
      '导出生词（CSV）',
      '导出生词（Anki）',
      '导出 REFI-QDA 编码表',
      '导入 REFI-QDA 编码表',
      '导入文章属性',
      '导出矩阵',
      '导出矩阵',
      '导出词语表（CSV）',
    ],
    fileButtons: ['导入', '选择文件夹', '保存', '打开', '打开', '保存', '保存', '打开', '保存', '打开', '保存', '保存', '保存', '打开', '打开', '保存', '保存', '保存'],
    filters: [
      '文章和订阅源',
      undefined,
      'Pizhu 备份',
      'Pizhu 备份',
      'Pizhu 备份',
      'W3C 网络标注',
      'REFI-QDA 项目',
      'REFI-QDA 项目',
      '术语表（CSV）',
      '术语表（CSV）',
      'CSV 表格',
      'Anki 导入文件（文本）',
      'REFI-QDA 编码表',
      'REFI-QDA 编码表',
      '属性表（CSV）',
      'CSV 表格',
      'Excel 工作簿（.xlsx）',
      'CSV 表格',
    ],
    boxes: [
      { title: '从 JSON 合并', buttons: ['取消', '合并'], detail: /^将添加 0 篇文章、0 处高亮、0 条笔记和 0 个标签/ },
      { title: '从 JSON 恢复', buttons: ['取消', '恢复'], detail: /^备份：\d+ 篇文章、/ },
      {
        title: '从自动备份恢复',
        buttons: [/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}（(\d+ KB|\d+\.\d MB)，每日）$/, '取消'],
        detail: /最新的在前/,
      },
      { title: '打开链接', buttons: ['取消', '在浏览器中打开'], detail: /^https:\/\/example\.com\/$/ },
    ],
  },
  'zh-Hant': {
    menus: ['檔案', '編輯', '顯示', '視窗'],
    file: ['從自動備份還原……', 'separator', '結束'],
    edit: ['復原', '重做', 'separator', '剪下', '複製', '貼上', '全選'],
    view: ['實際大小', '放大', '縮小', 'separator', '全螢幕'],
    window: ['最小化', '關閉視窗'],
    fileTitles: [
      '匯入文章',
      'Markdown 匯出資料夾',
      '備份為 JSON',
      '選擇 Pizhu 的 JSON 備份',
      '選擇 Pizhu 的 JSON 備份',
      '匯出 W3C 標註',
      '匯出 REFI-QDA 專案',
      '匯入 REFI-QDA 專案',
      '匯出術語表',
      '匯入術語表',
      '匯出生詞（CSV）',
      '匯出生詞（Anki）',
      '匯出 REFI-QDA 編碼表',
      '匯入 REFI-QDA 編碼表',
      '匯入文章屬性',
      '匯出矩陣',
      '匯出矩陣',
      '匯出詞語表（CSV）',
    ],
    fileButtons: ['匯入', '選擇資料夾', '儲存', '開啟', '開啟', '儲存', '儲存', '開啟', '儲存', '開啟', '儲存', '儲存', '儲存', '開啟', '開啟', '儲存', '儲存', '儲存'],
    filters: [
      '文章與訂閱源',
      undefined,
      'Pizhu 備份',
      'Pizhu 備份',
      'Pizhu 備份',
      'W3C 網路標註',
      'REFI-QDA 專案',
      'REFI-QDA 專案',
      '術語表（CSV）',
      '術語表（CSV）',
      'CSV 表格',
      'Anki 匯入檔（文字）',
      'REFI-QDA 編碼表',
      'REFI-QDA 編碼表',
      '屬性表（CSV）',
      'CSV 表格',
      'Excel 活頁簿（.xlsx）',
      'CSV 表格',
    ],
    boxes: [
      {
        title: '從 JSON 合併',
        buttons: ['取消', '合併'],
        detail: /^將加入 0 篇文章、0 處螢光標記、0 則筆記和 0 個標籤/,
      },
      { title: '從 JSON 還原', buttons: ['取消', '還原'], detail: /^備份：\d+ 篇文章、/ },
      {
        title: '從自動備份還原',
        buttons: [/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}（(\d+ KB|\d+\.\d MB)，每日）$/, '取消'],
        detail: /最新的在前/,
      },
      { title: '開啟連結', buttons: ['取消', '在瀏覽器中開啟'], detail: /^https:\/\/example\.com\/$/ },
    ],
  },
  en: {
    menus: ['File', 'Edit', 'View', 'Window'],
    file: ['Restore from automatic backup…', 'separator', 'Quit'],
    edit: ['Undo', 'Redo', 'separator', 'Cut', 'Copy', 'Paste', 'Select All'],
    view: ['Actual Size', 'Zoom In', 'Zoom Out', 'separator', 'Toggle Full Screen'],
    window: ['Minimize', 'Close Window'],
    fileTitles: [
      'Import articles',
      'Folder for Markdown exports',
      'Back up as JSON',
      'Choose a Pizhu JSON backup',
      'Choose a Pizhu JSON backup',
      'Export W3C annotations',
      'Export a REFI-QDA project',
      'Import a REFI-QDA project',
      'Export term list',
      'Import a term list',
      'Export vocabulary (CSV)',
      'Export vocabulary (Anki)',
      'Export a REFI-QDA codebook',
      'Import a REFI-QDA codebook',
      'Import article attributes',
      'Export the matrix',
      'Export the matrix',
      'Export the words table (CSV)',
    ],
    fileButtons: ['Import', 'Choose folder', 'Save', 'Open', 'Open', 'Save', 'Save', 'Open', 'Save', 'Open', 'Save', 'Save', 'Save', 'Open', 'Open', 'Save', 'Save', 'Save'],
    filters: [
      'Articles and feeds',
      undefined,
      'Pizhu backup',
      'Pizhu backup',
      'Pizhu backup',
      'W3C Web Annotations',
      'REFI-QDA project',
      'REFI-QDA project',
      'Term lists (CSV)',
      'Term lists (CSV)',
      'CSV spreadsheets',
      'Anki import files (text)',
      'REFI-QDA codebook',
      'REFI-QDA codebook',
      'Attribute tables (CSV)',
      'CSV tables',
      'Excel workbooks (.xlsx)',
      'CSV spreadsheets',
    ],
    boxes: [
      {
        title: 'Merge from JSON',
        buttons: ['Cancel', 'Merge'],
        detail: /^It would add 0 articles, 0 highlights, 0 notes and 0 tags/,
      },
      { title: 'Restore from JSON', buttons: ['Cancel', 'Restore'], detail: /^The backup: \d+ articles, / },
      {
        title: 'Restore from automatic backup',
        buttons: [/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \((\d+ KB|\d+\.\d MB), daily\)$/, 'Cancel'],
        detail: /Newest first/,
      },
      { title: 'Open link', buttons: ['Cancel', 'Open in browser'], detail: /^https:\/\/example\.com\/$/ },
    ],
  },
} satisfies Record<UiLocale, unknown>;

describe('main speaks the interface language the page says the person uses', () => {
  it('starts in the system language, and builds the menu anew in each language the page sets', async () => {
    expect(labels(shownMenu())).toEqual(seen.en.menus);
    for (const locale of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      await value('setInterfaceLanguage', { locale });
      expect(labels(shownMenu()), locale).toEqual(seen[locale].menus);
      expect(labels(submenuOf(seen[locale].menus[0]!)), locale).toEqual(seen[locale].file);
      expect(labels(submenuOf(seen[locale].menus[1]!)), locale).toEqual(seen[locale].edit);
      expect(labels(submenuOf(seen[locale].menus[2]!)), locale).toEqual(seen[locale].view);
      expect(labels(submenuOf(seen[locale].menus[3]!)), locale).toEqual(seen[locale].window);
    }
    // Still the journal's undo in every language, not Chromium's.
    const [undo, redo] = submenuOf('Edit');
    expect(undo?.role).toBeUndefined();
    (undo as { click: () => void }).click();
    (redo as { click: () => void }).click();
    expect(steps).toEqual(['undo', 'redo']);
  });

  it('the same language again builds nothing; a language it has no catalog for is refused and changes nothing', async () => {
    await value('setInterfaceLanguage', { locale: 'zh-Hant' });
    const built = fake.menus.length;
    await value('setInterfaceLanguage', { locale: 'zh-Hant' });
    const refused = await call('setInterfaceLanguage', { locale: 'fr' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('invalid-argument');
    expect(fake.menus.length).toBe(built);
    expect(labels(shownMenu())).toEqual(seen['zh-Hant'].menus);
  });

  it.each(['zh-Hans', 'zh-Hant', 'en'] as const)(
    'every dialog main opens is titled, buttoned and filtered in %s',
    async (locale) => {
      await value('setInterfaceLanguage', { locale });
      const backupFile = path.join(dir, 'backup.json');

      // Open and save dialogs, each cancelled but the backup's save (whose file the next two open).
      await value('importFiles');
      await value('chooseExportFolder');
      fake.fileDialogAnswers.push(backupFile);
      await value('exportBackup');
      // Main's preview questions: Cancel (the default) each time, so nothing changes.
      fake.fileDialogAnswers.push(backupFile, backupFile);
      expect(await value('importBackup')).toBeNull();
      expect(await value('restoreJsonBackup')).toBeNull();
      await value('exportW3c');
      // The REFI-QDA, term list and vocabulary dialogs, each cancelled: nothing is read or written.
      expect(await value('exportQdpx', {})).toBeNull();
      expect(await value('importQdpx')).toBeNull();
      expect(await value('exportTermOverrides')).toBeNull();
      expect(await value('importTermOverrides')).toBeNull();
      expect(await value('exportVocabulary', { format: 'csv' })).toBeNull();
      expect(await value('exportVocabulary', { format: 'anki' })).toBeNull();
      // The codebook, attribute CSV, matrix and Words table dialogs, each cancelled too.
      expect(await value('exportQdc')).toBeNull();
      expect(await value('importQdc')).toBeNull();
      expect(await value('importAttributes')).toBeNull();
      expect(await value('exportMatrix', { matrix: { kind: 'article' }, format: 'csv' })).toBeNull();
      expect(await value('exportMatrix', { matrix: { kind: 'article' }, format: 'xlsx' })).toBeNull();
      expect(await value('exportWordsCsv', { kind: 'frequencies', request: {} })).toBeNull();
      expect(await value('restoreAutomaticBackup')).toBeNull();
      const open = externalLinkOpener({
        shell: { openExternal: () => Promise.resolve() },
        dialog: fake.dialog,
        text: language.text,
      });
      expect(await open('https://example.com/')).toBe('cancelled');

      const expected = seen[locale];
      expect(fake.fileDialogs.map((d) => d.title)).toEqual(expected.fileTitles);
      expect(fake.fileDialogs.map((d) => d.buttonLabel)).toEqual(expected.fileButtons);
      expect(fake.fileDialogs.map((d) => d.filters?.[0]?.name)).toEqual(expected.filters);
      expect(fake.messageBoxes).toHaveLength(expected.boxes.length);
      expected.boxes.forEach((box, i) => {
        const shown = fake.messageBoxes[i];
        expect(shown?.title).toBe(box.title);
        expect(shown?.buttons).toEqual(
          box.buttons.map((b): unknown => (typeof b === 'string' ? b : expect.stringMatching(b))),
        );
        expect(shown?.detail).toMatch(box.detail);
      });
    },
  );

  it('asks about a library it cannot open in the system language, before the page has said any', async () => {
    const errors: Array<[string, string]> = [];
    const prompt = recoveryPrompt(
      { ...(fake.dialog as unknown as Dialog), showErrorBox: (title, message) => void errors.push([title, message]) },
      mainText('zh-Hant'),
    );
    expect(await prompt.chooseBackup('資料庫檔案損壞', library.listBackups())).toBeNull();
    expect(fake.messageBoxes[0]).toMatchObject({
      title: 'Pizhu 打不開它的文庫',
      buttons: [expect.stringMatching(/（(\d+ KB|\d+\.\d MB)，每日）$/), '結束'],
    });
    prompt.showError('資料庫檔案損壞');
    expect(errors).toEqual([['Pizhu 打不開它的文庫', '資料庫檔案損壞']]);
  });

  it('says a failed restore from the File menu in the language the page set', async () => {
    await value('setInterfaceLanguage', { locale: 'zh-Hans' });
    const restore = restoreFromMenu({
      library: { listBackups: () => [], restoreBackupNamed: () => Promise.resolve(null) },
      dialog: fake.dialog,
      window: () => null,
      text: language.text,
    });
    expect(await restore()).toBe('failed');
    expect(fake.messageBoxes[0]).toMatchObject({ title: '从自动备份恢复', message: '恢复没有完成。', buttons: ['好'] });
  });
});
