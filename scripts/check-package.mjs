#!/usr/bin/env node
// `npm run check:package`: lists what `npm publish` would ship (npm pack --dry-run, after a build)
// and fails when any of it is test, bench or evaluation code, which tsconfig.build.json leaves out
// of dist/ and package.json's "files" leaves out of the package. Run by .ci/run after the build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Paths in the package that are test code: tests, their helpers and fixtures, benches, the reader's evaluation. */
const TEST_CODE = [
  /\.(test|bench|spec)\.(js|ts|mjs|d\.ts)(\.map)?$/,
  /(^|\/)(test-support|fixtures|__tests__)\//,
  /^dist\/reader\/eval\//,
  /^dist\/reader\/(test-cli-entry|test-dictionary)\.js/,
  /^dist\/importers\/synthetic-events\.js/,
  /^(src|bench|test|scripts)\//,
];

if (!existsSync('dist/cli/parley.js')) {
  console.error('check-package: dist/ is not built; run npm run build first');
  process.exit(2);
}
const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
if (r.status !== 0) {
  console.error(`check-package: npm pack --dry-run failed:\n${r.stderr}`);
  process.exit(2);
}
const files = JSON.parse(r.stdout)[0].files.map((f) => f.path);
const shipped = files.filter((p) => TEST_CODE.some((re) => re.test(p)));
if (shipped.length) {
  console.error(`check-package: the package would ship ${shipped.length} test file(s):\n  ${shipped.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-package: ${files.length} files in the package, none of them test code`);
