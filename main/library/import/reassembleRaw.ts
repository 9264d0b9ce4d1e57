import { isBlank } from './textPatterns';

/**
 * What stands between the paragraphs of `input`: line breaks and whitespace-only lines, one
 * string before each paragraph and one after the last (n + 1 in all). Throws when the raws do
 * not occur in order or when anything but whitespace would fall between them, i.e. when the
 * paragraphs lost text. The store keeps the raw text verbatim, so this is how it can be shown
 * that the paragraphs account for every character.
 */
export function paragraphSeparators(input: string, raws: readonly string[]): string[] {
  const separators: string[] = [];
  let cursor = 0;
  raws.forEach((raw, index) => {
    const at = input.indexOf(raw, cursor);
    if (at < 0) throw new Error(`Paragraph ${index} is not in the input after offset ${cursor}.`);
    const gap = input.slice(cursor, at);
    if (!isBlank(gap))
      throw new Error(`Text before paragraph ${index} belongs to no paragraph: ${JSON.stringify(gap)}`);
    separators.push(gap);
    cursor = at + raw.length;
  });
  const tail = input.slice(cursor);
  if (!isBlank(tail)) throw new Error(`Text after the last paragraph belongs to no paragraph: ${JSON.stringify(tail)}`);
  separators.push(tail);
  return separators;
}

/** The input again, from the paragraphs' raws and the separators between them. */
export function reassembleRaw(input: string, paragraphs: readonly { raw: string }[]): string {
  const raws = paragraphs.map((p) => p.raw);
  const separators = paragraphSeparators(input, raws);
  return raws.reduce((out, raw, i) => out + raw + (separators[i + 1] ?? ''), separators[0] ?? '');
}
