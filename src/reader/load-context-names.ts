import type { ValidationProblem } from '../model/errors.js';
import { listCell, readDataTable, requiredCell, rowProblem } from '../model/read-data-table.js';

/**
 * `data/reader/context-names.tsv`: `phrase`, `codes`, `context`, `note`. Phrases that name parties
 * only in a region's news ("the South" in Korean news), or several parties at once ("both Koreas").
 */
export interface ContextName {
  /** The phrase's words, lower case. */
  words: string[];
  /** Which words must be capitalised in the text. */
  capital: boolean[];
  codes: string[];
  /** Country codes one of which must be named in the sentence or be the article's last country; empty for none. */
  context: string[];
}

const COUNTRY = /^[A-Z]{3}$/;

export function loadContextNames(file: string, problems: ValidationProblem[]): ContextName[] {
  const out: ContextName[] = [];
  for (const row of readDataTable(file, { columns: ['phrase', 'codes', 'context', 'note'] }, problems)) {
    const phrase = requiredCell(row, 'phrase', problems);
    const codes = listCell(requiredCell(row, 'codes', problems));
    const contextCell = requiredCell(row, 'context', problems);
    const context = contextCell === '-' ? [] : listCell(contextCell);
    for (const c of [...codes, ...context])
      if (!COUNTRY.test(c))
        problems.push(rowProblem(row, codes.includes(c) ? 'codes' : 'context', `"${c}" is not a country code`));
    const written = phrase.split(/\s+/).filter((w) => w !== '');
    if (written.length === 0 || codes.length === 0) continue;
    if (codes.length === 1 && context.length === 0)
      problems.push(rowProblem(row, 'context', 'a phrase naming one party needs a context'));
    out.push({
      words: written.map((w) => w.toLowerCase()),
      capital: written.map((w) => /^[A-Z]/.test(w)),
      codes,
      context,
    });
  }
  return out;
}
