import { defineCatalog } from '../../i18n/locales';

/** The About section: what Pizhu is distributed under, and the attribution its dictionary's licence asks for. */
export const aboutMessages = defineCatalog({
  'zh-Hans': {
    about: '关于批注',
    dictionary:
      '词典：CC-CEDICT，社区维护的汉英词典，由 MDBG 发布（cc-cedict.org），依知识共享 署名-相同方式共享 4.0 国际许可协议（CC BY-SA 4.0）使用。批注由它生成的词典文件以同一协议发布。',
    licence: '批注以 MIT 许可证发布。',
  },
  'zh-Hant': {
    about: '關於批註',
    dictionary:
      '辭典：CC-CEDICT，社群維護的漢英辭典，由 MDBG 發布（cc-cedict.org），依創用 CC 姓名標示-相同方式分享 4.0 國際授權條款（CC BY-SA 4.0）使用。批註由它產生的辭典檔以同一授權條款發布。',
    licence: '批註以 MIT 授權條款發布。',
  },
  en: {
    about: 'About Pizhu',
    dictionary:
      'Dictionary: CC-CEDICT, the community-maintained Chinese–English dictionary published by MDBG (cc-cedict.org), used under the Creative Commons Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0). The dictionary file Pizhu builds from it is distributed under the same licence.',
    licence: 'Pizhu is distributed under the MIT licence.',
  },
});
