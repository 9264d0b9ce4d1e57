import path from 'node:path';
import {
  attributeKinds,
  maxAttributeArticles,
  maxAttributeChoices,
  maxAttributeCsvBytes,
  maxAttributeNameLength,
  maxAttributes,
  type ArticleAttributeValue,
  type AttributeCsvImportResult,
  type AttributeCsvSkippedLine,
  type AttributeDefinition,
  type AttributeSpec,
  type AttributeSummary,
  type ListedArticles,
} from '../../../preload/contract/attributeTypes';
import { createJournaled, shortQuote } from '../annotations/journaled';
import { requireAbsolutePath } from '../files/writeTextFile';
import { createLibraryFileGuard, type LibraryFiles } from '../files/libraryFileGuard';
import { readRegularFile } from '../files/readRegularFile';
import type { Recorder } from '../journal/recordChanges';
import { LibraryError } from '../libraryError';
import { orderedArticleIds } from '../store/articlePage';
import type { Db } from '../store/openDatabase';
import { decodeAttributeCsv, parseAttributeCsv, type AttributeCsvKey } from './attributeCsv';
import {
  readArticleAttributes,
  readAttribute,
  readAttributes,
  readValuesOf,
  summarizeAttributes,
  writeValue,
} from './attributeStore';
import { checkAttributeValue, foldedName, hasControl } from './attributeValues';

export type Attributes = ReturnType<typeof createAttributes>;

/**
 * Article attributes: defining, changing and removing one, setting values on one article or
 * many, and importing them from a CSV are each one transaction and one undo step.
 */
