import { LibraryError } from '../../libraryError';
import type {
  AgreementFigures,
  AgreementId,
  AgreementInput,
  AgreementReport,
  Disagreement,
  PairAgreement,
} from './agreementTypes';
import { cohensKappa, nominalAlpha, type ReliabilityUnit } from './reliability';

/**
 * Units that look alike, counted: a profile is one character per coder, '-' no data, '0' not
 * coded, '1' coded. Every character of a paragraph no one coded shares its article's profile,
 * so a library's worth of characters costs one entry per distinct profile, not one per unit.
 */
type Profiles = Map<string, number>;

interface Span {
  coder: number;
  start: number;
  end: number;
}

interface ArticleEntry {
  order: number;
  id: AgreementId;
  lengths: readonly number[];
  /** The article's profile with no code applied: '0' for each coder with data, '-' for the others. */
  blank: string;
  present: boolean[];
}

/**
 * Percent agreement, Cohen's κ (two coders) and Krippendorff's α (nominal) per code and over all
 * codes, at the level asked for (see AgreementLevel for what a unit is), with every passage
 * where coders differ. Bad input (an unknown coder, a paragraph or range outside its article)
 * is refused with a message naming it.
 */
export function computeAgreement(input: AgreementInput): AgreementReport {
  if (input.level !== 'character' && input.level !== 'paragraph') {
    throw invalid(`The agreement level must be "character" or "paragraph", not "${String(input.level)}".`);
  }
  const coderOf = indexOf(input.coders, 'coder');
  const codeOf = indexOf(input.codes, 'code');
  const articles = articleEntries(input, coderOf);

  // Codings grouped by code, then by paragraph (keyed by article order × stride + paragraph index).
  let stride = 1;
  for (const a of articles.values()) stride = Math.max(stride, a.lengths.length + 1);
  const byCode = input.codes.map(() => new Map<number, { article: ArticleEntry; paragraph: number; spans: Span[] }>());
  const add = (coding: { coder: AgreementId; code: AgreementId; article: AgreementId; paragraph: number }, range?: { start: number; end: number }) => {
    const code = codeOf.get(coding.code);
    const article = articles.get(coding.article);
    if (code === undefined || article === undefined) return;
    const coder = coderOf.get(coding.coder);
    if (coder === undefined) throw invalid(`The coding by "${String(coding.coder)}" names no coder of this comparison.`);
    if (!article.present[coder]) {
      throw invalid(`"${String(coding.coder)}" coded article "${String(article.id)}" but is not among its coders.`);
    }
    const length = article.lengths[coding.paragraph];
    if (!Number.isInteger(coding.paragraph) || length === undefined) {
      throw invalid(`Article "${String(article.id)}" has no paragraph ${coding.paragraph}.`);
    }
    const start = range?.start ?? 0;
    const end = range?.end ?? length;
    if (range && (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || start >= end)) {
      throw invalid(`The range ${start}-${end} does not lie in paragraph ${coding.paragraph} of article "${String(article.id)}" (0-${length}).`);
    }
    const groups = byCode[code]!;
    const key = article.order * stride + coding.paragraph;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { article, paragraph: coding.paragraph, spans: [] }));
    group.spans.push({ coder, start, end });
  };
  for (const h of input.highlights) add(h, h);
  for (const p of input.paragraphCodes) add(p);

  const blank: Profiles = new Map();
  for (const article of articles.values()) {
    const units = input.level === 'character' ? article.lengths.reduce((sum, n) => sum + n, 0) : article.lengths.length;
    addTo(blank, article.blank, units);
  }

  const overallProfiles: Profiles = new Map();
  const disagreements: Array<{ passage: Disagreement; articleOrder: number; codeIndex: number }> = [];
  const perCode = input.codes.map((code, codeIndex) => {
    const profiles = new Map(blank);
    for (const { article, paragraph, spans } of byCode[codeIndex]!.values()) {
      const length = article.lengths[paragraph]!;
      const segments =
        input.level === 'character'
          ? segmentsOf(spans, input.coders.length)
          : [{ start: 0, end: length, coded: codedBy(spans, input.coders.length) }];
      const weight = (s: { start: number; end: number }) => (input.level === 'character' ? s.end - s.start : 1);
      let last: Disagreement | undefined;
      let lastProfile = '';
      for (const segment of segments) {
        let profile = '';
        for (let i = 0; i < article.present.length; i += 1) profile += !article.present[i] ? '-' : segment.coded[i] ? '1' : '0';
        addTo(profiles, article.blank, -weight(segment));
        addTo(profiles, profile, weight(segment));
        if (!profile.includes('0') || !profile.includes('1')) continue;
        if (last && last.end === segment.start && lastProfile === profile) {
          last.end = segment.end;
          continue;
        }
        last = {
          code,
          article: article.id,
          paragraph,
          start: segment.start,
          end: segment.end,
          codedBy: input.coders.filter((_, i) => profile[i] === '1'),
          notCodedBy: input.coders.filter((_, i) => profile[i] === '0'),
        };
        lastProfile = profile;
        disagreements.push({ passage: last, articleOrder: article.order, codeIndex });
      }
    }
    for (const [profile, count] of profiles) addTo(overallProfiles, profile, count);
    return { code, ...figures(profiles, input.coders) };
  });

  disagreements.sort(
    (a, b) =>
      a.articleOrder - b.articleOrder ||
      a.passage.paragraph - b.passage.paragraph ||
      a.passage.start - b.passage.start ||
      a.codeIndex - b.codeIndex,
  );
  return {
    level: input.level,
    coders: [...input.coders],
    perCode,
    overall: figures(overallProfiles, input.coders),
    disagreements: disagreements.map((d) => d.passage),
  };
}

