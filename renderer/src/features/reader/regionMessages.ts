import type { SourceRegion } from '../../../../preload/contract/articleTypes';
import { defineCatalog } from '../../i18n/locales';

type Key = 'regionMenu' | 'regionButton' | 'regionExplanation' | 'detected' | 'useDetected' | `region.${SourceRegion}`;

/** The article's source region (issue #15): the button beside the script modes and its menu. */
export const regionMessages = defineCatalog<Key>({
  'zh-Hans': {
    regionMenu: '来源地区',
    regionButton: '来源：{region}',
    regionExplanation: '文章写于哪里，决定它在各字形间如何转换',
    detected: '{region}（自动识别）',
    useDetected: '按自动识别：{region}',
    'region.mainland': '中国大陆',
    'region.taiwan': '台湾',
    'region.hongkong': '香港',
    'region.generic': '通用繁体',
  },
  'zh-Hant': {
    regionMenu: '來源地區',
    regionButton: '來源：{region}',
    regionExplanation: '文章寫於哪裡，決定它在各字形間如何轉換',
    detected: '{region}（自動辨識）',
    useDetected: '按自動辨識：{region}',
    'region.mainland': '中國大陸',
    'region.taiwan': '臺灣',
    'region.hongkong': '香港',
    'region.generic': '通用繁體',
  },
  en: {
    regionMenu: 'Source region',
    regionButton: 'Source: {region}',
    regionExplanation: 'Where the article was written decides how it converts between scripts',
    detected: '{region} (detected)',
    useDetected: 'Use detected: {region}',
    'region.mainland': 'Mainland China',
    'region.taiwan': 'Taiwan',
    'region.hongkong': 'Hong Kong',
    'region.generic': 'Standard traditional',
  },
});
