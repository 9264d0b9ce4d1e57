import type { UiLocale } from './uiLocales';

export type MessageVars = Record<string, string | number>;

const pluralRulesByLocale = new Map<UiLocale, Intl.PluralRules>();
function pluralRules(locale: UiLocale): Intl.PluralRules {
  let rules = pluralRulesByLocale.get(locale);
  if (!rules) pluralRulesByLocale.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

/** Index just after the brace that closes the one opened at `open`, or -1. */
function closingBrace(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    if (template[i] === '{') depth++;
    else if (template[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** `one {…} other {…}` into its branches. */
function pluralBranches(body: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const m = /\s*(=\d+|\w+)\s*\{/y;
    m.lastIndex = i;
    const found = m.exec(body);
    if (!found?.[1]) break;
    const open = m.lastIndex - 1;
    const end = closingBrace(body, open);
    if (end < 0) break;
    branches.set(found[1], body.slice(open + 1, end - 1));
    i = end;
  }
  return branches;
}

/**
 * Fills a message template: `{name}` from vars, and `{name, plural, one {…} other {…}}` (an ICU
 * subset: `=N`, the CLDR categories and `other`; `#` is the number). A missing var stays visible
 * as `{name}` rather than vanishing.
 */
export function formatMessage(template: string, vars: MessageVars | undefined, locale: UiLocale): string {
  if (!vars || !template.includes('{')) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const end = closingBrace(template, open);
    if (end < 0) {
      // A lone brace is text.
      out += template.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    out += template.slice(i, open);
    out += formatArgument(template.slice(open + 1, end - 1), vars, locale);
    i = end;
  }
  return out + template.slice(i);
}

function formatArgument(argument: string, vars: MessageVars, locale: UiLocale): string {
  const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(argument);
  if (!plural) {
    const name = argument.trim();
    const value = vars[name];
    return value === undefined ? `{${argument}}` : String(value);
  }
  const [, name = '', body = ''] = plural;
  const value = vars[name];
  if (typeof value !== 'number') return `{${argument}}`;
  const branches = pluralBranches(body);
  const chosen =
    branches.get(`=${value}`) ?? branches.get(pluralRules(locale).select(value)) ?? branches.get('other') ?? '';
  return formatMessage(chosen.replace(/#/g, String(value)), vars, locale);
}
