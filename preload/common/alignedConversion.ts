/**
 * opencc-js's conversion pipeline, run so that it records which source piece became which
 * output piece (DESIGN §4, §10).
 *
 * opencc-js converts in stages: a normalization chain over the whole text, then (for most
 * configs) a segmentation by longest match, then a chain of tries applied to each segment on
 * its own, each replacing longest matches. This runs the same stages over the same dictionaries
 * and produces the same text, plus an Alignment of the whole conversion.
 *
 * Everything between the input and the result lives in buffers owned by the converter and
 * reused on every call (the renderer converts paragraph after paragraph; the bench converts a
 * long seed in a process with a large heap): a call allocates the output string and nothing
 * per character or per segment. Conversions are synchronous and never re-entered, so one set
 * of buffers per converter is enough.
 *
 * Work that cannot change anything is skipped, which is exact, not a heuristic: a stage whose
 * input holds no character any of its keys starts with leaves it as it is (KeyStarts), and a
 * stage that changed nothing composes away. So normalization costs one regular-expression test
 * per paragraph, and the stages after the first only run on the few segments whose text they
 * could change.
 */

import { Alignment, composeInto } from './alignment';
import { CodeUnits } from './codeUnits';
import { none, type DictionaryTrie } from './dictionaryTrie';
import { unmatchedLength } from './openccSteps';
import { KeyStarts } from './keyStarts';

export interface ConversionStages {
  /** Each applied to the whole text, in turn. */
  readonly normalize: readonly DictionaryTrie[];
  /** Longest matches of this split the text into segments; null: the whole text is one segment. */
  readonly segment: DictionaryTrie | null;
  /** Each applied in turn to every segment, within it. */
  readonly chain: readonly DictionaryTrie[];
  /**
   * The segmentation dictionaries are the first dictionaries of the first chain stage, in the
   * same order (true of every OpenCC config that segments). The first stage then turns a
   * segment the segmentation matched into exactly the segmentation's value: the segment is a
   * key of that stage, nothing longer fits in it, and the first dictionary holding it is one of
   * the segmentation's. So that lookup is done once, not twice.
   */
  readonly segmentsAreFirstStageKeys: boolean;
  /**
   * Besides the segmentation's, the first chain stage's keys are single code points, none an
   * ideographic description character (STCharacters). Between segmentation matches, where none
   * of the segmentation's keys starts, the first stage can then only match one code point at a
   * time, at the same positions the segmentation looked at.
   */
  readonly firstStageKeysInRunsAreSingle: boolean;
}

/** The result of a call, valid until the next call on the same converter. */
export interface AlignedText {
  readonly text: string;
  readonly alignment: Alignment;
}

/**
 * One trie over units[start, end), as opencc-js's Trie.convert on that slice: the output is
 * appended to `out`, the pieces to `alignment`. With `singleCodePointKeys` the caller knows
 * no key longer than one code point can match here, so each lookup stops at the root.
 */
function runStage(
  trie: DictionaryTrie,
  units: Uint16Array,
  start: number,
  end: number,
  out: CodeUnits,
  alignment: Alignment,
  singleCodePointKeys = false,
): void {
  const firstUnits = trie.rootChildren;
  let runStart = -1;
  for (let i = start; i < end;) {
    const c = units[i]!;
    // A plain unit (not a surrogate, not an ideographic description character) is stepped over
    // alone when nothing matches; most start no key, and are passed over here without a call.
    const plain = c < 0x2ff0 || (c > 0x2fff && c < 0xd800) || c > 0xdfff;
    let matchEnd = 0;
    if (!plain || firstUnits[c] !== none) {
      const bound = singleCodePointKeys ? Math.min(end, i + (plain ? 1 : 2)) : end;
      matchEnd = trie.longestMatch(units, i, bound);
    }
    if (matchEnd > 0) {
      if (runStart >= 0) {
        out.appendRange(units, runStart, i);
        alignment.pushUnchanged(i - runStart);
        runStart = -1;
      }
      const value = trie.value;
      out.appendString(value);
      alignment.push(matchEnd - i, value.length);
      i = matchEnd;
    } else {
      if (runStart < 0) runStart = i;
      i += plain ? 1 : unmatchedLength(units, i, end);
    }
  }
  if (runStart >= 0) {
    out.appendRange(units, runStart, end);
    alignment.pushUnchanged(end - runStart);
  }
}

