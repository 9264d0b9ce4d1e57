#!/usr/bin/env node
// `npx pizhu-sync-server`: Pizhu's sync server alone, the same as `pizhu serve` (and `members add`),
// for a machine that serves a group and never opens a library. Runs the built CLI (out/main/cli.js).
const path = require('node:path');

const usage = `Usage:
  pizhu-sync-server --port P --data DIR [--host H] [--json]
                        run the sync server on DIR's database (created when new), on 127.0.0.1
                        unless --host; prints its address; SIGINT or SIGTERM stops it after
                        storing every document. Put TLS in front with a reverse proxy (README).
  pizhu-sync-server members add NAME [--read-only] --data DIR
                        add a member and print their token (shown once; only its hash is kept);
                        a read-only member receives changes and the server refuses theirs
`;

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
  (args.length === 0 ? process.stderr : process.stdout).write(usage);
  process.exit(args.length === 0 ? 2 : 0);
}

const built = path.join(__dirname, '..', 'out', 'main', 'cli.js');
let cli;
try {
  cli = require(built);
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(built)) {
    process.stderr.write('pizhu-sync-server: the command line is not built yet; run `npm run build` first.\n');
    process.exit(1);
  }
  throw error;
}
// The pizhu CLI reads its command from argv: `members …` as given, anything else is `serve`.
process.argv.splice(2, args.length, ...(args[0] === 'members' ? args : ['serve', ...args]));
cli.runFromProcess();
