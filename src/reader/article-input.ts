import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * One article read as a stream: its first kilobytes ahead (for its header and dateline), then the
 * rest piece by piece, so that a huge article is never held whole. Bytes that are not UTF-8 become
 * U+FFFD, which the reader's cleaning removes. The digest of everything read names the article in
 * the ledger ("read before?") without keeping its text.
 */
export interface ArticleInput {
  /** At least the first HEAD_CHARS characters (the whole text when shorter). */
  head: string;
  /** The pieces after `head`. */
  rest: AsyncIterable<string>;
  /** sha256 of "\0" and the whole text, once `rest` has been read to its end. */
  digest(): string;
}

export const HEAD_CHARS = 16_384;

async function* decoded(stream: NodeJS.ReadableStream, hash: Hash): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    if (text) {
      hash.update(text);
      yield text;
    }
  }
  const tail = decoder.decode();
  if (tail) {
    hash.update(tail);
    yield tail;
  }
}

/** Opens a file, or stdin for `undefined` and "-". */
export async function openArticleInput(file: string | undefined, stdin: NodeJS.ReadableStream): Promise<ArticleInput> {
  const stream = file === undefined || file === '-' ? stdin : createReadStream(file);
  const hash = createHash('sha256').update('\0');
  const pieces = decoded(stream, hash);
  let head = '';
  while (head.length < HEAD_CHARS) {
    const next = await pieces.next();
    if (next.done) break;
    head += next.value;
  }
  return {
    head,
    rest: { [Symbol.asyncIterator]: () => pieces },
    digest: () => hash.copy().digest('hex'),
  };
}
