import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, type DecodeResult, type DecodedEncoding } from '../../../../../main/library/import/decodeText';
import { scoreChineseText } from '../../../../../main/library/import/scoreChineseText';

// The shared corpus is read in place (never copied into the repo); see ../shared/corpus/README.md.
const corpusDir = path.resolve(process.cwd(), '../shared/corpus/encodings');
const corpusPresent = fs.existsSync(corpusDir);
if (!corpusPresent) {
  console.warn(`decodeText: the test corpus ${corpusDir} is absent, so the real-file encoding tests are skipped.`);
}
const seedsDir = path.resolve(__dirname, '../../../../../seeds');

const SIMPLIFIED = '在这个快速变化的时代，我们需要不断学习新的知识和技能，才能适应社会的发展和进步。';
const TRADITIONAL = '台北看守所昨天抽查前總統的房舍，引來強烈不滿；他已透過律師表達嚴正抗議，並希望社會大眾理解。';

function expectDecoded(result: DecodeResult, encoding: DecodedEncoding, hadBom = false): string {
  if (!result.ok) throw new Error(`expected ${encoding}, got ${result.reason}: ${result.message}`);
  expect(result.encoding).toBe(encoding);
  expect(result.hadBom).toBe(hadBom);
  return result.text;
}

function expectRefused(result: DecodeResult, reason: Extract<DecodeResult, { ok: false }>['reason']): string {
  if (result.ok) throw new Error(`expected refusal (${reason}), got ${result.encoding}: ${result.text.slice(0, 40)}`);
  expect(result.reason).toBe(reason);
  return result.message;
}

function concat(...parts: ArrayLike<number>[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => Array.from(part)));
}

/** Deterministic noise, so a failure can be reproduced. */
function pseudoRandomBytes(length: number, seed: number, avoidZero = false): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const byte = state >>> 24;
    out[i] = avoidZero && byte === 0 ? 1 : byte;
  }
  return out;
}

/**
 * EUC-TW for text of Big5 level-1 hanzi and ASCII only. CNS 11643 plane 1 level 1 holds the
 * same hanzi as Big5 level 1 in the same order, except five placed elsewhere ([cns, big5]
 * indexes below, found with glibc `iconv`); the corpus test checks the result against real
 * EUC-TW bytes.
 */
function big5Level1ToEucTw(big5: Uint8Array): Uint8Array {
  const moved: [number, number][] = [
    [1836, 1412],
    [3713, 4100],
    [4626, 4815],
    [4900, 5046],
    [4956, 4954],
  ];
  const cnsIndexOf = (big5Index: number): number => {
    let rank = big5Index;
    for (const [cns, b5] of moved) {
      if (b5 === big5Index) return cns;
      if (b5 < big5Index) rank--;
    }
    for (const cns of moved.map(([c]) => c).sort((x, y) => x - y)) if (cns <= rank) rank++;
    return rank;
  };
  const out: number[] = [];
  for (let i = 0; i < big5.length; i++) {
    const lead = big5[i] ?? 0;
    if (lead < 0x80) {
      out.push(lead);
      continue;
    }
    const trail = big5[++i] ?? 0;
    const index = (lead - 0xa4) * 157 + (trail < 0x80 ? trail - 0x40 : trail - 0xa1 + 63);
    if (index < 0 || index >= 5401) throw new Error('not a Big5 level-1 hanzi');
    const cns = cnsIndexOf(index);
    out.push(0xc4 + Math.floor(cns / 94), 0xa1 + (cns % 94));
  }
  return Uint8Array.from(out);
}