/** What is known of a segmentation match's value: may a later chain stage change it? */
const unknown = 0;
const laterStagesKeepIt = 1;
const laterStagesMayChangeIt = 2;

export class AlignedConverter {
  private readonly stages: ConversionStages;
  /** One per normalization stage: where it can start a match. */
  private readonly normalizeStarts: KeyStarts[];
  /** Where any chain stage after the first can start a match. */
  private readonly laterStarts: KeyStarts;
  /** Per segmentation node, whether its value is left alone by the later stages (filled as met). */
  private readonly laterStagesOnValue: Uint8Array;

  /** The text, and the normalization's output: whichever holds the current text is `current`. */
  private current = new CodeUnits();
  private spare = new CodeUnits();
  private readonly output = new CodeUnits();
  /** Input of each chain stage after the first, for the segment at hand. */
  private readonly stageTexts: CodeUnits[];
  /** text -> normalized text, when normalization changed something. */
  private normalizeAlignment = new Alignment();
  /** normalized text -> output: every segment's pieces, in order. */
  private readonly segmentsAlignment = new Alignment();
  /** text -> output, when normalization changed something. */
  private readonly result = new Alignment();
  /** Scratch within a stage or a segment. */
  private stageAlignment = new Alignment();
  private composed = new Alignment();
  private composedSpare = new Alignment();

  constructor(stages: ConversionStages) {
    this.stages = stages;
    this.normalizeStarts = stages.normalize.map((trie) => new KeyStarts([trie]));
    this.laterStarts = new KeyStarts(stages.chain.slice(1));
    this.laterStagesOnValue = new Uint8Array(stages.segmentsAreFirstStageKeys ? (stages.segment?.nodeCount ?? 0) : 0);
    this.stageTexts = stages.chain.map(() => new CodeUnits());
  }

  convert(text: string): AlignedText {
    this.result.clear();
    if (text === '') return { text: '', alignment: this.result };
    this.current.clear();
    this.current.appendString(text);
    const normalizedChanged = this.normalize(text);

    this.output.clear();
    this.segmentsAlignment.clear();
    this.convertSegments(this.current);

    let alignment = this.segmentsAlignment;
    if (normalizedChanged) {
      composeInto(this.normalizeAlignment, this.segmentsAlignment, this.result);
      alignment = this.result;
    }
    // Nothing replaced anywhere: the output is the text itself, no new string needed.
    return { text: alignment.isIdentity() ? text : this.output.toString(), alignment };
  }

  /** Runs the normalization chain over `current`; false when it changed nothing. */
  private normalize(text: string): boolean {
    let changed = false;
    const tries = this.stages.normalize;
    for (let k = 0; k < tries.length; k++) {
      // While the text is still the input string, one test tells whether the stage can match at all.
      if (!changed && !this.normalizeStarts[k]!.mayStartIn(text)) continue;
      const to = this.spare;
      to.clear();
      const stage = this.stageAlignment;
      stage.clear();
      runStage(tries[k]!, this.current.units, 0, this.current.length, to, stage);
      // A stage that replaced nothing wrote a copy of its input: keep the input, skip the stage.
      if (stage.isIdentity()) continue;
      if (changed) {
        const next = this.composed;
        next.clear();
        composeInto(this.normalizeAlignment, stage, next);
        this.composed = this.normalizeAlignment;
        this.normalizeAlignment = next;
      } else {
        this.stageAlignment = this.normalizeAlignment;
        this.normalizeAlignment = stage;
      }
      this.spare = this.current;
      this.current = to;
      changed = true;
    }
    return changed;
  }

