/**
 * Packs raw values into the `extra` JSON text of an imported row. Empty and null values are left
 * out, so a sparse row costs a few bytes. Numbers are written as numbers when they parse as finite
 * numbers, else dropped.
 */
export class ExtraBuilder {
  private text = '';

  str(name: string, value: string | null | undefined): this {
    if (value !== null && value !== undefined && value !== '') this.text += `,"${name}":${JSON.stringify(value)}`;
    return this;
  }

  /** A numeric field kept as written in the file (no float round trip), if it is a number. */
  num(name: string, value: string | null | undefined): this {
    if (value !== null && value !== undefined && value !== '' && Number.isFinite(Number(value)))
      this.text += `,"${name}":${Number(value)}`;
    return this;
  }

  list(name: string, values: readonly string[]): this {
    if (values.length > 0) this.text += `,"${name}":${JSON.stringify(values)}`;
    return this;
  }

  /** The JSON object, or null when nothing was added; resets the builder. */
  done(): string | null {
    const t = this.text;
    this.text = '';
    return t === '' ? null : `{${t.slice(1)}}`;
  }
}
