import { describe, expect, it } from 'vitest';
import type { ParagraphKind } from '../../../../../preload/contract/articleTypes';
import type { ComparisonRow } from '../../../../../preload/contract/compareTypes';
import { compareVersions, type VersionInput } from '../../../../../main/library/duplicates/compareVersions';

const story = [
  '长江流域今年入汛以来首次出现区域性洪水',
  '新华社武汉7月5日电（记者 王磊）记者从水利部长江水利委员会获悉，受持续强降雨影响，长江流域今年入汛以来首次出现区域性洪水，干流宜昌至大通江段水位全线上涨。',
  '长江委水文局预报，未来三天长江中下游干流水位将继续上涨，其中莲花塘站水位可能超过警戒水位0.5米左右，汉口站将接近警戒水位。',
  '长江委已于5日12时将水旱灾害防御Ⅳ级应急响应提升至Ⅲ级，并派出三个工作组赴湖南、湖北、江西等地协助指导防汛工作。',
  '专家提醒，沿江各地要加强堤防巡查，做好人员转移避险准备，确保人民群众生命财产安全。',
];

/** The same story as a Hong Kong or Taiwan outlet prints it: traditional characters, corner quotes. */
const storyTraditional = [
  '長江流域今年入汛以來首次出現區域性洪水',
  '新華社武漢7月5日電（記者 王磊）記者從水利部長江水利委員會獲悉，受持續強降雨影響，長江流域今年入汛以來首次出現區域性洪水，幹流宜昌至大通江段水位全線上漲。',
  '長江委水文局預報，未來三天長江中下游幹流水位將繼續上漲，其中蓮花塘站水位可能超過警戒水位0.5米左右，漢口站將接近警戒水位。',
  '長江委已於5日12時將水旱災害防禦Ⅳ級應急響應提升至Ⅲ級，並派出三個工作組赴湖南、湖北、江西等地協助指導防汛工作。',
  '專家提醒，沿江各地要加強堤防巡查，做好人員轉移避險準備，確保人民群眾生命財產安全。',
];

let nextId = 1;
function version(
  texts: readonly (string | { text: string; kind: ParagraphKind })[],
  meta: Partial<VersionInput> = {},
): VersionInput {
  return {
    id: nextId++,
    title: '长江流域出现区域性洪水',
    source: null,
    publishedAt: null,
    script: 'simplified',
    region: 'mainland',
    paragraphs: texts.map((t, order) => {
      const { text, kind } = typeof t === 'string' ? { text: t, kind: order === 0 ? 'title' : 'body' } : t;
      return { id: 1000 * nextId + order, order, kind: kind as ParagraphKind, text };
    }),
    ...meta,
  };
}

function marked(text: string, ranges: readonly { start: number; end: number }[]): string[] {
  return ranges.map((r) => text.slice(r.start, r.end));
}

function kinds(rows: readonly ComparisonRow[]): string[] {
  return rows.map((r) => r.kind + (r.moved ? ' moved' : ''));
}

