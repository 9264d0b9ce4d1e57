import { isUtf8 } from 'node:buffer';
import os from 'node:os';

/** Reused from file to file: an import decodes every file it reads. */
let units = new Uint16Array(1 << 16);
/** The largest buffer kept between calls (2 MB): one grown for a huge file is let go. */
const keptUnits = 1 << 20;
const littleEndian = os.endianness() === 'LE';

/**
 * The text of valid UTF-8 bytes, or null when they are not valid UTF-8 (buffer.isUtf8, checked
 * first). The same string TextDecoder's UTF-8 gives, made another way: V8's UTF-8 decoding took
 * some 140 µs for a 5 KB Chinese file here (28 ns a byte, a sixth of the parse worker's time on
 * the bench), validating, writing the UTF-16 units in a loop and reading them back as UTF-16LE
 * some 25. Bytes already known valid need no checks in the loop. (The loop's Uint16Array is read
 * as little-endian: elsewhere, TextDecoder decodes.)
 */
export function decodeValidUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  if (!littleEndian) return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  // Never more UTF-16 units than bytes: 1 byte gives 1 unit, 2-3 bytes 1, 4 bytes 2.
  if (units.length < bytes.length) units = new Uint16Array(bytes.length);
  const out = units;
  let n = 0;
  let ascii = true;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out[n++] = b;
      i += 1;
    } else if (b < 0xe0) {
      out[n++] = ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      i += 2;
      ascii = false;
    } else if (b < 0xf0) {
      out[n++] = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      i += 3;
      ascii = false;
    } else {
      const above = (((b & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f)) - 0x10000;
      out[n++] = 0xd800 | (above >> 10);
      out[n++] = 0xdc00 | (above & 0x3ff);
      i += 4;
      ascii = false;
    }
  }
  // ASCII reads as Latin-1 byte for byte, into V8's one-byte strings as UTF-8 decoding gives them.
  const text = ascii ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : Buffer.from(out.buffer, 0, n * 2).toString('utf16le');
  if (units.length > keptUnits) units = new Uint16Array(1 << 16);
  return text;
}

