import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Context } from 'hono';
import { LimitError } from '../model/errors.js';
import { HttpError } from './http-error.js';

export interface SpooledUpload {
  path: string;
  bytes: number;
  /** Removes the file and its folder. */
  remove(): void;
}

/**
 * Streams a request body to a temporary file, stopping with 413 as soon as it passes `maxBytes`
 * (the whole file never sits in memory). The file name keeps only safe characters of `name`.
 */
export async function spoolUpload(c: Context, name: string, maxBytes: number): Promise<SpooledUpload> {
  const declared = Number(c.req.header('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const body = c.req.raw.body;
  if (!body) throw new HttpError(400, 'the request has no body: send the file as the body');
  const dir = mkdtempSync(join(tmpdir(), 'parley-upload-'));
  const path = join(dir, name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '') || 'upload');
  let bytes = 0;
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const source = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
    source.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) source.destroy(tooLarge(maxBytes));
    });
    await pipeline(source, createWriteStream(path));
  } catch (err) {
    remove();
    throw err instanceof LimitError
      ? err
      : new HttpError(400, `the upload did not arrive whole: ${(err as Error).message}`);
  }
  if (bytes === 0) {
    remove();
    throw new HttpError(400, 'the uploaded file is empty');
  }
  return { path, bytes, remove };
}

function tooLarge(maxBytes: number): LimitError {
  return new LimitError(`the upload is larger than the server's limit of ${Math.round(maxBytes / 1048576)} MiB`);
}
