/**
 * Writes zip archives for the preview-comment tests, including ones no honest tool makes: entry
 * types, names, flags and declared sizes are whatever the test says (PKWARE APPNOTE 6.3.10,
 * sections 4.3.7 local header, 4.3.12 central header, 4.3.16 end of central directory).
 */
import { deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: string | Buffer;
  /** 0 stored, 8 deflated (default). */
  method?: number;
  /** Unix mode in the high 16 bits of the external attributes (default 0o100644, a file). */
  unixMode?: number;
  /** MS-DOS attribute byte (0x10: directory). */
  dosAttributes?: number;
  /** General purpose flags; bit 3 (sizes after the data, as streaming writers do) is honoured. */
  flags?: number;
  /** The uncompressed size the headers claim (default: the real one). */
  declaredSize?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function makeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.from(entry.data);
    const method = entry.method ?? 8;
    const packed = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(entry.name, 'utf8');
    const flags = (entry.flags ?? 0) | 0x800; // bit 11: the name is UTF-8
    const streamed = (flags & 0x8) !== 0;
    const crc = crc32(data);
    const size = entry.declaredSize ?? data.length;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(streamed ? 0 : crc, 14);
    local.writeUInt32LE(streamed ? 0 : packed.length, 18);
    local.writeUInt32LE(streamed ? 0 : size, 22);
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(streamed ? 16 : 0);
    if (streamed) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(packed.length, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    locals.push(local, name, packed, descriptor);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    const mode = entry.unixMode ?? 0o100644;
    central.writeUInt32LE(((mode << 16) | (entry.dosAttributes ?? 0)) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Made with Info-ZIP 3.0 (`zip -X -9 real.zip result.json`): an archive from an independent
 * writer, so the reader is not only checked against makeZip above.
 */
export const INFO_ZIP_RESULT = Buffer.from(
  'UEsDBBQAAgAIANkxgV3FE1QVRgAAAEwAAAALAAAAcmVzdWx0Lmpzb24NyiEOwCAMBVC/Y3yNX9KrLBNLU4EYJf1lhnD3od+b6AE5C3yk+msQcKgaiYKw7pGQCeaTgxvVGyvTWm6nxVf3hVz3WscPUEsBAh4DFAACAAgA2TGBXcUTVBVGAAAATAAAAAsAAAAAAAAAAQAAAKSBAAAAAHJlc3VsdC5qc29uUEsFBgAAAAABAAEAOQAAAG8AAAAAAA==',
  'base64',
);
export const INFO_ZIP_RESULT_TEXT =
  '{"pr":7,"outcome":"success","report":{"status":"consistent","services":[]}}\n';

/** Info-ZIP with -y: result.json stored as a symbolic link to /etc/passwd (mode 0120777). */
export const INFO_ZIP_SYMLINK = Buffer.from(
  'UEsDBAoAAAAAANkxgV0KuR8pCwAAAAsAAAALAAAAcmVzdWx0Lmpzb24vZXRjL3Bhc3N3ZFBLAQIeAwoAAAAAANkxgV0KuR8pCwAAAAsAAAALAAAAAAAAAAAAAAD/oQAAAAByZXN1bHQuanNvblBLBQYAAAAAAQABADkAAAA0AAAAAAA=',
  'base64',
);
