import type { PizhuApi } from './api';
import { channelOf, methods } from './channels';

export type Invoke = (channel: string, request: unknown) => Promise<unknown>;

/**
 * Builds `window.pizhu` from one invoke function. The real preload passes ipcRenderer.invoke;
 * the Chromium test launcher passes a bridge to the same handler table.
 */
export function createApi(invoke: Invoke): PizhuApi {
  const api: Record<string, (request?: unknown) => Promise<unknown>> = {};
  for (const method of methods) {
    const channel = channelOf(method);
    api[method] = (request?: unknown) => invoke(channel, request);
  }
  return api as unknown as PizhuApi;
}
