import fs from 'node:fs';
import path from 'node:path';

/** The five bundled seeds (seeds/ in the repository, UTF-8), by their number. */
export const seedNames = ['000', '001', '002', '003', '004'] as const;
export type SeedName = (typeof seedNames)[number];

const seedDir = path.resolve(process.cwd(), 'seeds');

export function seedText(name: SeedName): string {
  const file = fs.readdirSync(seedDir).find((f) => f.startsWith(`${name}_`) && f.endsWith('.txt'));
  if (!file) throw new Error(`seed ${name} is missing from ${seedDir}`);
  return fs.readFileSync(path.join(seedDir, file), 'utf8');
}
