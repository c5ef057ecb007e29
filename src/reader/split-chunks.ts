/**
 * Huge texts are read in bounded chunks cut at paragraph (else sentence, else space) boundaries,
 * so wink never holds more than one chunk's analysis and memory stays flat however long the text.
 */
export interface Chunk {
  text: string;
  /** Offset of the chunk in the whole text. */
  offset: number;
}

const DEFAULT_CHUNK_CHARS = 20_000;

export function* splitChunks(text: string, maxChars = DEFAULT_CHUNK_CHARS): Generator<Chunk> {
  let offset = 0;
  while (offset < text.length) {
    if (text.length - offset <= maxChars) {
      yield { text: text.slice(offset), offset };
      return;
    }
    const window = text.slice(offset, offset + maxChars);
    let cut = window.lastIndexOf('\n\n');
    if (cut < maxChars / 4) cut = window.lastIndexOf('\n');
    if (cut < maxChars / 4) cut = window.lastIndexOf('. ') + 1;
    if (cut < maxChars / 4) cut = window.lastIndexOf(' ');
    if (cut < maxChars / 4) cut = maxChars;
    yield { text: text.slice(offset, offset + cut), offset };
    offset += cut;
  }
}
