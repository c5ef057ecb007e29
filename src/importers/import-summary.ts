import type { FileResult } from './import-file.js';

function n(x: number): string {
  return x.toLocaleString('en-US');
}

function rate(rows: number, seconds: number): string {
  return seconds > 0 ? `${n(Math.round(rows / seconds))} rows/s` : '';
}

/** An import that kept no row records no source: says why, and where the rejected rows are. */
function describeNothingKept(r: FileResult): string {
  const p = r.progress;
  const filtered = p.rowsRead - p.rowsRejected;
  let text = `${r.name} (${r.format}): read ${n(p.rowsRead)} rows and kept none`;
  if (p.rowsRejected === p.rowsRead)
    text += `: every row was rejected${r.format ? ` as ${r.format}` : ''} (is --format right?)`;
  else text += `: ${n(p.rowsRejected)} rejected, ${n(filtered)} left out by the filters`;
  text += '; no source recorded.';
  if (p.rowsRejected > 0 && r.rejectsPath)
    text += ` Rejected rows are listed with line and reason in ${r.rejectsPath}.`;
  else if (r.rejectSamples.length > 0)
    text += ` First rejects: ${r.rejectSamples.map((s) => `line ${s.line}: ${s.reason}`).join('; ')}.`;
  return text;
}

/** One paragraph per file, in plain words, for the end of `parley import`. */
export function describeResult(r: FileResult): string {
  const p = r.progress;
  if (r.outcome === 'empty') return `${r.name}: empty; nothing to import.`;
  if (r.outcome === 'already') {
    return `${r.name}: already imported as source ${r.fileId} (${n(p.rowsKept)} rows kept then); nothing added.`;
  }
  if (r.outcome === 'nothing-kept') return describeNothingKept(r);
  const filtered = p.rowsRead - p.rowsKept - p.rowsRejected;
  const parts: string[] = [];
  const verb =
    r.outcome === 'dry-run' ? 'would import' : r.outcome === 'resumed' ? 'resumed and finished importing' : 'imported';
  parts.push(`${r.name} (${r.format}): ${verb === 'would import' ? 'read' : verb} ${n(p.rowsRead)} rows`);
  const bits: string[] = [`${n(p.rowsKept)} ${r.outcome === 'dry-run' ? 'would be kept' : 'kept'}`];
  if (r.outcome !== 'dry-run') {
    const dup = p.rowsKept - p.rowsNew;
    bits.push(dup > 0 ? `${n(p.rowsNew)} of them new and ${n(dup)} already stored` : `all new`);
  }
  if (filtered > 0) bits.push(`${n(filtered)} left out by the filters`);
  bits.push(`${n(p.rowsRejected)} rejected`);
  let text = `${parts[0]}: ${bits.join(', ')}`;
  if (p.firstDate) text += `; events from ${p.firstDate} to ${p.lastDate}`;
  text += '.';
  if (r.fileId !== null && r.outcome !== 'dry-run') text += ` Source ${r.fileId} in case ${r.caseId}.`;
  if (p.rowsRejected > 0) {
    if (r.rejectsPath && r.outcome !== 'dry-run')
      text += ` Rejected rows are listed with line and reason in ${r.rejectsPath}.`;
    else if (r.rejectSamples.length > 0)
      text += ` First rejects: ${r.rejectSamples.map((s) => `line ${s.line}: ${s.reason}`).join('; ')}.`;
  }
  if (r.encoding.encoding === 'latin1')
    text += ` The file is not valid UTF-8 from byte ${n(r.encoding.latin1From ?? 0)} on; read as latin-1 from there.`;
  if (r.sameAs !== null) text += ` Source ${r.sameAs} has the same content.`;
  if (p.rowsRead >= 10_000) text += ` ${r.seconds.toFixed(1)} s, ${rate(p.rowsRead, r.seconds)}.`;
  return text;
}
