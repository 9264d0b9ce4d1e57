#!/usr/bin/env node
// The `pizhu` command: runs the built CLI (npm run build writes out/main/cli.js).
const fs = require('node:fs');
const path = require('node:path');
const built = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(built)) {
  process.stderr.write('pizhu: the command line is not built yet; run `npm run build` first.\n');
  process.exit(1);
}
require(built).runFromProcess();
