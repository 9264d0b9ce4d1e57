import type { PizhuError } from '../../../../preload/contract/errors';
import type { TermListSkipReason } from '../../../../preload/contract/termOverrideTypes';
import type { MessageVars } from '../../i18n/formatMessage';
import type { overridesMessages } from './messages';

type Key = keyof (typeof overridesMessages)['en'];
type T = (key: Key, vars?: MessageVars) => string;

const worded = ['override-conflict', 'decode-failed', 'file-too-large', 'unsupported-file', 'empty-file'] as const;

/** A refused override change or term list, in the interface language; main's own sentence for any other code. */
export function overrideErrorText(t: T, error: PizhuError, source = ''): string {
  const code = worded.find((c) => c === error.code);
  return code ? t(`error.${code}`, { source }) : error.message;
}

/** Why a term list line was skipped, in the interface language. */
export function skipReasonText(t: T, reason: TermListSkipReason): string {
  return t(`skip.${reason}`);
}
