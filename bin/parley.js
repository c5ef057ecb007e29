#!/usr/bin/env node
import '../dist/cli/parley.js';