describe.skipIf(!corpusPresent)('decodeText on the shared corpus', () => {
  const read = (name: string): Uint8Array => fs.readFileSync(path.join(corpusDir, name));

  // Encodings from the corpus README; the strings were read from the files (via `iconv`).
  const cases: [file: string, encoding: DecodedEncoding, expected: string[]][] = [
    ['cn-readability-gmw.source.html', 'utf-8', ['宇航员在太空中喝酒会怎么样？后果很严重', 'charset="gbk"']],
    ['cn-readability-gmw.expected.html', 'utf-8', ['翱翔于距地球数千公里的太空中，进入广袤漆黑的未知领域']],
    ['cn-readability-gmw.expected-metadata.json', 'utf-8', ['"byline": "肖春芳"']],
    // The trap: it declares gb2312 but the bytes are UTF-8.
    ['cn-readability-qq.source.html', 'utf-8', ['charset=gb2312', 'DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶']],
    ['cn-readability-qq.expected.html', 'utf-8', ['TNW中文站', '转播到腾讯微博']],
    ['cn-readability-qq.expected-metadata.json', 'utf-8', ['人工智能迈上新台阶_科技_腾讯网']],
    ['cn-cx163-40.gbk.txt', 'gb18030', ['证监会7月3日通报了近期针对扰乱信息传播秩序执法工作情况']],
    ['cn-cx163-52.expected.gbk.txt', 'gb18030', ['割肉还是死扛，这是被套股民面临的一个艰难选择题。']],
    // Declares gb2312 but holds the GBK-only 昇.
    ['cn-cx163-52.gbk.html', 'gb18030', ['<meta charset="gb2312">', '割肉还是死扛，这是被套', '昇兴股份']],
    [
      'cn-chardet-sina-nocharset.gb18030.html',
      'gb18030',
      ['<title>中国制造的领军者3名</title>', '马兴瑞，中国航天科技集团公司总经理'],
    ],
    // Big5 that also decodes without error as GB18030.
    ['tw-chardet-detention-nocharset.big5.html', 'big5', ['台北看守所昨天抽查前總統陳水扁的房舍，引來扁的強烈不滿。']],
    ['tw-chardet-coolloud-feed.big5.xml', 'big5', ['<title>苦勞網</title>', '這是苦勞網的 RSS']],
    [
      'tw-chardet-wikipedia-classical.big5.txt',
      'big5',
      ['維基大典（Wikipedia）者，網路為礎；集天下知、四海言、眾人志，書百科焉。'],
    ],
  ];

  it.each(cases)('%s decodes as %s with the expected text', (file, encoding, expected) => {
    const text = expectDecoded(decodeText(read(file), file), encoding);
    for (const fragment of expected) expect(text).toContain(fragment);
    expect(text).not.toContain('\uFFFD');
  });

  it('covers every file in the corpus folder', () => {
    const named = new Set([...cases.map(([file]) => file), 'tw-chardet-wikipedia-classical.euc-tw.txt']);
    expect(fs.readdirSync(corpusDir).sort()).toEqual([...named].sort());
  });

  it('gives the same article text from cx163-52 as .txt and as .html (tags aside)', () => {
    const txt = expectDecoded(decodeText(read('cn-cx163-52.expected.gbk.txt'), 'a.txt'), 'gb18030');
    const html = expectDecoded(decodeText(read('cn-cx163-52.gbk.html'), 'a.html'), 'gb18030');
    const firstLine = txt.split('\n')[0] ?? '';
    expect(firstLine.length).toBeGreaterThan(60);
    expect(html.replace(/<[^>]*>/g, '')).toContain(firstLine.slice(0, 60));
  });

  it('generates the same EUC-TW bytes as the real file, for the generated-EUC-TW test', () => {
    const real = read('tw-chardet-wikipedia-classical.euc-tw.txt');
    expect(Array.from(big5Level1ToEucTw(iconv.encode('維基大典', 'big5')))).toEqual(Array.from(real.subarray(0, 8)));
    // 礎, 海 and 書 sit in runs the two standards order differently.
    for (const span of ['網路為礎', '四海言', '書百科焉', '典肇乎庚辰年十二月廿一']) {
      const generated = Buffer.from(big5Level1ToEucTw(iconv.encode(span, 'big5')));
      expect(Buffer.from(real).includes(generated), span).toBe(true);
    }
  });

  it('refuses the EUC-TW file by name instead of garbling it as GB18030', () => {
    const file = 'tw-chardet-wikipedia-classical.euc-tw.txt';
    const message = expectRefused(decodeText(read(file), file), 'undecodable');
    expect(message).toContain(`"${file}"`);
    expect(message).toMatch(/EUC-TW/);
    expect(message).toMatch(/not support/);
  });

  it('scores the right decoding of each Big5 file far above its clean GB18030 misreading', () => {
    for (const file of ['tw-chardet-detention-nocharset.big5.html', 'tw-chardet-wikipedia-classical.big5.txt']) {
      const bytes = read(file);
      const big5 = scoreChineseText(iconv.decode(Buffer.from(bytes), 'big5'));
      const gb = scoreChineseText(iconv.decode(Buffer.from(bytes), 'gb18030'));
      expect(gb.replacements).toBe(0); // the trap: no decoding error to go by
      expect(big5.frequentShare).toBeGreaterThan(0.8);
      expect(gb.frequentShare).toBeLessThan(0.2);
    }
  });
});

