import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelOf, methods } from '../../preload/contract/channels';
import { fail } from '../../preload/contract/errors';
import type { Dispatch } from './createHandlers';

/** Registers every contract channel; a call from any frame but the app's own page is refused. */
export function registerHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const method of methods) {
    const channel = channelOf(method);
    ipcMain.handle(channel, (event, request: unknown) => {
      if (!isTrustedSender(event)) {
        return fail('forbidden-sender', 'This call did not come from the Pizhu window and was refused.', channel);
      }
      return dispatch(channel, request);
    });
  }
}
