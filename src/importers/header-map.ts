import { HeaderError } from './format-parser.js';

/**
 * Header names compared without case, spaces, underscores, dots, dashes or quotes, so that ICEWS's
 * `Event ID`, andybega/icews's `event_id` and a quoted `"Event ID"` are the same column.
 */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[\s_."'\-\uFEFF]/g, '');
}

/** Column positions by name, for header-driven formats. */
export class HeaderMap {
  private readonly index = new Map<string, number>();
  readonly names: readonly string[];

  constructor(fields: readonly string[]) {
    this.names = fields;
    fields.forEach((f, i) => {
      const k = headerKey(f);
      if (!this.index.has(k)) this.index.set(k, i);
    });
  }

  /** Position of the first of `aliases` present, or -1. */
  find(...aliases: string[]): number {
    for (const a of aliases) {
      const i = this.index.get(headerKey(a));
      if (i !== undefined) return i;
    }
    return -1;
  }

  require(what: string, ...aliases: string[]): number {
    const i = this.find(...aliases);
    if (i === -1)
      throw new HeaderError(`the header has no ${what} column (looked for ${aliases.map((a) => `"${a}"`).join(', ')})`);
    return i;
  }
}
