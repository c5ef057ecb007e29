import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layers of docs/architecture.md, lowest first. A folder may import its own files and those
 * of lower layers; folders on one line are peers and do not import each other. `util` is below
 * everything and imports nothing of Parley's. The command line is the top: `parley serve` starts
 * the server, and the server never reaches into the command line.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['util'],
  ['model'],
  ['cameo'],
  ['store'],
  ['analysis'],
  ['reader', 'importers'],
  ['case'],
  ['charts'],
  ['brief'],
  ['app'],
  ['server'],
  ['cli'],
];

const SRC = dirname(fileURLToPath(import.meta.url));

/**
 * Tests, benchmarks, the reader's evaluation and the generators they use: left out of the build
 * (tsconfig.build.json), so shipped code must not import them, and they may reach up for fixtures.
 */
const TEST_FILES = [
  join('reader', 'test-cli-entry.ts'),
  join('reader', 'test-dictionary.ts'),
  join('importers', 'synthetic-events.ts'),
];

function isTestCode(path: string): boolean {
  return (
    /\.(test|bench|faults)\.ts$/.test(path) ||
    path.split(sep).includes('test-support') ||
    path.startsWith(join('reader', 'eval') + sep) ||
    TEST_FILES.includes(path)
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'fixtures' ? [] : sourceFiles(path);
    return d.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file names: `import … from`, `export … from`, `import '…'` and `import('…')`. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(pattern)) found.push(m[1]!);
  return found;
}

function rankOf(folder: string): number {
  return LAYERS.findIndex((peers) => peers.includes(folder));
}

/** Whether files of one top folder may import those of another. */
function mayImport(from: string, to: string): boolean {
  const [a, b] = [rankOf(from), rankOf(to)];
  return from === to || (a >= 0 && b >= 0 && b < a);
}

/** The top folder of a path under src/ (`store` for `store/migrations/001-core.ts`). */
function folderOf(pathUnderSrc: string): string {
  return pathUnderSrc.split(sep)[0]!;
}

function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const path = relative(SRC, file);
    if (isTestCode(path) || !path.includes(sep)) continue;
    const from = folderOf(path);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = relative(SRC, resolve(dirname(file), spec)).replace(/\.js$/, '.ts');
      if (isTestCode(target)) found.push(`${path} imports ${spec}, which is test code and does not ship`);
      const to = folderOf(target);
      if (to === from) continue;
      if (rankOf(from) < 0) found.push(`${path}: folder ${from} is not in the layers of docs/architecture.md`);
      else if (!mayImport(from, to)) found.push(`${path} imports ${spec} (${from} may not import ${to})`);
    }
  }
  return found;
}

describe('the layers of src/', () => {
  it('never has a lower layer import a higher one, nor peers each other', () => {
    expect(violations()).toEqual([]);
  });

  it('leaves out of the build exactly the test code the rule exempts', () => {
    const build = JSON.parse(readFileSync(join(SRC, '..', 'tsconfig.build.json'), 'utf8')) as { exclude: string[] };
    for (const file of TEST_FILES) expect(build.exclude).toContain(`src/${file.split(sep).join('/')}`);
    expect(build.exclude).toEqual(
      expect.arrayContaining([
        'src/**/*.test.ts',
        'src/**/*.faults.ts',
        'src/**/test-support/**',
        'src/reader/eval/**',
      ]),
    );
  });

  it('has the layers docs/architecture.md draws, in its order', () => {
    const page = readFileSync(join(SRC, '..', 'docs', 'architecture.md'), 'utf8');
    const drawn = /## Layers\n\n```\n([^`]*)```/.exec(page)?.[1]?.trim().split('\n');
    expect(drawn?.[0]).toMatch(/^util\s/);
    const chain = drawn![1]!.split('→').map((peers) => peers.split(',').map((f) => f.trim()));
    expect([['util'], ...chain]).toEqual(LAYERS);
  });

  it('lets the dashboard (web/) import only the charts and the model from src/', () => {
    const web = join(SRC, '..', 'web', 'src');
    const found: string[] = [];
    for (const file of readdirSync(web, { recursive: true, withFileTypes: true })) {
      if (!file.isFile() || !/\.tsx?$/.test(file.name)) continue;
      const path = join(file.parentPath, file.name);
      for (const spec of importsOf(readFileSync(path, 'utf8'))) {
        const target = relative(SRC, resolve(dirname(path), spec));
        if (target.startsWith('..') || !spec.startsWith('.')) continue;
        if (!['charts', 'model'].includes(folderOf(target))) found.push(`${relative(web, path)} imports ${spec}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('reads the rule as the page says', () => {
    expect(mayImport('cli', 'app')).toBe(true);
    expect(mayImport('server', 'app')).toBe(true);
    expect(mayImport('app', 'server')).toBe(false);
    expect(mayImport('server', 'cli')).toBe(false);
    expect(mayImport('reader', 'importers')).toBe(false);
    expect(mayImport('store', 'analysis')).toBe(false);
    expect(mayImport('case', 'reader')).toBe(true);
    expect(mayImport('model', 'util')).toBe(true);
    expect(mayImport('util', 'model')).toBe(false);
    expect(mayImport('web', 'model')).toBe(false);
  });

  it('finds every form of import', () => {
    const text = [
      "import { a } from '../store/store.js';",
      "import type { B } from '../model/b.js';",
      "export { c } from './c.js';",
      "import './side-effect.js';",
      "const d = await import('../cli/main.js');",
      'import {\n  e,\n} from "../brief/e.js";',
    ].join('\n');
    expect(importsOf(text)).toEqual([
      '../store/store.js',
      '../model/b.js',
      './c.js',
      './side-effect.js',
      '../cli/main.js',
      '../brief/e.js',
    ]);
  });
});
