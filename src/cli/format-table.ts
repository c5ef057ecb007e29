/** Aligned columns for people; long cells are cut with an ellipsis so rows stay on one line. */
export function formatTable(header: string[], rows: string[][], maxWidths: number[] = []): string {
  const cut = (s: string, i: number) => {
    const max = maxWidths[i];
    return max && s.length > max ? `${s.slice(0, max - 1)}…` : s;
  };
  const cells = rows.map((r) => r.map(cut));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')}\n`;
}

/** RFC 4180 CSV: quote a field when it holds a comma, quote or line break. */
export function formatCsv(header: string[], rows: string[][]): string {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