/** The figures over counted profiles: α over all coders, κ and percent agreement for each pair. */
function figures(profiles: Profiles, coders: readonly AgreementId[]): AgreementFigures {
  const units: Array<ReliabilityUnit<string>> = [];
  for (const [profile, weight] of profiles) {
    if (weight > 0) units.push({ values: [...profile].map((c) => (c === '-' ? null : c)), weight });
  }
  const alpha = nominalAlpha(units);
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < coders.length; i += 1) {
    for (let j = i + 1; j < coders.length; j += 1) {
      const kappa = cohensKappa(units, i, j);
      pairs.push({ coders: [coders[i]!, coders[j]!], units: kappa.units, percentAgreement: kappa.observedAgreement, cohensKappa: kappa.kappa });
    }
  }
  // Units compared: those with at least two coders' data.
  let compared = 0;
  for (const unit of units) if (unit.values.filter((v) => v !== null).length >= 2) compared += unit.weight ?? 1;
  return {
    units: compared,
    percentAgreement: alpha.observedAgreement,
    cohensKappa: coders.length === 2 ? (pairs[0]?.cohensKappa ?? null) : null,
    krippendorffAlpha: alpha.alpha,
    pairs,
  };
}

/** One paragraph's spans cut where any begins or ends: each piece with who coded all of it. Pieces nobody coded are left out. */
function segmentsOf(spans: readonly Span[], coderCount: number): Array<{ start: number; end: number; coded: boolean[] }> {
  const events = new Map<number, Array<[number, number]>>();
  for (const s of spans) {
    (events.get(s.start) ?? events.set(s.start, []).get(s.start)!).push([s.coder, 1]);
    (events.get(s.end) ?? events.set(s.end, []).get(s.end)!).push([s.coder, -1]);
  }
  const positions = [...events.keys()].sort((a, b) => a - b);
  const depth = new Array<number>(coderCount).fill(0);
  const segments: Array<{ start: number; end: number; coded: boolean[] }> = [];
  for (let i = 0; i < positions.length - 1; i += 1) {
    for (const [coder, delta] of events.get(positions[i]!)!) depth[coder] = depth[coder]! + delta;
    const coded = depth.map((d) => d > 0);
    if (coded.some(Boolean)) segments.push({ start: positions[i]!, end: positions[i + 1]!, coded });
  }
  return segments;
}

function codedBy(spans: readonly Span[], coderCount: number): boolean[] {
  const coded = new Array<boolean>(coderCount).fill(false);
  for (const s of spans) coded[s.coder] = true;
  return coded;
}

function articleEntries(input: AgreementInput, coderOf: Map<AgreementId, number>): Map<AgreementId, ArticleEntry> {
  const entries = new Map<AgreementId, ArticleEntry>();
  input.articles.forEach((article, order) => {
    if (entries.has(article.id)) throw invalid(`Article "${String(article.id)}" is chosen twice.`);
    for (const n of article.paragraphLengths) {
      if (!Number.isInteger(n) || n < 0) throw invalid(`Article "${String(article.id)}" has a paragraph of length ${n}.`);
    }
    const present = input.coders.map(() => article.coders === undefined);
    for (const coder of article.coders ?? []) {
      const i = coderOf.get(coder);
      if (i === undefined) throw invalid(`Article "${String(article.id)}" names "${String(coder)}", who is no coder of this comparison.`);
      present[i] = true;
    }
    entries.set(article.id, {
      order,
      id: article.id,
      lengths: article.paragraphLengths,
      blank: present.map((has) => (has ? '0' : '-')).join(''),
      present,
    });
  });
  return entries;
}

function indexOf(ids: readonly AgreementId[], what: string): Map<AgreementId, number> {
  const index = new Map<AgreementId, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw invalid(`The ${what} "${String(id)}" is listed twice.`);
    index.set(id, i);
  });
  return index;
}

function addTo(profiles: Profiles, profile: string, count: number): void {
  profiles.set(profile, (profiles.get(profile) ?? 0) + count);
}

function invalid(message: string): LibraryError {
  return new LibraryError('invalid-argument', message);
}
