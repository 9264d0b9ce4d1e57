import { stringify } from 'yaml';

export type FrontMatterValue = string | number | null | readonly string[];

/**
 * A YAML front matter block (`---` … `---`) through the `yaml` library. Every string is
 * double-quoted so no reader, YAML 1.1 or 1.2, takes a title like `yes`, `null` or
 * `2022-08-18` for a boolean, a null or a date; no line folding, so the output is the same
 * every time. Keys keep the order given.
 */
export function frontMatter(fields: Readonly<Record<string, FrontMatterValue>>): string {
  const yaml = plainFrontMatter(fields) ?? stringify(fields, yamlOptions);
  return `---\n${yaml}---\n`;
}

const yamlOptions = { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' } as const;

/** A key `yaml` writes bare whatever the options. */
const plainKey = /^[a-z][a-z_]*$/;
/**
 * A string `yaml` writes as itself between double quotes: nothing it escapes (quote,
 * backslash, controls, NEL, no-break space, line/paragraph separators, surrogates).
 */
// eslint-disable-next-line no-control-regex
const plainString = /^[^"\\\u0000-\u001f\u007f-\u009f\u00a0\u2028\u2029\ud800-\udfff]*$/;

/**
 * The same text `yaml` gives for the usual front matter, built directly: an export writes
 * one per file, and `yaml`'s document model costs more than the rest of a file. Null when a
 * key or value is anything unusual; `yaml` then writes it (the export tests compare both).
 */
function plainFrontMatter(fields: Readonly<Record<string, FrontMatterValue>>): string | null {
  let out = '';
  for (const key of Object.keys(fields)) {
    if (!plainKey.test(key)) return null;
    const value = fields[key];
    if (value === null) out += `${key}: null\n`;
    else if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) return null;
      out += `${key}: ${value}\n`;
    } else if (typeof value === 'string') {
      if (!plainString.test(value)) return null;
      out += `${key}: "${value}"\n`;
    } else if (value === undefined) {
      return null;
    } else if (value.length === 0) {
      out += `${key}: []\n`;
    } else {
      out += `${key}:\n`;
      for (const item of value) {
        if (typeof item !== 'string' || !plainString.test(item)) return null;
        out += `  - "${item}"\n`;
      }
    }
  }
  return out;
}
