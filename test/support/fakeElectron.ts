/**
 * A small hand-written fake of the Electron API surface main/app and preload use
 * (DESIGN §6): enough to check what they register, expose and configure.
 */
export interface FakeEvent {
  senderFrame: { url: string } | null;
}

export interface FakeMessageBox {
  type?: string;
  title?: string;
  message: string;
  detail?: string;
  buttons?: string[];
  defaultId?: number;
  cancelId?: number;
}

/** What an open or save dialog was asked: its title, button, filters. */
export interface FakeFileDialog {
  kind: 'open' | 'save';
  title?: string;
  buttonLabel?: string;
  filters?: Array<{ name: string; extensions: string[] }>;
}

/** A menu item as main's template gives it, as far as the tests read it. */
export interface FakeMenuItem {
  label?: string;
  role?: string;
  type?: string;
  /** A list of items, or a built Menu (never in these templates). */
  submenu?: unknown;
}

type InvokeHandler = (event: FakeEvent, request: unknown) => unknown;

export function createFakeElectron() {
  const handlers = new Map<string, InvokeHandler>();
  const exposed = new Map<string, unknown>();
  const invoked: Array<{ channel: string; request: unknown }> = [];
  const rendererListeners = new Map<string, () => void>();
  /** What each showMessageBox was asked, and the button indexes the person will press, in turn. */
  const messageBoxes: FakeMessageBox[] = [];
  const messageBoxAnswers: number[] = [];
  /** What each open or save dialog was asked, and the paths the person will pick, in turn (none left: cancelled). */
  const fileDialogs: FakeFileDialog[] = [];
  const fileDialogAnswers: string[] = [];
  const pick = (kind: FakeFileDialog['kind'], options: Omit<FakeFileDialog, 'kind'>) => {
    fileDialogs.push({ kind, ...options });
    return fileDialogAnswers.shift();
  };
  /** Every application menu installed, the last one being what the person sees. */
  const menus: FakeMenuItem[][] = [];
  return {
    messageBoxes,
    messageBoxAnswers,
    fileDialogs,
    fileDialogAnswers,
    menus,
    Menu: {
      buildFromTemplate: (template: FakeMenuItem[]) => template,
      setApplicationMenu: (menu: FakeMenuItem[]) => void menus.push(menu),
    },
    dialog: {
      showOpenDialog(options: Omit<FakeFileDialog, 'kind'>): Promise<{ canceled: boolean; filePaths: string[] }> {
        const chosen = pick('open', options);
        return Promise.resolve({ canceled: chosen === undefined, filePaths: chosen === undefined ? [] : [chosen] });
      },
      showSaveDialog(options: Omit<FakeFileDialog, 'kind'>): Promise<{ canceled: boolean; filePath: string }> {
        const chosen = pick('save', options);
        return Promise.resolve({ canceled: chosen === undefined, filePath: chosen ?? '' });
      },
      /** With or without a parent window first, as Electron's; no answer left presses the cancel button. */
      showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
        const options = args[args.length - 1] as FakeMessageBox;
        messageBoxes.push(options);
        return Promise.resolve({
          response: messageBoxAnswers.shift() ?? options.cancelId ?? 0,
          checkboxChecked: false,
        });
      },
    },
    handlers,
    exposed,
    invoked,
    rendererListeners,
    ipcMain: {
      handle(channel: string, handler: InvokeHandler) {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, handler);
      },
    },
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        exposed.set(key, api);
      },
    },
    ipcRenderer: {
      invoke(channel: string, request: unknown): Promise<unknown> {
        invoked.push({ channel, request });
        return Promise.resolve({ ok: true, value: null });
      },
      on(channel: string, listener: () => void) {
        rendererListeners.set(channel, listener);
      },
    },
    /** What the main process would answer a renderer call with, from a frame at `url`. */
    callFrom(url: string, channel: string, request: unknown): Promise<unknown> {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return Promise.resolve(handler({ senderFrame: { url } }, request));
    },
  };
}
