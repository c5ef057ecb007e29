/**
 * Splits one line of RFC 4180 CSV: fields separated by commas, a field in double quotes may hold
 * commas and doubled quotes (`""`). Fields spanning lines are not supported (the line reader splits
 * on newlines first); the CSV importer documents this.
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
