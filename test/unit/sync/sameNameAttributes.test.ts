import { describe, expect, it } from 'vitest';
import { foldedName } from '../../../main/library/attributes/attributeValues';
import { devicesPerTest, expectConverged, syncAll, type Device } from './model/syncedLibraries';

/**
 * Attributes follow the same-name rule tags do (sync/model/sameNameMerges): one name defined on
 * two offline devices is one attribute, and two attributes meet on a name only while the library
 * document's names meet, not because a device once saw them meet in a passing state.
 */
const devices = devicesPerTest();

/** Every document of `from` that `to` lacks, as a transport would bring it. */
function deliver(from: Device, to: Device): void {
  for (const name of from.library.sync.docNames()) {
    to.library.sync.apply(name, from.library.sync.diff(name, to.library.sync.stateVector(name)));
  }
}

const attributeId = (d: Device, name: string): number => {
  const found = d.library.attributes.listAttributes().find((a) => a.name === name);
  if (!found) throw new Error(`No attribute ${name} on ${d.name}.`);
  return found.id;
};

const uidOf = (d: Device, name: string): string =>
  d.library.database().prepare('SELECT uid FROM attribute WHERE id = ?').pluck().get(attributeId(d, name)) as string;

/** Attribute names as the person sees them, each with the article's value (null: none). */
function shown(d: Device): Record<string, string | null> {
  const values = new Map(d.library.attributes.articleAttributes(d.articleId).map((v) => [v.name, v.value]));
  return Object.fromEntries(d.library.attributes.listAttributes().map((a) => [a.name, values.get(a.name) ?? null]));
}

/**
 * A names the larger-uid attribute 丙, B names the smaller 丙 too, and C, having seen B's, renames
 * it 甲. `bFirst`: A takes B's changes before C's (and sees the clash for a while). Returns what every device shows.
 */
async function race(bFirst: boolean): Promise<Record<string, string | null>> {
  const all = await devices(3);
  const [a, b, c] = all as [Device, Device, Device];
  a.library.attributes.defineAttribute({ name: '来源', kind: 'text' });
  a.library.attributes.defineAttribute({ name: '出处', kind: 'text' });
  syncAll(all);
  const [kept, taken] = ['来源', '出处'].sort((x, y) => (uidOf(a, x) < uidOf(a, y) ? -1 : 1)) as [string, string];
  // Only the attribute a merge would take away has a value: merged, it shows under the kept one.
  a.library.attributes.setAttributeValue([a.articleId], attributeId(a, taken), '晚报');
  syncAll(all);
  a.library.attributes.updateAttribute(attributeId(a, taken), { name: '丙', kind: 'text' });
  b.library.attributes.updateAttribute(attributeId(b, kept), { name: '丙', kind: 'text' });
  deliver(b, c);
  c.library.attributes.updateAttribute(attributeId(c, '丙'), { name: '甲', kind: 'text' });
  if (bFirst) {
    deliver(b, a);
    // A saw two attributes named 丙: one went into the other, for now.
    expect(shown(a)).toEqual({ 丙: '晚报' });
    deliver(c, a);
  } else {
    deliver(c, a);
  }
  expectConverged(all);
  const seen = shown(a);
  for (const d of all) expect(shown(d)).toEqual(seen);
  return seen;
}

describe('attributes of one name', () => {
  it('a clash that exists only in a passing state is undone: the same attributes and values in either order', async () => {
    const bFirst = await race(true);
    const cFirst = await race(false);
    expect(cFirst).toEqual({ 丙: '晚报', 甲: null });
    expect(bFirst).toEqual(cFirst);
  });

  it('defined on two offline devices under names one device takes for the same (case, script) is one attribute', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    a.library.attributes.defineAttribute({ name: '來源', kind: 'text' });
    b.library.attributes.defineAttribute({ name: '来源', kind: 'text' });
    a.library.attributes.defineAttribute({ name: 'Year', kind: 'text' });
    b.library.attributes.defineAttribute({ name: 'year', kind: 'text' });
    a.library.attributes.setAttributeValue([a.articleId], attributeId(a, '來源'), '晚报');
    b.library.attributes.setAttributeValue([b.articleId], attributeId(b, 'year'), '2024');
    expectConverged(all);
    const seen = shown(a);
    // One of each, under whichever name stays: one device alone would refuse the second name.
    expect(Object.keys(seen).map(foldedName).sort()).toEqual(['year', '来源']);
    expect(Object.values(seen).sort()).toEqual(['2024', '晚报']);
    expect(shown(b)).toEqual(seen);
  });

  for (const valuesOn of ['the first device', 'both devices'] as const) {
    it(`defined on two offline devices is one attribute, with the values set on ${valuesOn}`, async () => {
      const all = await devices(2);
      const [a, b] = all as [Device, Device];
      a.library.attributes.defineAttribute({ name: '体裁', kind: 'text' });
      b.library.attributes.defineAttribute({ name: '体裁', kind: 'text' });
      a.library.attributes.defineAttribute({ name: '作者', kind: 'text' });
      b.library.attributes.defineAttribute({ name: '作者', kind: 'text' });
      // A's 体裁 value and B's 作者 value: whichever uid stays, each value shows under the one attribute.
      a.library.attributes.setAttributeValue([a.articleId], attributeId(a, '体裁'), '散文');
      if (valuesOn === 'both devices')
        b.library.attributes.setAttributeValue([b.articleId], attributeId(b, '作者'), '鲁迅');
      expectConverged(all);
      const expected = { 体裁: '散文', 作者: valuesOn === 'both devices' ? '鲁迅' : null };
      for (const d of all) expect(shown(d)).toEqual(expected);
      // Renaming the one attribute keeps it one, with its value, once more devices' changes are taken.
      b.library.attributes.updateAttribute(attributeId(b, '体裁'), { name: '文体', kind: 'text' });
      expectConverged(all);
      for (const d of all) expect(shown(d)).toEqual({ 文体: '散文', 作者: expected.作者 });
      // Removed, it is gone with the one merged into it: the other does not come back under the old name.
      a.library.attributes.removeAttribute(attributeId(a, '文体'));
      expectConverged(all);
      for (const d of all) expect(shown(d)).toEqual({ 作者: expected.作者 });
    });
  }
});
