import { describe, expect, it } from 'vitest';
import { lineMetadata } from '../../../../../../main/library/import/metadata/metadataLine';

describe('lineMetadata', () => {
  it('says what a byline, date line or 来源 line carries', () => {
    expect(lineMetadata('記者柳名耕／台北報導')).toEqual({ author: '柳名耕', date: null, source: null });
    expect(lineMetadata('2019-09-07 09:25:09 来源：观察者网')).toEqual({
      author: null,
      date: '2019-09-07',
      source: '观察者网',
    });
    expect(lineMetadata('发布时间：108/03/06', { taiwan: true })).toEqual({
      author: null,
      date: '2019-03-06',
      source: null,
    });
  });

  it('is null for sentences, editor and photo credits, and long lines', () => {
    expect(lineMetadata('记者了解到，今年以来全市共查处案件12起。')).toBeNull();
    expect(lineMetadata('责任编辑：霍琦')).toBeNull();
    expect(lineMetadata('中新社记者 杜洋 摄')).toBeNull();
    expect(lineMetadata(`来源：某某网${'很长'.repeat(40)}`)).toBeNull();
  });
});
