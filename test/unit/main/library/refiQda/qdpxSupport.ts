import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';

/** The REFI-QDA corpus (schemas and sample projects), read in place; absent on a machine without ../shared. */
export const refiCorpus = path.resolve(__dirname, '../../../../../../shared/corpus/refi-qda');
export const hasCorpus = fs.existsSync(path.join(refiCorpus, 'schemas', 'Project.xsd'));
export const hasXmllint = spawnSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' }).status === 0;
if (!hasCorpus) console.warn(`REFI-QDA corpus not found at ${refiCorpus}: the schema and sample tests are skipped.`);
if (!hasXmllint) console.warn('xmllint (libxml2-utils) is not installed: the schema validation tests are skipped.');

/** xmllint's verdict on `xml` against the corpus's `schema` (Project.xsd or Codebook.xsd): '' when it validates. */
export function schemaErrors(xml: string, schema: 'Project.xsd' | 'Codebook.xsd'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-xsd-'));
  try {
    const file = path.join(dir, 'doc.xml');
    fs.writeFileSync(file, xml);
    try {
      execFileSync('xmllint', ['--noout', '--schema', path.join(refiCorpus, 'schemas', schema), file], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return '';
    } catch (error) {
      return String((error as { stderr?: Buffer }).stderr ?? error);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The entries of a .qdpx, as text. */
export function readArchive(file: string): Map<string, string> {
  const entries = unzipSync(fs.readFileSync(file));
  return new Map(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
}
