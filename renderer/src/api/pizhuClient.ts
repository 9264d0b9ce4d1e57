import type { PizhuApi } from '../../../preload/contract/api';
import type { PizhuError, Result } from '../../../preload/contract/errors';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

/** The only way the renderer reaches main: the API the preload exposed. */
export const pizhu: PizhuApi = window.pizhu;

/** A failed call as an Error the UI can show; keeps the typed error for callers that care. */
export class PizhuCallError extends Error {
  constructor(readonly error: PizhuError) {
    super(error.message);
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new PizhuCallError(result.error);
}
