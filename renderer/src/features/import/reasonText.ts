import type { ImportOutcome } from '../../../../preload/contract/articleTypes';
import type { ImportReason } from '../../../../preload/contract/importTypes';
import type { ImportMessageKey } from './messages';

type Translate = (key: ImportMessageKey, vars?: Record<string, string | number>) => string;

/** Each reason code's words in the catalogs, with its parameters. */
const wording: { [C in ImportReason['code']]: (reason: Extract<ImportReason, { code: C }>, ti: Translate) => string } = {
  'not-importable': (_, ti) => ti('reasonNotImportable'),
  'too-large': (r, ti) => ti('reasonTooLarge', { limit: r.limitMb }),
  undecodable: (_, ti) => ti('reasonUndecodable'),
  'no-text': (_, ti) => ti('reasonNoText'),
  'feed-broken': (r, ti) => (r.line === undefined ? ti('reasonFeedBroken') : ti('reasonFeedBrokenLine', { line: r.line })),
  'feed-no-items': (_, ti) => ti('reasonFeedNoItems'),
  'feed-too-many-items': (r, ti) => ti('reasonFeedTooMany', { items: r.items, limit: r.limit }),
  'not-found': (_, ti) => ti('reasonNotFound'),
};

/**
 * Why a file was skipped or not imported, in the reader's language. A code this page does not
 * know (a newer main) or no code at all: main's English message, as the CLI prints it.
 */
export function reasonText(outcome: Pick<ImportOutcome, 'reason' | 'message'>, ti: Translate): string {
  const reason = outcome.reason;
  if (reason && Object.hasOwn(wording, reason.code)) {
    const word = wording[reason.code] as (r: ImportReason, t: Translate) => string;
    return word(reason, ti);
  }
  return outcome.message ?? '';
}
