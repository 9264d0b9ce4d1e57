import { isScriptMode, scriptModes, type ScriptMode } from '../../preload/common/scriptModes';

/** Arguments that are not one of a command's forms: runCli prints its message with the usage, exit 2. */
export class UsageError extends Error {}

/** --article ID: an article id, or undefined when not given. */
export function articleIdOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError('--article needs an article id');
  return id;
}

/** --NAME MODE: a script mode, or undefined when not given. */
export function scriptModeOption(value: string | undefined, name: string): ScriptMode | undefined {
  if (value === undefined) return undefined;
  if (!isScriptMode(value)) throw new UsageError(`--${name} must be one of ${scriptModes.join(', ')}`);
  return value;
}
