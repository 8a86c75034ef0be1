import { describe, expect, it } from 'vitest';
import { decodeManifest, firstInvalidUtf8 } from '../../../src/manifests/text-encoding.js';
import { UserError } from '../../../src/util/errors.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))),
  );

function refusal(input: Uint8Array, file = 'k/svc.yaml'): UserError {
  try {
    decodeManifest(input, file);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('decodeManifest', () => {
  it('decodes UTF-8, including characters of every length, and drops a UTF-8 byte order mark', () => {
    const text = 'name: café ✓ 😀\n';
    expect(decodeManifest(Buffer.from(text), 'a.yaml')).toBe(text);
    expect(decodeManifest(bytes([0xef, 0xbb, 0xbf], text), 'a.yaml')).toBe(text);
    expect(decodeManifest(new Uint8Array(), 'a.yaml')).toBe('');
  });

  it('refuses Latin-1 bytes, naming the file, the byte offset and the line, not the bytes', () => {
    // "name: caf\xe9" as an editor writing Latin-1 saves it: today this became "caf\ufffd".
    const error = refusal(bytes('kind: Service\nmetadata:\n  name: caf', [0xe9], '\n'));
    expect(error.message).toBe(
      'k/svc.yaml is not valid UTF-8: the byte at offset 35 (line 3) does not begin a valid UTF-8 character. ' +
        'Save the file as UTF-8 (an editor that wrote Latin-1 or Windows-1252 produces this).',
    );
    expect(error.location).toEqual({ file: 'k/svc.yaml', line: 3 });
    expect(error.message).not.toContain('caf');
  });

  it('refuses UTF-16 and UTF-32 by their byte order marks', () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: A\n', 'utf16le')]);
    expect(refusal(utf16le).message).toBe(
      'k/svc.yaml is UTF-16LE (it starts with a UTF-16LE byte order mark); manifests must be UTF-8. Save it as UTF-8.',
    );
    const utf16be = Buffer.from(Buffer.from('\ufeffkind: A\n', 'utf16le').swap16());
    expect(refusal(utf16be).message).toMatch(
      /is UTF-16BE \(it starts with a UTF-16BE byte order mark\)/,
    );
    expect(refusal(bytes([0xff, 0xfe, 0, 0], 'x')).message).toMatch(/is UTF-32LE/);
    expect(refusal(bytes([0, 0, 0xfe, 0xff])).message).toMatch(/is UTF-32BE/);
  });

  it('refuses a NUL byte (binary, or UTF-16 without a byte order mark) with its offset and line', () => {
    const error = refusal(bytes('a: 1\nb: ', [0], '\n'));
    expect(error.message).toBe(
      'k/svc.yaml has a NUL byte at byte offset 8 (line 2): it is binary or UTF-16 without a byte order mark, not UTF-8 text.',
    );
    expect(error.location?.line).toBe(2);
    expect(refusal(Buffer.from('kind: A\n', 'utf16le')).message).toMatch(
      /NUL byte at byte offset 1 \(line 1\)/,
    );
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    ['ASCII', [0x61, 0x62], -1],
    ['two-byte é', [0xc3, 0xa9], -1],
    ['three-byte €', [0xe2, 0x82, 0xac], -1],
    ['four-byte 😀', [0xf0, 0x9f, 0x98, 0x80], -1],
    ['U+10FFFF', [0xf4, 0x8f, 0xbf, 0xbf], -1],
    ['lone continuation byte', [0x61, 0x80], 1],
    ['overlong two-byte (C0)', [0xc0, 0xaf], 0],
    ['overlong three-byte', [0xe0, 0x80, 0xaf], 0],
    ['overlong four-byte', [0xf0, 0x80, 0x80, 0xaf], 0],
    ['UTF-16 surrogate D800 encoded', [0xed, 0xa0, 0x80], 0],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['F5 lead byte', [0xf5, 0x80, 0x80, 0x80], 0],
    ['truncated at the end', [0x61, 0xe2, 0x82], 1],
    ['lead byte then ASCII', [0xc3, 0x61], 0],
  ])('%s', (_, input, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(input))).toBe(expected);
  });

  it('agrees with a strict decoder on every two-byte sequence', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let a = 0; a < 256; a++) {
      for (let b = 0; b < 256; b++) {
        const input = Uint8Array.from([a, b]);
        let valid = true;
        try {
          strict.decode(input);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(input) === -1, `${a.toString(16)} ${b.toString(16)}`).toBe(valid);
      }
    }
  });
});
