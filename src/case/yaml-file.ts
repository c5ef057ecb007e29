import { LineCounter, parseDocument, type Document } from 'yaml';
import type { FileLocation, ValidationProblem } from '../model/errors.js';

export type YamlPath = readonly (string | number)[];

/** A parsed YAML file that can say which line any path in it sits on. */
export interface YamlFile {
  file: string;
  data: unknown;
  locate(path: YamlPath): FileLocation;
}

/** Parses YAML text; syntax errors come back as problems with their line and column. */
export function parseYamlFile(text: string, file: string): { yaml?: YamlFile; problems: ValidationProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { location: { file, line: pos.line, column: pos.col }, message: firstLine(e.message) };
      }),
    };
  }
  return {
    yaml: { file, data: doc.toJS({ maxAliasCount: 100 }), locate: (path) => locateIn(doc, lineCounter, file, path) },
    problems: [],
  };
}

function locateIn(doc: Document, lc: LineCounter, file: string, path: YamlPath): FileLocation {
  // A missing key has no node of its own: fall back to the nearest ancestor that exists.
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) {
      const pos = lc.linePos(range[0]);
      const field = formatPath(path);
      return field ? { file, line: pos.line, field } : { file, line: pos.line };
    }
  }
  return { file, field: formatPath(path) };
}

/** `[3, 'sources', 0, 'publisher']` → `[3].sources[0].publisher` */
function formatPath(path: YamlPath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
