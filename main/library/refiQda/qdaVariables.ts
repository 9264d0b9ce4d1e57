import { foldToSimplified } from '../../../preload/common/foldScript';
import type { AttributeDefinition, AttributeKind } from '../../../preload/contract/attributeTypes';
import { readAttributes } from '../attributes/attributeStore';
import { checkAttributeValue } from '../attributes/attributeValues';
import type { Db } from '../store/openDatabase';
import { attribute, child, children, textOf, type XmlNode } from './parseProjectXml';
import type { Guid } from './qdpxGuid';
import { openTag, xmlText } from './xmlText';

/**
 * Article attributes as REFI-QDA variables (Project.xsd VariablesType): each attribute one
 * <Variable>, each value a <VariableValue> of its article's TextSource. A number is a Float
 * (xsd:decimal), a date a Date, text and "one of a list" Text; the list goes in the Variable's
 * Description after `choiceMark`, so Pizhu reads it back as a list and other tools as text.
 */
export const choiceMark = 'Pizhu one of: ';

const typeOf: Record<AttributeKind, string> = { text: 'Text', number: 'Float', date: 'Date', choice: 'Text' };
const valueElement: Record<AttributeKind, string> = {
  text: 'TextValue',
  number: 'FloatValue',
  date: 'DateValue',
  choice: 'TextValue',
};

export interface ExportedVariables {
  /** The <Variables> element, or '' when the library has no attribute. */
  xml: string;
  /** An article's <VariableValue> elements, for the end of its TextSource. */
  valuesOf(articleId: number): string;
}

export function exportVariables(db: Db, guid: (kind: string, id: string | number) => Guid): ExportedVariables {
  const attributes = readAttributes(db);
  if (attributes.length === 0) return { xml: '', valuesOf: () => '' };
  const byId = new Map(attributes.map((a) => [a.id, a]));
  const variableGuid = (a: AttributeDefinition) => guid('variable', a.id);
  const rows = db
    .prepare('SELECT article_id AS articleId, attribute_id AS attributeId, value FROM article_attribute ORDER BY article_id, attribute_id')
    .all() as Array<{ articleId: number; attributeId: number; value: string }>;
  const values = new Map<number, string>();
  for (const row of rows) {
    const a = byId.get(row.attributeId);
    if (!a) continue;
    const element = valueElement[a.kind];
    const text = a.kind === 'number' ? decimal(row.value) : row.value;
    values.set(
      row.articleId,
      (values.get(row.articleId) ?? '') +
        `<VariableValue>${openTag('VariableRef', { targetGUID: variableGuid(a) }, true)}<${element}>${xmlText(text)}</${element}></VariableValue>`,
    );
  }
  const xml =
    '<Variables>' +
    attributes
      .map(
        (a) =>
          openTag('Variable', { guid: variableGuid(a), name: a.name, typeOfVariable: typeOf[a.kind] }) +
          (a.kind === 'choice' ? `<Description>${xmlText(choiceMark + JSON.stringify(a.choices))}</Description>` : '') +
          '</Variable>',
      )
      .join('') +
    '</Variables>';
  return { xml, valuesOf: (articleId) => values.get(articleId) ?? '' };
}

/** A number as xsd:decimal writes it: never in exponent form (1e21 is 1000000000000000000000). */
function decimal(value: string): string {
  const n = Number(value);
  return /e/i.test(value) ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : value;
}

export interface QdaVariable {
  guid: string;
  name: string;
  kind: AttributeKind;
  choices: string[];
}

export interface QdaVariableValue {
  variable: string;
  value: string;
}

/** The project's variables, each read as the kind of attribute that holds its values. */
export function readVariables(project: XmlNode, checkGuid: (guid: string | undefined, what: string) => string): QdaVariable[] {
  return children(child(project, 'Variables'), 'Variable').map((node) => {
    const guid = checkGuid(attribute(node, 'guid'), 'variable');
    const name = (attribute(node, 'name') ?? '').trim() || 'Variable';
    const type = attribute(node, 'typeOfVariable') ?? 'Text';
    const description = textOf(child(node, 'Description')).trim();
    if (type === 'Boolean') return { guid, name, kind: 'choice', choices: ['true', 'false'] };
    if (type === 'Integer' || type === 'Float') return { guid, name, kind: 'number', choices: [] };
    if (type === 'Date' || type === 'DateTime') return { guid, name, kind: 'date', choices: [] };
    const choices = description.startsWith(choiceMark) ? parseChoices(description.slice(choiceMark.length)) : [];
    return choices.length > 0 ? { guid, name, kind: 'choice', choices } : { guid, name, kind: 'text', choices: [] };
  });
}

/** The values a source or case element carries, for variables the project declares; a value element of any type is read as text. */
export function readVariableValues(node: XmlNode, known: ReadonlySet<string>): QdaVariableValue[] {
  const out: QdaVariableValue[] = [];
  for (const v of children(node, 'VariableValue')) {
    const variable = (attribute(child(v, 'VariableRef'), 'targetGUID') ?? '').replace(/[{}]/g, '').toLowerCase();
    if (!known.has(variable)) continue;
    for (const element of ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue']) {
      const found = child(v, element);
      if (!found) continue;
      const text = textOf(found).trim();
      // A DateTime's day is the date Pizhu keeps.
      const value = element === 'DateTimeValue' ? text.slice(0, 10) : text;
      if (value !== '') out.push({ variable, value });
      break;
    }
  }
  return out;
}

/**
 * Writes imported values outside the journal (an import discards the undo history): a variable
 * becomes the attribute of its name (in either script and any case) or a new one; a value the
 * attribute cannot take, or one the article already has a value for, is left out, so the
 * library's own values are never overwritten. Answers how many values were added.
 */
export function writeImportedValues(
  db: Db,
  variables: readonly QdaVariable[],
  values: ReadonlyArray<{ articleId: number; values: readonly QdaVariableValue[] }>,
  now: string,
): number {
  if (variables.length === 0) return 0;
  const existing = readAttributes(db);
  const fold = (name: string) => foldToSimplified(name.trim()).toLowerCase();
  const byGuid = new Map<string, AttributeDefinition>();
  for (const v of variables) {
    let found = existing.find((a) => fold(a.name) === fold(v.name));
    if (!found) {
      const id = Number(
        db
          .prepare('INSERT INTO attribute (name, kind, choices, created_at) VALUES (?, ?, ?, ?)')
          .run(v.name, v.kind, JSON.stringify(v.choices), now).lastInsertRowid,
      );
      found = { id, name: v.name, kind: v.kind, choices: v.choices };
      existing.push(found);
    }
    byGuid.set(v.guid, found);
  }
  const insert = db.prepare(
    'INSERT INTO article_attribute (article_id, attribute_id, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  let added = 0;
  for (const { articleId, values: list } of values) {
    for (const { variable, value } of list) {
      const target = byGuid.get(variable);
      if (!target) continue;
      const checked = checkAttributeValue(target, value);
      if (checked.ok) added += insert.run(articleId, target.id, checked.value).changes;
    }
  }
  return added;
}

function parseChoices(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === 'string' && c.trim() !== '') : [];
  } catch {
    return [];
  }
}