  /** Segments `source` as opencc-js's Trie.segment does and converts each segment. */
  private convertSegments(source: CodeUnits): void {
    const segment = this.stages.segment;
    const units = source.units;
    const n = source.length;
    if (segment === null) {
      this.convertSegment(units, 0, n, -1);
      return;
    }
    const reuse = this.stages.segmentsAreFirstStageKeys;
    const firstUnits = segment.rootChildren;
    let runStart = -1;
    for (let i = 0; i < n;) {
      const c = units[i]!;
      // As in runStage: a plain unit that starts no key is passed over without a call.
      const plain = c < 0x2ff0 || (c > 0x2fff && c < 0xd800) || c > 0xdfff;
      const matchEnd = plain && firstUnits[c] === none ? 0 : segment.longestMatch(units, i, n);
      if (matchEnd > 0) {
        if (runStart >= 0) {
          this.convertSegment(units, runStart, i, -1);
          runStart = -1;
        }
        this.convertSegment(units, i, matchEnd, reuse ? segment.matchNode : -1);
        i = matchEnd;
      } else {
        if (runStart < 0) runStart = i;
        i += plain ? 1 : unmatchedLength(units, i, n);
      }
    }
    if (runStart >= 0) this.convertSegment(units, runStart, n, -1);
  }

  /** Whether the later chain stages leave the value of segmentation node `node` alone (cached). */
  private laterStagesKeep(node: number, value: string): boolean {
    let known = this.laterStagesOnValue[node]!;
    if (known === unknown) {
      const units = this.stageTexts[0]!;
      units.clear();
      units.appendString(value);
      known = this.laterStarts.mayStartInUnits(units.units, 0, units.length)
        ? laterStagesMayChangeIt
        : laterStagesKeepIt;
      this.laterStagesOnValue[node] = known;
    }
    return known === laterStagesKeepIt;
  }

  /**
   * Runs the chain over units[start, end) on its own and appends the result to `output` and
   * `segmentsAlignment`. `matchedNode` >= 0 is the segmentation node that matched the segment,
   * when its value is what the first stage makes of it.
   */
  private convertSegment(units: Uint16Array, start: number, end: number, matchedNode: number): void {
    const chain = this.stages.chain;
    const out = this.output;
    if (chain.length === 0) {
      out.appendRange(units, start, end);
      this.segmentsAlignment.pushUnchanged(end - start);
      return;
    }
    // The first stage writes straight into the output; most segments end there.
    const outStart = out.length;
    const first = this.stageAlignment;
    first.clear();
    if (matchedNode >= 0) {
      const value = this.stages.segment!.valueAt(matchedNode);
      if (chain.length === 1 || this.laterStagesKeep(matchedNode, value)) {
        out.appendString(value);
        this.segmentsAlignment.push(end - start, value.length);
        return;
      }
      out.appendString(value);
      first.push(end - start, value.length);
    } else if (chain.length === 1) {
      // One stage: its pieces go straight into the paragraph's list, as appendAll would put them.
      runStage(chain[0]!, units, start, end, out, this.segmentsAlignment, this.stages.firstStageKeysInRunsAreSingle);
      return;
    } else {
      runStage(chain[0]!, units, start, end, out, first, this.stages.firstStageKeysInRunsAreSingle);
      if (!this.laterStarts.mayStartInUnits(out.units, outStart, out.length)) {
        this.segmentsAlignment.appendAll(first);
        return;
      }
    }
    this.runLaterStages(outStart);
  }

  /**
   * The chain after its first stage, for a segment whose first-stage output is output[outStart..]
   * with its pieces in `stageAlignment`: that output is replaced by the chain's.
   */
  private runLaterStages(outStart: number): void {
    const chain = this.stages.chain;
    const out = this.output;
    const last = chain.length - 1;
    let from = this.stageTexts[0]!;
    from.clear();
    from.appendRange(out.units, outStart, out.length);
    out.length = outStart;
    this.composedSpare.clear();
    // The first stage's pieces become the composition so far.
    const firstPieces = this.stageAlignment;
    this.stageAlignment = this.composed;
    this.composed = firstPieces;
    for (let k = 1; k <= last; k++) {
      const to = k === last ? out : this.stageTexts[k]!;
      if (k < last) to.clear();
      const stage = this.stageAlignment;
      stage.clear();
      runStage(chain[k]!, from.units, 0, from.length, to, stage);
      // Composing with an alignment that replaced nothing changes nothing, so only this case composes.
      if (!stage.isIdentity()) {
        const next = this.composedSpare;
        next.clear();
        if (this.composed.isIdentity()) next.appendAll(stage);
        else composeInto(this.composed, stage, next);
        this.composedSpare = this.composed;
        this.composed = next;
      }
      from = to;
    }
    this.segmentsAlignment.appendAll(this.composed);
  }
}
