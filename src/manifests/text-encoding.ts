import { UserError } from '../util/errors.js';

/**
 * Turns a manifest file's bytes into text, or refuses them. YAML streams may be UTF-16 or UTF-32
 * in theory, but kubectl and every tool around Knative expect UTF-8; a file that is not valid
 * UTF-8 would otherwise be decoded with U+FFFD in place of its bytes, silently changing names
 * and values. The error names the file, the byte offset and the line, never the bytes.
 */
export function decodeManifest(bytes: Uint8Array, file: string): string {
  const bom = byteOrderMark(bytes);
  if (bom && bom !== 'UTF-8')
    refuse(
      file,
      1,
      `is ${bom} (it starts with a ${bom} byte order mark); manifests must be UTF-8. Save it as UTF-8.`,
    );
  const start = bom === 'UTF-8' ? 3 : 0;
  const nul = bytes.indexOf(0, start);
  if (nul >= 0) {
    const line = lineAt(bytes, nul);
    refuse(
      file,
      line,
      `has a NUL byte at byte offset ${nul} (line ${line}): it is binary or UTF-16 without a byte order mark, not UTF-8 text.`,
    );
  }
  const invalid = firstInvalidUtf8(bytes, start);
  if (invalid >= 0) {
    const line = lineAt(bytes, invalid);
    refuse(
      file,
      line,
      `is not valid UTF-8: the byte at offset ${invalid} (line ${line}) does not begin a valid UTF-8 character. ` +
        'Save the file as UTF-8 (an editor that wrote Latin-1 or Windows-1252 produces this).',
    );
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start).toString('utf8');
}

function refuse(file: string, line: number, what: string): never {
  throw new UserError(`${file} ${what}`, { file, line });
}

type Bom = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE';

function byteOrderMark(b: Uint8Array): Bom | undefined {
  // UTF-32LE's mark begins with UTF-16LE's, so it is tested first.
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32LE';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32BE';
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'UTF-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16LE';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
  return undefined;
}

/** 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1.
 * Well-formed per the Unicode standard (table 3-7): no overlong forms, no surrogates, nothing
 * above U+10FFFF.
 */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0): number {
  const n = bytes.length;
  let i = start;
  while (i < n) {
    const b0 = bytes[i] as number;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) length = 2;
    else if (b0 >= 0xe0 && b0 <= 0xef) {
      length = 3;
      if (b0 === 0xe0) low = 0xa0; // overlong
      if (b0 === 0xed) high = 0x9f; // surrogates
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      length = 4;
      if (b0 === 0xf0) low = 0x90; // overlong
      if (b0 === 0xf4) high = 0x8f; // above U+10FFFF
    } else return i;
    if (i + length > n) return i;
    const b1 = bytes[i + 1] as number;
    if (b1 < low || b1 > high) return i;
    for (let k = 2; k < length; k++) {
      const b = bytes[i + k] as number;
      if (b < 0x80 || b > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}
