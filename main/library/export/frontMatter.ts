import { stringify } from 'yaml';

export type FrontMatterValue = string | number | null | readonly string[];

/**
 * A YAML front matter block (`---` … `---`) through the `yaml` library. Every string is
 * double-quoted so no reader, YAML 1.1 or 1.2, takes a title like `yes`, `null` or
 * `2022-08-18` for a boolean, a null or a date; no line folding, so the output is the same
 * every time. Keys keep the order given.
 */
export function frontMatter(fields: Readonly<Record<string, FrontMatterValue>>): string {
  const yaml = stringify(fields, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  return `---\n${yaml}---\n`;
}