describe('comparing two versions of one story, paragraph by paragraph', () => {
  it('reads a traditional copy of a simplified story as the same, paragraph for paragraph', () => {
    const result = compareVersions(version(story), version(storyTraditional, { script: 'traditional' }));
    expect(kinds(result.rows)).toEqual(['same', 'same', 'same', 'same', 'same']);
    expect(result.counts).toEqual({ same: 5, changed: 0, onlyLeft: 0, onlyRight: 0 });
    expect(result.rows[1]!.right!.text).toBe(storyTraditional[1]);
    expect(result.capped).toBe(false);
  });

  it('marks the characters of an edited sentence on each side, across scripts', () => {
    const edited = [...storyTraditional];
    edited[2] =
      '長江委水文局預報，未來三天長江中下游幹流水位將繼續上漲，其中蓮花塘站水位可能超過警戒水位1米左右，漢口站將接近警戒水位。';
    const result = compareVersions(version(story), version(edited, { script: 'traditional' }));
    expect(kinds(result.rows)).toEqual(['same', 'same', 'changed', 'same', 'same']);
    const row = result.rows[2]!;
    expect(marked(row.left!.text, row.leftChanges)).toEqual(['0.5']);
    expect(marked(row.right!.text, row.rightChanges)).toEqual(['1']);
    expect(result.counts).toEqual({ same: 4, changed: 1, onlyLeft: 0, onlyRight: 0 });
  });

  it('shows a paragraph one outlet added and one it cut, in place', () => {
    const repost = [
      story[0]!,
      story[1]!,
      '当晚，武汉市防汛抗旱指挥部召开紧急会议，要求各区各部门立即进入战时状态，全力做好防汛抗洪各项工作。',
      story[2]!,
      story[3]!,
    ];
    const result = compareVersions(version(story), version(repost));
    expect(kinds(result.rows)).toEqual(['same', 'same', 'only-right', 'same', 'same', 'only-left']);
    expect(result.rows[2]!.left).toBeNull();
    expect(result.rows[2]!.right!.text).toContain('武汉市防汛抗旱指挥部');
    expect(result.rows[5]!.left!.text).toBe(story[4]);
    expect(result.rows[5]!.right).toBeNull();
    expect(result.counts).toEqual({ same: 4, changed: 0, onlyLeft: 1, onlyRight: 1 });
  });

  it('keeps a paragraph the other outlet moved beside its counterpart, marked moved', () => {
    const reordered = [story[0]!, story[1]!, story[4]!, story[2]!, story[3]!];
    const result = compareVersions(version(story), version(reordered));
    expect(kinds(result.rows)).toEqual(['same', 'same', 'same', 'same', 'same moved']);
    expect(result.rows[4]!.right).toMatchObject({ order: 2, position: 3 });
    expect(result.counts).toEqual({ same: 5, changed: 0, onlyLeft: 0, onlyRight: 0 });
  });

  it("leaves out the lines cleaning hid (an outlet's chrome) and counts them", () => {
    const withChrome = [
      ...story,
      { text: '责任编辑：张三', kind: 'boilerplate' as const },
      { text: '分享到：微信 微博 QQ空间', kind: 'boilerplate' as const },
    ];
    const result = compareVersions(version(withChrome, { source: '长江日报' }), version(story, { source: '新华网' }));
    expect(result.counts).toEqual({ same: 5, changed: 0, onlyLeft: 0, onlyRight: 0 });
    expect(result.left).toMatchObject({ source: '长江日报', hiddenCount: 2 });
    expect(result.right).toMatchObject({ source: '新华网', hiddenCount: 0 });
  });

  it('names each version’s own region, so each side converts as its own article does', () => {
    const result = compareVersions(
      version(storyTraditional, { script: 'traditional', region: 'taiwan' }),
      version(storyTraditional, { script: 'traditional', region: 'hongkong' }),
    );
    expect(result.left).toMatchObject({ script: 'traditional', region: 'taiwan' });
    expect(result.right).toMatchObject({ script: 'traditional', region: 'hongkong' });
  });

  it('gives the same answer every time', () => {
    const a = version(story);
    const b = version([story[0]!, story[3]!, story[1]!, '补充一段新的内容，说明长江流域的防汛形势。']);
    expect(compareVersions(a, b)).toEqual(compareVersions(a, b));
  });

  it('bounds the work on very long articles and says so', () => {
    // 900 distinct paragraphs a side, none equal: too many pairs to compare each with each.
    let seed = 7;
    const randomText = () =>
      Array.from({ length: 40 }, () => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return String.fromCharCode(0x4e00 + ((seed >>> 8) % 20000));
      }).join('');
    const left = Array.from({ length: 900 }, randomText);
    const right = left.map((t) => t.slice(0, 30) + randomText().slice(0, 10));
    const started = performance.now();
    const result = compareVersions(version(left), version(right));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.capped).toBe(true);
    // Each edited paragraph still found its counterpart near its place.
    expect(result.counts.changed).toBe(900);

    const long = '长'.repeat(5000);
    const whole = compareVersions(version([long + '江']), version([long + '河']));
    expect(whole.capped).toBe(true);
    expect(whole.rows[0]).toMatchObject({ kind: 'changed', leftChanges: [{ start: 0, end: 5001 }] });
  });
});
