// Installs the npm dependencies when they are missing or older than the lock file. Node built-ins only:
// this runs before anything is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function ensureDependencies() {
  const marker = `${root}/node_modules/.package-lock.json`;
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(`${root}/package-lock.json`).mtimeMs) return;
  console.log('installing dependencies…');
  // `npm ci` installs exactly the lock and never writes it (a run must leave the tree as it found it). The lock
  // lists every platform's optional native binaries (SWC, Nx, msgpackr); after adding a dependency with
  // `npm install`, commit the lock it writes.
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
}
