#!/usr/bin/env node
import { guardOutput } from './guard-output.js';
import { main } from './main.js';

guardOutput(process.stdout, process.stderr);
process.exitCode = await main(process.argv);
