import zlib from 'node:zlib';

let table: Int32Array | undefined;

/** CRC-32 (ISO-HDLC, as zip and gzip use) in JavaScript, for Node 20 before 20.15 (no `zlib.crc32`). */
function crc32Js(data: Buffer, value: number): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = ~value;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** The CRC-32 of `data` continuing from `value` (0 to start). */
export const crc32: (data: Buffer, value: number) => number =
  typeof zlib.crc32 === 'function' ? (data, value) => zlib.crc32(data, value) : crc32Js;

/** The JavaScript fallback itself, whatever Node provides (its test compares it with zlib's). */
export const crc32InJavaScript = crc32Js;
