#!/usr/bin/env node
// The `contentgate` command: runs the TypeScript CLI through tsx (a runtime dependency).
require('tsx/cjs');
require('./main.ts').runFromProcess();
