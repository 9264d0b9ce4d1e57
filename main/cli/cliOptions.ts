import type { AnalysisAttribute } from '../../preload/contract/analysisTypes';
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

/** --article IDS: one article id or several, comma-separated (1 or 1,2,3). */
export function articleIdsOption(value: string): number[] {
  const ids = value.split(',').map(Number);
  if (ids.some((id) => !Number.isInteger(id) || id <= 0)) throw new UsageError('--article needs article ids (1 or 1,2,3)');
  return ids;
}

/** --NAME MODE: a script mode, or undefined when not given. */
export function scriptModeOption(value: string | undefined, name: string): ScriptMode | undefined {
  if (value === undefined) return undefined;
  if (!isScriptMode(value)) throw new UsageError(`--${name} must be one of ${scriptModes.join(', ')}`);
  return value;
}

/** --attribute NAME=VALUE (freq, kwic, keyness): articles whose attribute NAME has VALUE; the first = splits. */
export function attributeValueOption(value: string | undefined): AnalysisAttribute | undefined {
  if (value === undefined) return undefined;
  const at = value.indexOf('=');
  const name = value.slice(0, at).trim();
  const wanted = value.slice(at + 1).trim();
  if (at < 0 || name === '' || wanted === '') throw new UsageError('--attribute needs NAME=VALUE (pizhu attributes list names them)');
  return { name, value: wanted };
}
