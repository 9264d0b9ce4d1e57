// The tests run better-sqlite3 built for Node. `npm start` / `npm run dist` rebuild it for
// Electron's ABI; this puts the Node build back when that happened (DESIGN §10).
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (error) {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(String(error))) throw error;
  console.log('better-sqlite3 is built for Electron; rebuilding it for Node for the tests…');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
}