describe('decodeText on generated input', () => {
  it('reads UTF-8 without BOM', () => {
    expect(expectDecoded(decodeText(Buffer.from(SIMPLIFIED), 'a.txt'), 'utf-8')).toBe(SIMPLIFIED);
  });

  it('reads UTF-8 with BOM and strips the BOM', () => {
    const bytes = concat([0xef, 0xbb, 0xbf], Buffer.from(SIMPLIFIED));
    expect(expectDecoded(decodeText(bytes, 'a.txt'), 'utf-8', true)).toBe(SIMPLIFIED);
  });

  it('reads pure ASCII as UTF-8', () => {
    expect(expectDecoded(decodeText(Buffer.from('Hello, world.\n'), 'a.txt'), 'utf-8')).toBe('Hello, world.\n');
  });

  it('keeps line endings and a second BOM-like character verbatim', () => {
    const text = '第一行\r\n第二行\r第三行\n\uFEFF第四行';
    expect(expectDecoded(decodeText(Buffer.from(text), 'a.txt'), 'utf-8')).toBe(text);
    const gb = iconv.encode('证监会新闻发言人\r\n张晓军表示，6起案件是按照要求取得突破的阶段性成果。\r\n', 'gb18030');
    expect(expectDecoded(decodeText(gb, 'a.txt'), 'gb18030')).toContain('发言人\r\n张晓军');
  });

  it.each([
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
  ] as const)('reads %s with BOM and strips the BOM', (encoding, bom) => {
    const text = `第1章\n${SIMPLIFIED}\n`;
    const bytes = concat(bom, iconv.encode(text, encoding === 'utf-16le' ? 'utf16le' : 'utf16be'));
    expect(expectDecoded(decodeText(bytes, 'a.txt'), encoding, true)).toBe(text);
  });

  it.each(['utf-16le', 'utf-16be'] as const)(
    'reads %s without BOM, with ASCII (NUL pattern) or without',
    (encoding) => {
      const codec = encoding === 'utf-16le' ? 'utf16le' : 'utf16be';
      const mixed = `Chapter 1\r\n${SIMPLIFIED}\r\n`;
      expect(expectDecoded(decodeText(iconv.encode(mixed, codec), 'a.txt'), encoding)).toBe(mixed);
      // No ASCII: its only NUL is the low byte of 需 (U+9700), so the NUL pattern says nothing.
      expect(expectDecoded(decodeText(iconv.encode(SIMPLIFIED, codec), 'a.txt'), encoding)).toBe(SIMPLIFIED);
      const noNul = SIMPLIFIED.replace('需要', '必须');
      expect(iconv.encode(noNul, codec).includes(0)).toBe(false);
      expect(expectDecoded(decodeText(iconv.encode(noNul, codec), 'a.txt'), encoding)).toBe(noNul);
      expect(expectDecoded(decodeText(iconv.encode('Plain English, nothing else.', codec), 'a.txt'), encoding)).toBe(
        'Plain English, nothing else.',
      );
    },
  );

  it('reads GB18030 (and GBK) made by iconv-lite', () => {
    expect(expectDecoded(decodeText(iconv.encode(SIMPLIFIED, 'gb18030'), 'a.txt'), 'gb18030')).toBe(SIMPLIFIED);
    expect(expectDecoded(decodeText(iconv.encode(SIMPLIFIED, 'gbk'), 'a.txt'), 'gb18030')).toBe(SIMPLIFIED);
    // A four-byte GB18030 sequence (outside GBK).
    const withRare = `${SIMPLIFIED}𠮷€`;
    expect(expectDecoded(decodeText(iconv.encode(withRare, 'gb18030'), 'a.txt'), 'gb18030')).toBe(withRare);
  });

  it('decodes all of a legacy file longer than the detection sample', () => {
    const long = `${SIMPLIFIED}\n`.repeat(4000); // ~330 KB in GB18030
    expect(expectDecoded(decodeText(iconv.encode(long, 'gb18030'), 'long.txt'), 'gb18030')).toBe(long);
  });

  it('reads Big5 made by iconv-lite, although it also decodes cleanly as GB18030', () => {
    const bytes = iconv.encode(TRADITIONAL, 'big5');
    expect(iconv.decode(bytes, 'gb18030')).not.toContain('\uFFFD');
    expect(expectDecoded(decodeText(bytes, 'a.txt'), 'big5')).toBe(TRADITIONAL);
  });

  it('reads traditional text saved as GB18030 as GB18030', () => {
    expect(expectDecoded(decodeText(iconv.encode(TRADITIONAL, 'gb18030'), 'a.txt'), 'gb18030')).toBe(TRADITIONAL);
  });

  it('reads UTF-8 cut off inside its last character, marking the cut with U+FFFD', () => {
    const bytes = Buffer.from(SIMPLIFIED);
    for (const cut of [1, 2]) {
      const truncated = bytes.subarray(0, bytes.length - cut); // '。' is three bytes
      expect(expectDecoded(decodeText(truncated, 'a.txt'), 'utf-8')).toBe(`${SIMPLIFIED.slice(0, -1)}\uFFFD`);
    }
  });

  it('does not take UTF-8 with an invalid byte in the middle as UTF-8', () => {
    const bytes = Buffer.from(SIMPLIFIED);
    const broken = concat(bytes.subarray(0, 10), [0xff], bytes.subarray(10));
    const result = decodeText(broken, 'broken.txt');
    expect(result.ok).toBe(false);
  });

  it('refuses a PNG-like file as binary', () => {
    const png = concat(
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52],
      [0, 0, 1, 0, 0, 0, 0, 0xc8, 8, 6, 0, 0, 0, 0x5c, 0x72, 0xa8, 0x66],
      pseudoRandomBytes(2048, 7),
    );
    expect(expectRefused(decodeText(png, 'picture.png'), 'binary')).toBe(
      '"picture.png" looks like a binary file, not text.',
    );
  });

  it('refuses random bytes as binary, with or without NULs', () => {
    for (const seed of [1, 2, 3]) {
      expectRefused(decodeText(pseudoRandomBytes(4096, seed), 'report.bin'), 'binary');
      expectRefused(decodeText(pseudoRandomBytes(4096, seed, true), 'report.bin'), 'binary');
    }
  });

  it('refuses ASCII text with control characters as binary', () => {
    expectRefused(decodeText(Buffer.from('abc\x01\x02\x03def\x1b[0m'), 'x.log'), 'binary');
  });

  it('refuses empty and whitespace-only input as empty', () => {
    expect(expectRefused(decodeText(new Uint8Array(0), 'empty.txt'), 'empty')).toContain('"empty.txt"');
    expectRefused(decodeText(Buffer.from(' \r\n\t\u3000\n'), 'blank.txt'), 'empty');
    expectRefused(decodeText(Buffer.from([0xef, 0xbb, 0xbf]), 'bom-only.txt'), 'empty');
    expectRefused(decodeText(concat([0xff, 0xfe], iconv.encode('  \r\n', 'utf16le')), 'blank16.txt'), 'empty');
  });

  it('refuses generated EUC-TW as an unsupported encoding', () => {
    const text = '維基大典者 網路為礎 集天下知 四海言 眾人志 書百科焉 始作者 維基媒體基金會也 典肇乎庚辰年十二月廿一';
    const message = expectRefused(decodeText(big5Level1ToEucTw(iconv.encode(text, 'big5')), 'wiki.txt'), 'undecodable');
    expect(message).toMatch(/EUC-TW.*not support/);
  });

  it('refuses a legacy single-byte encoding as undecodable', () => {
    const latin1 = Buffer.from('Café au lait, naïve résumé, déjà vu, crème brûlée.', 'latin1');
    expect(expectRefused(decodeText(latin1, 'menu.txt'), 'undecodable')).toContain('"menu.txt"');
  });

  it('refuses very short non-UTF-8 input unless one reading is clearly right', () => {
    // 春眠不觉晓 (10 bytes of GBK): its Big5 and EUC-TW readings are not clearly wrong enough.
    const message = expectRefused(decodeText(iconv.encode('春眠不觉晓', 'gb18030'), 'poem.txt'), 'too-short-to-detect');
    expect(message).toContain('"poem.txt"');
    // One GBK character after ASCII: too little to go on, whatever the length.
    const mostlyAscii = concat(Buffer.from('Hello world, see: '), iconv.encode('中', 'gb18030'));
    expectRefused(decodeText(mostlyAscii, 'a.txt'), 'too-short-to-detect');
    // Clearly right: every other reading is rare characters.
    expect(expectDecoded(decodeText(iconv.encode('中文', 'gb18030'), 'a.txt'), 'gb18030')).toBe('中文');
    expect(expectDecoded(decodeText(iconv.encode('這是什麼東西', 'big5'), 'a.txt'), 'big5')).toBe('這是什麼東西');
  });

  it('names the file in every refusal as one sentence', () => {
    const refusals = [
      decodeText(new Uint8Array(0), 'a b.txt'),
      decodeText(pseudoRandomBytes(512, 9), 'a b.txt'),
      decodeText(iconv.encode('春眠不觉晓', 'gb18030'), 'a b.txt'),
      decodeText(Buffer.from('Café au lait, naïve résumé, déjà vu.', 'latin1'), 'a b.txt'),
    ];
    for (const result of refusals) {
      if (result.ok) throw new Error('expected a refusal');
      const prefix = '"a b.txt" ';
      expect(result.message.startsWith(prefix)).toBe(true);
      expect(result.message.endsWith('.')).toBe(true);
      expect(result.message.slice(prefix.length, -1)).not.toMatch(/[.!?]\s/);
    }
  });
});

describe('decodeText on the bundled seeds', () => {
  const seeds = fs.readdirSync(seedsDir).filter((name) => name.endsWith('.txt'));

  it('finds the five seeds', () => {
    expect(seeds).toHaveLength(5);
  });

  it.each(seeds)('%s decodes as UTF-8, verbatim', (name) => {
    const file = path.join(seedsDir, name);
    expect(expectDecoded(decodeText(fs.readFileSync(file), name), 'utf-8')).toBe(fs.readFileSync(file, 'utf8'));
  });
});
