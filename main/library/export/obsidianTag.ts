/** Names already made: a library has hundreds of tags, an export uses each thousands of times. */
const known = new Map<string, string>();

/**
 * A Pizhu tag as an Obsidian tag name (without the `#`). Obsidian takes letters and digits of
 * any script (so 政策 stays 政策), `_`, `-`, and `/` for nesting, and needs one character
 * that is not a digit. Everything else (spaces, punctuation, symbols, emoji) becomes `_`, a
 * run of them one `_` (none at the end of a level), so the same tag always gives the same
 * name; nesting is kept.
 */
export function obsidianTagName(tag: string): string {
  let name = known.get(tag);
  if (name === undefined) {
    name = convert(tag);
    if (known.size > 10_000) known.clear();
    known.set(tag, name);
  }
  return name;
}

function convert(tag: string): string {
  const name = tag.split('/').map(convertPart).join('/');
  // #1984 is not a tag in Obsidian; #_1984 is.
  return /^[\p{N}/]+$/u.test(name) ? `_${name}` : name;
}

/**
 * One level of a tag. A `_` with no letter or digit after it could close emphasis in CommonMark
 * (`#_a #b_` would read as `#` *a #b* `#`), so it goes; one before a letter cannot, and stays.
 * A level with nothing left is named by its characters' code points, so it still says which.
 */
function convertPart(part: string): string {
  const name = part
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}_-]+/gu, '_')
    .replace(/_+(?![\p{L}\p{N}\p{M}])/gu, '');
  if (name !== '') return name;
  return `_${[...part].map((c) => c.codePointAt(0)!.toString(16)).join('_')}`;
}

/** `#a #b/c`, each tag once, in the order given. */
export function obsidianTags(tags: Iterable<string>): string {
  return [...new Set([...tags].map((t) => `#${obsidianTagName(t)}`))].join(' ');
}
