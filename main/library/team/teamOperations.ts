import type { AgreementFigures } from '../analysis/agreement/agreementTypes';
import type { AgreementUnit, Member, TeamAgreement, TeamAgreementFigures } from '../../../preload/contract/teamTypes';
import { computeAgreement } from '../analysis/agreement/computeAgreement';
import { readTeamAgreement } from '../analysis/agreement/readTeamAgreement';
import { createJournaled } from '../annotations/journaled';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { listMembers, setLocalMember } from './members';

export interface TeamAgreementRequest {
  /** Member uids, at least two, each once. */
  coders: readonly string[];
  articleIds: readonly number[];
  level: AgreementUnit;
  /** Absent: every tag the coders used in the articles. */
  tagIds?: readonly number[];
}

/** The library's members, this person's name and colour, and agreement between members (issue #19, team work). */
export function createTeam(db: Db, nowIso: () => string) {
  const journaled = createJournaled(db, nowIso);
  return {
    members: (): Member[] => listMembers(db),
    /** This person's name and colour, one undo step; replicated to the library's other devices. */
    setMe: (wanted: { name: string; color: string }): Member => setLocalMember(db, journaled, wanted),
    agreement: (request: TeamAgreementRequest): TeamAgreement => teamAgreement(db, request),
  };
}

function teamAgreement(db: Db, request: TeamAgreementRequest): TeamAgreement {
  const coders = [...new Set(request.coders)];
  if (coders.length < 2) throw new LibraryError('invalid-argument', 'Agreement compares at least two members, each named once.');
  const known = new Set(listMembers(db).map((m) => m.uid));
  const unknown = coders.find((c) => !known.has(c));
  if (unknown !== undefined) throw new LibraryError('not-found', `No member of this library has the id ${unknown}.`, unknown);
  if (request.articleIds.length === 0) throw new LibraryError('invalid-argument', 'Choose at least one article to compare.');
  const { input, tagNames, paragraphIds } = readTeamAgreement(db, {
    level: request.level,
    articleIds: request.articleIds,
    coders,
    ...(request.tagIds === undefined ? {} : { tagIds: request.tagIds }),
  });
  const report = computeAgreement(input);
  const paragraphRow = db.prepare('SELECT text FROM paragraph WHERE id = ?').pluck();
  const titleRow = db.prepare('SELECT title FROM article WHERE id = ?').pluck();
  return {
    level: report.level,
    coders: report.coders.map(String),
    articles: input.articles.length,
    perCode: report.perCode.map((c) => ({ tag: tagNames.get(c.code as number) ?? String(c.code), ...figures(c) })),
    overall: figures(report.overall),
    disagreements: report.disagreements.map((d) => {
      const articleId = d.article as number;
      const paragraphId = paragraphIds.get(articleId)![d.paragraph]!;
      const text = String(paragraphRow.get(paragraphId));
      return {
        articleId,
        title: String(titleRow.get(articleId)),
        paragraphId,
        tag: tagNames.get(d.code as number) ?? String(d.code),
        start: d.start,
        end: d.end,
        text: text.slice(d.start, d.end),
        codedBy: d.codedBy.map(String),
        notCodedBy: d.notCodedBy.map(String),
      };
    }),
  };
}

function figures(f: AgreementFigures): TeamAgreementFigures {
  return { units: f.units, percentAgreement: f.percentAgreement, cohensKappa: f.cohensKappa, krippendorffAlpha: f.krippendorffAlpha };
}
