import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync, createDeflateRaw } from 'node:zlib';

/**
 * Zip archives for tests, written by APPNOTE.TXT (§4.3.7 local header, §4.3.12 central header,
 * §4.3.16 end of central directory; ZIP64 §4.3.14–15 and the extended information field §4.5.3):
 * deflated entries with their real CRC-32 and sizes, in the plain layout or with every size and
 * offset moved to the ZIP64 fields, as a writer does past 4 GiB.
 */
export function zipOf(entries: [string, string | Buffer][], options: { zip64?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const raw = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const data = deflateRawSync(raw);
    const e = { name: Buffer.from(name), crc: crc32(raw), size: raw.length, compressed: data.length, offset };
    const local = localHeader(e, options.zip64 ?? false);
    parts.push(local, data);
    central.push(centralHeader(e, options.zip64 ?? false));
    offset += local.length + data.length;
  }
  return Buffer.concat([
    ...parts,
    ...endRecords(Buffer.concat(central), offset, entries.length, options.zip64 ?? false),
  ]);
}

/**
 * A zip of one entry made of `chunks`, deflated as they stream, so that an entry far larger than
 * memory (a gigabyte of one line) costs the test only its compressed size on disk.
 */
export async function writeZipStreaming(path: string, name: string, chunks: Iterable<Buffer>): Promise<void> {
  const fd = openSync(path, 'w');
  try {
    const nameBytes = Buffer.from(name);
    const placeholder = localHeader({ name: nameBytes, crc: 0, size: 0, compressed: 0, offset: 0 }, true);
    writeSync(fd, placeholder);
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const deflate = createDeflateRaw();
    const done = (async () => {
      for await (const out of deflate) compressed += writeSync(fd, out as Buffer);
    })();
    for (const chunk of chunks) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
    }
    deflate.end();
    await done;
    const e = { name: nameBytes, crc, size, compressed, offset: 0 };
    writeSync(fd, localHeader(e, true), 0, placeholder.length, 0);
    const cdOffset = placeholder.length + compressed;
    for (const b of endRecords(centralHeader(e, true), cdOffset, 1, true)) writeSync(fd, b);
  } finally {
    closeSync(fd);
  }
}

interface EntryInfo {
  name: Buffer;
  crc: number;
  size: number;
  compressed: number;
  offset: number;
}

function localHeader(e: EntryInfo, zip64: boolean): Buffer {
  const local = Buffer.alloc(30 + e.name.length + (zip64 ? 20 : 0));
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(zip64 ? 45 : 20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(e.crc >>> 0, 14);
  local.writeUInt32LE(zip64 ? 0xffffffff : e.compressed, 18);
  local.writeUInt32LE(zip64 ? 0xffffffff : e.size, 22);
  local.writeUInt16LE(e.name.length, 26);
  local.writeUInt16LE(zip64 ? 20 : 0, 28);
  e.name.copy(local, 30);
  if (zip64) {
    const q = 30 + e.name.length;
    local.writeUInt16LE(1, q);
    local.writeUInt16LE(16, q + 2);
    local.writeBigUInt64LE(BigInt(e.size), q + 4);
    local.writeBigUInt64LE(BigInt(e.compressed), q + 12);
  }
  return local;
}

function centralHeader(e: EntryInfo, zip64: boolean): Buffer {
  const head = Buffer.alloc(46 + e.name.length + (zip64 ? 28 : 0));
  head.writeUInt32LE(0x02014b50, 0);
  head.writeUInt16LE(zip64 ? 45 : 20, 4);
  head.writeUInt16LE(zip64 ? 45 : 20, 6);
  head.writeUInt16LE(8, 10);
  head.writeUInt32LE(e.crc >>> 0, 16);
  head.writeUInt32LE(zip64 ? 0xffffffff : e.compressed, 20);
  head.writeUInt32LE(zip64 ? 0xffffffff : e.size, 24);
  head.writeUInt16LE(e.name.length, 28);
  head.writeUInt16LE(zip64 ? 28 : 0, 30);
  head.writeUInt32LE(zip64 ? 0xffffffff : e.offset, 42);
  e.name.copy(head, 46);
  if (zip64) {
    const q = 46 + e.name.length;
    head.writeUInt16LE(1, q);
    head.writeUInt16LE(24, q + 2);
    head.writeBigUInt64LE(BigInt(e.size), q + 4);
    head.writeBigUInt64LE(BigInt(e.compressed), q + 12);
    head.writeBigUInt64LE(BigInt(e.offset), q + 20);
  }
  return head;
}

function endRecords(cd: Buffer, cdOffset: number, entries: number, zip64: boolean): Buffer[] {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  if (!zip64) {
    end.writeUInt16LE(entries, 8);
    end.writeUInt16LE(entries, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(cdOffset, 16);
    return [cd, end];
  }
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(BigInt(entries), 24);
  end64.writeBigUInt64LE(BigInt(entries), 32);
  end64.writeBigUInt64LE(BigInt(cd.length), 40);
  end64.writeBigUInt64LE(BigInt(cdOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(cdOffset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return [cd, end64, locator, end];
}
