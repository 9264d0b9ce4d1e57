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

type InvokeHandler = (event: FakeEvent, request: unknown) => unknown;

export function createFakeElectron() {
  const handlers = new Map<string, InvokeHandler>();
  const exposed = new Map<string, unknown>();
  const invoked: Array<{ channel: string; request: unknown }> = [];
  const rendererListeners = new Map<string, () => void>();
  /** What each showMessageBox was asked, and the button indexes the person will press, in turn. */
  const messageBoxes: FakeMessageBox[] = [];
  const messageBoxAnswers: number[] = [];
  return {
    messageBoxes,
    messageBoxAnswers,
    dialog: {
      /** With or without a parent window first, as Electron's; no answer left presses the cancel button. */
      showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
        const options = args[args.length - 1] as FakeMessageBox;
        messageBoxes.push(options);
        return Promise.resolve({ response: messageBoxAnswers.shift() ?? options.cancelId ?? 0, checkboxChecked: false });
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
