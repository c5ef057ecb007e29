/**
 * Huge texts are read in bounded chunks cut at paragraph (else line, else sentence, else space)
 * boundaries, so wink never holds more than one chunk's analysis, and a text read from a stream is
 * never held whole: memory stays flat however long the text.
 */
export interface Chunk {
  text: string;
  /** Offset of the chunk in the whole text. */
  offset: number;
}

const DEFAULT_CHUNK_CHARS = 20_000;

/** Where to cut a window of `maxChars`: the last paragraph break, else line break, sentence end, space. */
function cutAt(window: string, maxChars: number): number {
  let cut = window.lastIndexOf('\n\n');
  if (cut < maxChars / 4) cut = window.lastIndexOf('\n');
  if (cut < maxChars / 4) cut = window.lastIndexOf('. ') + 1;
  if (cut < maxChars / 4) cut = window.lastIndexOf(' ');
  if (cut < maxChars / 4) cut = maxChars;
  return cut;
}

export function* splitChunks(text: string, maxChars = DEFAULT_CHUNK_CHARS): Generator<Chunk> {
  let offset = 0;
  while (offset < text.length) {
    if (text.length - offset <= maxChars) {
      yield { text: text.slice(offset), offset };
      return;
    }
    const cut = cutAt(text.slice(offset, offset + maxChars), maxChars);
    yield { text: text.slice(offset, offset + cut), offset };
    offset += cut;
  }
}

/** The same chunks from a text that arrives in pieces (a file or stdin read as a stream). */
export async function* splitChunksAsync(
  pieces: AsyncIterable<string> | Iterable<string>,
  maxChars = DEFAULT_CHUNK_CHARS,
): AsyncGenerator<Chunk> {
  let buffer = '';
  let offset = 0;
  for await (const piece of pieces) {
    buffer += piece;
    while (buffer.length > maxChars) {
      const cut = cutAt(buffer.slice(0, maxChars), maxChars);
      yield { text: buffer.slice(0, cut), offset };
      offset += cut;
      buffer = buffer.slice(cut);
    }
  }
  if (buffer.length > 0) yield { text: buffer, offset };
}