export function createAttributes(db: Db, nowIso: () => string, files: LibraryFiles) {
  const journaled = createJournaled(db, nowIso);
  const guard = createLibraryFileGuard(files);

  function requireAttribute(id: number): AttributeDefinition {
    const found = readAttribute(db, id);
    if (!found) throw new LibraryError('not-found', `There is no attribute ${id}.`, String(id));
    return found;
  }

  /** The attribute a name means, in either script and any case. */
  function findByName(name: string): AttributeDefinition | undefined {
    const folded = foldedName(name);
    return readAttributes(db).find((a) => foldedName(a.name) === folded);
  }

  function insertAttribute(rec: Recorder, spec: Required<AttributeSpec>, now: string): AttributeDefinition {
    if (readAttributes(db).length >= maxAttributes) {
      throw invalid(`A library holds at most ${maxAttributes} attributes.`, 'name');
    }
    const id = rec.insert('attribute', { name: spec.name, kind: spec.kind, choices: JSON.stringify(spec.choices), created_at: now });
    return requireAttribute(id);
  }

  return {
    listAttributes(): AttributeSummary[] {
      return summarizeAttributes(db);
    },

    articleAttributes(articleId: number): ArticleAttributeValue[] {
      return readArticleAttributes(db, articleId);
    },

    /** A new attribute; its name must differ (in script and case too) from every other. */
    defineAttribute(spec: AttributeSpec): AttributeDefinition {
      const clean = normalizeSpec(spec);
      return journaled((rec, now) => {
        if (findByName(clean.name)) throw invalid(`There is already an attribute named "${clean.name}".`, 'name');
        const attribute = insertAttribute(rec, clean, now);
        return { value: attribute, op: 'attribute.define', description: `Add attribute “${clean.name}”` };
      });
    },

    /**
     * A new name, kind or list. Every value already set must fit the new kind and list (each is
     * rewritten as the new kind keeps it); otherwise nothing changes and the message says how
     * many values would not.
     */
    updateAttribute(id: number, spec: AttributeSpec): AttributeDefinition {
      const clean = normalizeSpec(spec);
      return journaled((rec) => {
        const current = requireAttribute(id);
        const other = findByName(clean.name);
        if (other && other.id !== id) throw invalid(`There is already an attribute named "${clean.name}".`, 'name');
        const values = readValuesOf(db, id);
        const checked = values.map((v) => ({ ...v, checked: checkAttributeValue(clean, v.value) }));
        const misfits = checked.filter((v) => !v.checked.ok);
        if (misfits.length > 0) {
          const first = misfits[0]!.checked;
          throw invalid(
            `${misfits.length} article${misfits.length === 1 ? '' : 's'} have a value the changed attribute cannot take (${first.ok ? '' : first.why}); change or clear those first.`,
            'kind',
          );
        }
        rec.update('attribute', { id }, { name: clean.name, kind: clean.kind, choices: JSON.stringify(clean.choices) });
        for (const v of checked) if (v.checked.ok) writeValue(rec, v.articleId, id, v.checked.value);
        return { value: requireAttribute(id), op: 'attribute.update', description: `Change attribute “${current.name}”` };
      });
    },

    /** The attribute and every value of it; undo brings them all back. */
    removeAttribute(id: number): void {
      journaled((rec) => {
        const current = requireAttribute(id);
        for (const v of readValuesOf(db, id)) rec.remove('article_attribute', { article_id: v.articleId, attribute_id: id });
        rec.remove('attribute', { id });
        return { value: undefined, op: 'attribute.remove', description: `Remove attribute “${current.name}”` };
      });
    },

    /**
     * One value (null clears it) on each of the articles: one article, or a selection, in one
     * undo step. Answers how many articles changed.
     */
    setAttributeValue(articleIds: readonly number[], attributeId: number, value: string | null): { changed: number } {
      const ids = [...new Set(articleIds)];
      if (ids.length === 0) throw invalid('Choose at least one article.', 'articleIds');
      if (ids.length > maxAttributeArticles) throw invalid(`At most ${maxAttributeArticles} articles at once.`, 'articleIds');
      return journaled((rec) => {
        const attribute = requireAttribute(attributeId);
        let stored: string | null = null;
        if (value !== null) {
          const checked = checkAttributeValue(attribute, value);
          if (!checked.ok) throw invalid(`“${attribute.name}” cannot be set: ${checked.why}.`, 'value');
          stored = checked.value;
        }
        const known = new Set(
          db.prepare('SELECT id FROM article WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as number[],
        );
        const missing = ids.find((id) => !known.has(id));
        if (missing !== undefined) throw new LibraryError('not-found', `There is no article ${missing}.`, String(missing));
        let changed = 0;
        for (const id of ids) if (writeValue(rec, id, attributeId, stored)) changed++;
        const what = stored === null ? `Clear “${attribute.name}”` : `Set “${attribute.name}” to “${shortQuote(stored)}”`;
        return {
          value: { changed },
          op: 'attribute.set',
          description: ids.length === 1 ? what : `${what} on ${ids.length} articles`,
        };
      });
    },

    /** The same for every article the library list shows with its view and filters (the person's selection). */
    setAttributeValueOnList(list: ListedArticles, attributeId: number, value: string | null): { changed: number } {
      // Which articles, not their order: a title order would place new titles' ranks first, a
      // write before the check below, which a refused call must not make.
      const { ids } = orderedArticleIds(db, { ...list, sort: 'date', groupBy: undefined });
      if (ids.length === 0) throw invalid('The list shows no article to set it on.', 'list');
      return this.setAttributeValue(ids, attributeId, value);
    },

    /**
     * Reads an attribute CSV whole and checks every line before one step writes what is valid.
     * A heading that names no attribute adds a text attribute of that name in the same step.
     */
    importAttributeCsv(file: string): AttributeCsvImportResult {
      const target = requireAbsolutePath(file, 'attribute CSV');
      guard.checkFile(target, 'attribute CSV to import');
      const bytes = readRegularFile(target, { maxBytes: maxAttributeCsvBytes, what: 'attribute CSV' });
      const csv = parseAttributeCsv(decodeAttributeCsv(bytes, target), target);
      return journaled((rec, now) => {
        const attributes = csv.columns.map(
          (name) => findByName(name) ?? insertAttribute(rec, { name, kind: 'text', choices: [] }, now),
        );
        const lookup = articleLookup(db, csv.key);
        const skipped: AttributeCsvSkippedLine[] = [...csv.skipped];
        const done = new Set<number>();
        let articles = 0;
        let values = 0;
        for (const row of csv.rows) {
          const ids = lookup(row.key);
          if (ids.length === 0) {
            skipped.push({ line: row.line, reason: 'no-article' });
            continue;
          }
          if (ids.length > 1) {
            skipped.push({ line: row.line, reason: 'several-articles' });
            continue;
          }
          const articleId = ids[0]!;
          if (done.has(articleId)) {
            skipped.push({ line: row.line, reason: 'duplicate' });
            continue;
          }
          done.add(articleId);
          // A line with one bad value is skipped whole, so a row is never half applied.
          const checked = row.cells.map((cell, i) => (cell.trim() === '' ? null : checkAttributeValue(attributes[i]!, cell)));
          const bad = checked.findIndex((c) => c !== null && !c.ok);
          if (bad >= 0) {
            skipped.push({ line: row.line, reason: 'bad-value', column: attributes[bad]!.name });
            continue;
          }
          let wrote = 0;
          checked.forEach((c, i) => {
            if (c?.ok && writeValue(rec, articleId, attributes[i]!.id, c.value)) wrote++;
          });
          if (wrote > 0) articles++;
          values += wrote;
        }
        skipped.sort((a, b) => a.line - b.line);
        return {
          value: { articles, values, skipped },
          op: 'attribute.import',
          description: `Import attributes from “${path.basename(target)}”`,
        };
      });
    },
  };
}

/** The articles (not in the trash) a CSV key names: by file name (its last part) or by URL. */
function articleLookup(db: Db, key: AttributeCsvKey): (value: string) => number[] {
  const rows = db
    .prepare(`SELECT id, ${key === 'file' ? 'file_name' : 'url'} AS k FROM article WHERE trashed_at IS NULL AND k IS NOT NULL`)
    .all() as Array<{ id: number; k: string }>;
  const norm = key === 'file' ? (v: string) => path.basename(v.replace(/\\/g, '/')).normalize('NFC') : (v: string) => v.trim();
  const map = new Map<string, number[]>();
  for (const { id, k } of rows) {
    const list = map.get(norm(k));
    if (list) list.push(id);
    else map.set(norm(k), [id]);
  }
  return (value) => map.get(norm(value)) ?? [];
}

function normalizeSpec(spec: AttributeSpec): Required<AttributeSpec> {
  const name = spec.name.trim();
  if (name === '') throw invalid('An attribute needs a name.', 'name');
  if (name.length > maxAttributeNameLength) {
    throw invalid(`An attribute name holds at most ${maxAttributeNameLength} characters.`, 'name');
  }
  if (hasControl(name)) throw invalid('An attribute name cannot hold a line break or a control character.', 'name');
  if (!attributeKinds.includes(spec.kind)) throw invalid(`"${String(spec.kind)}" is no kind of attribute.`, 'kind');
  if (spec.kind !== 'choice') {
    if ((spec.choices ?? []).length > 0) throw invalid('Only a "one of a list" attribute has a list.', 'choices');
    return { name, kind: spec.kind, choices: [] };
  }
  const choices: string[] = [];
  const seen = new Set<string>();
  for (const raw of spec.choices ?? []) {
    const choice = raw.trim();
    if (choice === '') continue;
    const checked = checkAttributeValue({ kind: 'text', choices: [] }, choice);
    if (!checked.ok) throw invalid(`The choice "${choice.slice(0, 40)}" cannot be kept: ${checked.why}.`, 'choices');
    if (seen.has(foldedName(choice))) throw invalid(`The list names "${choice}" twice.`, 'choices');
    seen.add(foldedName(choice));
    choices.push(choice);
  }
  if (choices.length === 0) throw invalid('A "one of a list" attribute needs at least one choice.', 'choices');
  if (choices.length > maxAttributeChoices) throw invalid(`A list holds at most ${maxAttributeChoices} choices.`, 'choices');
  return { name, kind: 'choice', choices };
}

function invalid(message: string, field: string): LibraryError {
  return new LibraryError('invalid-argument', message, field);
}
