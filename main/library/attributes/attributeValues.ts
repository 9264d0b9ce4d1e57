import { foldToSimplified } from '../../../preload/common/foldScript';
import {
  maxAttributeValueLength,
  type AttributeDefinition,
  type AttributeKind,
} from '../../../preload/contract/attributeTypes';

export type CheckedValue = { ok: true; value: string } | { ok: false; why: string };

const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
// 2024-03-05, 2024/3/5, 2024.3.5 and 2024年3月5日: the ways a Chinese spreadsheet writes a day.
const datePattern = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/;

/**
 * A value as it is kept, or why it is not one: text trimmed (no control characters), a number as
 * JavaScript writes it (thousands separators dropped), a date as YYYY-MM-DD (a real day), a
 * choice as the list spells it (matched in either script and any case). Blank is no value.
 */
export function checkAttributeValue(attribute: Pick<AttributeDefinition, 'kind' | 'choices'>, raw: string): CheckedValue {
  const text = raw.trim();
  if (text === '') return { ok: false, why: 'it is blank' };
  if (text.length > maxAttributeValueLength) {
    return { ok: false, why: `it is ${text.length} characters long; a value holds at most ${maxAttributeValueLength}` };
  }
  if (hasControl(text)) return { ok: false, why: 'it holds a control character or a line break' };
  return checkers[attribute.kind](text, attribute.choices);
}

const checkers: Record<AttributeKind, (text: string, choices: readonly string[]) => CheckedValue> = {
  text: (text) => ({ ok: true, value: text }),
  number: (text) => {
    const plain = text.replace(/(\d),(?=\d{3}\b)/g, '$1');
    const n = Number(plain);
    return numberPattern.test(plain) && Number.isFinite(n)
      ? { ok: true, value: String(n) }
      : { ok: false, why: `"${text}" is not a number` };
  },
  date: (text) => {
    const m = datePattern.exec(text);
    if (!m) return { ok: false, why: `"${text}" is not a date written YYYY-MM-DD` };
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      return { ok: false, why: `"${text}" is no day of the calendar` };
    }
    return { ok: true, value: `${m[1]}-${pad(month)}-${pad(day)}` };
  },
  choice: (text, choices) => {
    const folded = foldedName(text);
    const found = choices.find((c) => c === text) ?? choices.find((c) => foldedName(c) === folded);
    return found === undefined ? { ok: false, why: `"${text}" is not one of the list` } : { ok: true, value: found };
  },
};

/**
 * How an attribute's values sort (the Attribute filter's groups, a matrix's columns): a list's
 * in its order, numbers and dates in their own, text by the collator.
 */
export function attributeValueOrder(attribute: Pick<AttributeDefinition, 'kind' | 'choices'>): (a: string, b: string) => number {
  const { kind, choices } = attribute;
  if (kind === 'choice') return (a, b) => choices.indexOf(a) - choices.indexOf(b);
  if (kind === 'number') return (a, b) => Number(a) - Number(b);
  if (kind === 'date') return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  return (a, b) => collator.compare(a, b);
}

const collator = new Intl.Collator('zh', { numeric: true });

/** An attribute name or a choice as it is matched: trimmed, in Simplified script, any case. */
export function foldedName(text: string): string {
  return foldToSimplified(text.trim()).toLowerCase();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}
