import type { Db } from '../../store/openDatabase';
import type { AgreementLevel } from './agreementTypes';
import { readAgreementInput, type StoredAgreementInput } from './readAgreementInput';

export interface TeamSelection {
  level: AgreementLevel;
  /** The articles compared, in the order their passages are listed. */
  articleIds: readonly number[];
  /** The codes compared (tag ids); absent: every tag the coders used in these articles, by name. */
  tagIds?: readonly number[];
  /** The members compared, by uid (team/members). */
  coders: readonly string[];
}

/**
 * Agreement input within one shared library: each coding's coder is the member who gave the
 * code (the assignment's maker, not the highlight's: one coder may code another's passage).
 * Every compared member is taken to have coded every chosen article, so a member who left one
 * uncoded counts as "not coded" there; codings by other members, or by nobody recorded (made
 * before migration 0029), are left out.
 */
export function readTeamAgreement(db: Db, selection: TeamSelection): StoredAgreementInput {
  const coders = new Set(selection.coders);
  return readAgreementInput(db, {
    level: selection.level,
    articleIds: selection.articleIds,
    ...(selection.tagIds === undefined ? {} : { tagIds: selection.tagIds }),
    coders: [...coders],
    coderOf: (coding) => (coders.has(coding.madeBy) ? coding.madeBy : undefined),
  });
}
