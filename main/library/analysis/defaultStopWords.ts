/**
 * The stop-word list a library starts with (README: "Words"): Chinese function words that top
 * every frequency list and say nothing about a subset: structural and aspect particles,
 * sentence-final particles, pronouns, the commonest prepositions, conjunctions, adverbs of degree
 * and negation, copulas and measure words. Written in simplified characters: lists are compared
 * folded, so 這 and 們 are left out as 这 and 们. Content words (中国, 政府, 说) are not on it:
 * what they say about a subset is a researcher's call, and the list is theirs to edit.
 */
export const defaultStopWords: readonly string[] = [
  // Particles: structural, aspect, sentence-final.
  '的', '地', '得', '之', '了', '着', '过', '吗', '呢', '吧', '啊', '呀', '嘛', '哦', '么', '所',
  // Pronouns and demonstratives.
  '我', '你', '您', '他', '她', '它', '我们', '你们', '他们', '她们', '它们', '咱们', '自己',
  '这', '那', '这个', '那个', '这些', '那些', '这样', '那样', '这里', '那里', '其', '其中', '此', '该', '各', '每', '某',
  '什么', '怎么', '哪', '谁',
  // Copulas and auxiliaries.
  '是', '有', '没有', '为', '会', '能', '可以', '要', '将', '应', '应该',
  // Prepositions.
  '在', '从', '向', '对', '于', '以', '把', '被', '让', '给', '跟', '与', '和', '同', '及', '以及', '由', '按', '据', '对于', '关于', '通过', '根据',
  // Conjunctions.
  '而', '并', '且', '并且', '而且', '或', '或者', '但', '但是', '可是', '因为', '所以', '因此', '如果', '虽然', '然而', '还是', '即', '则', '就是',
  // Adverbs of degree, scope, time and negation.
  '不', '没', '也', '都', '就', '还', '又', '再', '才', '很', '更', '最', '太', '已', '已经', '正', '正在', '曾', '非常', '只', '只是', '等', '等等',
  // Numerals and measure words that stand alone.
  '一', '个', '一个', '些', '一些', '上', '下', '中', '里', '内', '后', '前',
];
