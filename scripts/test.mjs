#!/usr/bin/env node
// `npm test`: the unit suite (vitest, with any arguments given), then the browser tests
// (Playwright in Debian's Chromium) when Chromium is installed. Without it they are skipped,
// and the last line says so and how to install it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;

const unit = run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
let browser = 0;
let skipped = '';
if (existsSync(chromium)) browser = run('npx', ['playwright', 'test']);
else skipped = `Browser tests skipped: no Chromium at ${chromium} (install it with: apt-get install chromium).`;
if (skipped) console.log(skipped);
process.exit(unit || browser);
