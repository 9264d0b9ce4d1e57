/** Team work (#19): the members of a library, who made each annotation, and agreement between them. */

/** The colours a member may take (shown on the marks of their highlights): distinct in light and dark. */
export const memberColors = ['#e8590c', '#1c7ed6', '#2f9e44', '#ae3ec9', '#0c8599', '#d6336c', '#f08c00', '#5c7cfa'] as const;
export type MemberColor = (typeof memberColors)[number];

/** Longest member name, in characters. */
export const maxMemberNameLength = 40;

export interface Member {
  /** Stable across devices: an annotation's madeBy names it. */
  uid: string;
  name: string;
  color: string;
  /** This library's own person (whose new annotations are theirs). */
  me: boolean;
}

export type AgreementUnit = 'character' | 'paragraph';

export interface TeamAgreementFigures {
  units: number;
  percentAgreement: number | null;
  cohensKappa: number | null;
  krippendorffAlpha: number | null;
}

/** A passage where the compared members differ on one code. */
export interface TeamDisagreement {
  articleId: number;
  title: string;
  paragraphId: number;
  tag: string;
  /** [start, end) in UTF-16 units of the paragraph's text; the whole paragraph at paragraph level. */
  start: number;
  end: number;
  text: string;
  codedBy: string[];
  notCodedBy: string[];
}

/** Agreement between members of one library on chosen articles (member uids throughout). */
export interface TeamAgreement {
  level: AgreementUnit;
  coders: string[];
  articles: number;
  perCode: Array<TeamAgreementFigures & { tag: string }>;
  overall: TeamAgreementFigures;
  disagreements: TeamDisagreement[];
}
