import { describe, expect, it } from 'vitest';
import { devicesPerTest, expectConverged, syncAll, type Device } from './syncedLibraries';

const devices = devicesPerTest();

const valuesOf = (d: Device) =>
  d.library.attributes.articleAttributes(d.articleId).map((v) => ({ name: v.name, value: v.value }));

describe('article attributes across devices', () => {
  it('an attribute and its value defined on one device appear on the other; a rename follows', async () => {
    const [a, b] = await devices(2);
    const defined = a!.library.attributes.defineAttribute({ name: '来源', kind: 'text' });
    a!.library.attributes.setAttributeValue([a!.articleId], defined.id, '晚报');
    expectConverged([a!, b!]);
    expect(valuesOf(b!)).toEqual([{ name: '来源', value: '晚报' }]);
    a!.library.attributes.updateAttribute(defined.id, { name: '出处', kind: 'text' });
    expectConverged([a!, b!]);
    expect(valuesOf(b!)).toEqual([{ name: '出处', value: '晚报' }]);
  });

  it('one value set on both devices: one stands everywhere, the other kept as superseded', async () => {
    const all = await devices(2);
    const defined = all[0]!.library.attributes.defineAttribute({ name: '年份', kind: 'number' });
    syncAll(all);
    const onB = all[1]!.library.attributes.listAttributes().find((x) => x.name === '年份')!;
    all[0]!.library.attributes.setAttributeValue([all[0]!.articleId], defined.id, '2019');
    all[1]!.library.attributes.setAttributeValue([all[1]!.articleId], onB.id, '2020');
    expectConverged(all);
    const value = valuesOf(all[0]!)[0]!.value;
    expect(['2019', '2020']).toContain(value);
    expect(all.flatMap((d) => d.library.sync.superseded())).toEqual([
      expect.objectContaining({
        field: expect.stringMatching(/^attr:/) as unknown,
        kept: value,
        lost: value === '2019' ? '2020' : '2019',
      }),
    ]);
  });

  it('the same attribute defined on two offline devices is one attribute', async () => {
    const all = await devices(2);
    all.forEach((d, i) => {
      const x = d.library.attributes.defineAttribute({ name: '体裁', kind: 'text' });
      if (i === 0) d.library.attributes.setAttributeValue([d.articleId], x.id, '散文');
    });
    expectConverged(all);
    for (const d of all) {
      expect(d.library.attributes.listAttributes().map((x) => x.name)).toEqual(['体裁']);
      expect(valuesOf(d)).toEqual([{ name: '体裁', value: '散文' }]);
    }
  });
});
