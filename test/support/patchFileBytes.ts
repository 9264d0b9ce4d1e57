import fs from 'node:fs';

/**
 * Flips bits in a closed library file, as a disk error would: at byte `at` of every occurrence of
 * `needle`, XOR `mask`. Returns how many occurrences were patched.
 */
export function patchFileBytes(file: string, needle: Buffer, at: number, mask: number): number {
  const bytes = fs.readFileSync(file);
  let count = 0;
  for (let i = bytes.indexOf(needle); i !== -1; i = bytes.indexOf(needle, i + needle.length)) {
    bytes[i + at]! ^= mask;
    count++;
  }
  fs.writeFileSync(file, bytes);
  return count;
}
