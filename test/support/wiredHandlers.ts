import { createDispatch, createHandlers, type HandlerDeps } from '../../main/app/createHandlers';
import { isFromAppPage } from '../../main/app/pageOrigin';
import { registerHandlers } from '../../main/app/registerHandlers';
import type { createFakeElectron } from './fakeElectron';

type FakeElectron = ReturnType<typeof createFakeElectron>;

/** The app's own page: the only frame main answers. */
export const appUrl = 'app://pizhu/index.html';

/** What main answers a page's call with. */
export type Answer<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** main/app's handler table on the library, with what the test does not care about as on a plain start. */
export function handlerDeps(deps: Pick<HandlerDeps, 'library'> & Partial<HandlerDeps>): HandlerDeps {
  return { appVersion: '0', seededOnThisRun: 0, chooseFiles: () => Promise.resolve([]), ...deps };
}

/** Registers that table on the fake's ipcMain as main does at start, answering the app's page only. */
export function registerAppHandlers(fake: FakeElectron, deps: Pick<HandlerDeps, 'library'> & Partial<HandlerDeps>): void {
  registerHandlers(fake.ipcMain as never, createDispatch(createHandlers(handlerDeps(deps)), () => undefined), isFromAppPage(appUrl));
}

/**
 * The page's calls through the fake: `call` gives main's answer, `value` its value or throws with its
 * message. The fake is looked up at each call, so a test that starts a new one per test can share these.
 */
export function pageCalls(fake: () => FakeElectron) {
  const call = <T = unknown>(method: string, request?: unknown) =>
    fake().callFrom(appUrl, `pizhu:${method}`, request) as Promise<Answer<T>>;
  async function value<T>(method: string, request?: unknown): Promise<T> {
    const answer = await call<T>(method, request);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
    return answer.value;
  }
  return { call, value };
}
