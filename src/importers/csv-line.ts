/**
 * Splits one record of RFC 4180 CSV: fields separated by commas, a field in double quotes may hold
 * commas, doubled quotes (`""`) and line breaks (the importer joins the lines of a record that
 * `csvRecordIsOpen` says is unfinished).
 */
export function splitCsvLine(line: string, out: string[] = []): string[] {
  out.length = 0;
  let i = 0;
  const n = line.length;
  for (;;) {
    if (i < n && line.charCodeAt(i) === 34) {
      let v = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q === -1) {
          v += line.slice(i);
          i = n;
          break;
        }
        v += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34) {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const comma = line.indexOf(',', i);
      out.push(v);
      if (comma === -1) break;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      if (comma === -1) {
        out.push(line.slice(i));
        break;
      }
      out.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
  return out;
}

/**
 * Whether a quoted field is still open at the end of this line, given whether one was open at its
 * start (the line then continues a record from the line before). Quotes count as splitCsvLine reads
 * them: only at the start of a field do they open one; a stray quote inside an unquoted field is
 * text. Scans the line once, so a record of many lines costs the sum of its lines.
 */
export function csvLineEndsOpen(line: string, startsInside: boolean): boolean {
  const n = line.length;
  let inside = startsInside || (n > 0 && line.charCodeAt(0) === 34);
  let i = inside && !startsInside ? 1 : 0;
  for (;;) {
    if (inside) {
      const q = line.indexOf('"', i);
      if (q === -1) return true;
      if (line.charCodeAt(q + 1) === 34) {
        i = q + 2;
        continue;
      }
      i = q + 1;
      inside = false;
    }
    const comma = line.indexOf(',', i);
    if (comma === -1) return false;
    i = comma + 1;
    if (i < n && line.charCodeAt(i) === 34) {
      inside = true;
      i++;
    }
  }
}
