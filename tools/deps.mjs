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
  // `npm install` honours the lock file's versions; npm 11's `npm ci` refuses a lock that lists only this
  // platform's optional native binaries (SWC, Nx), which is what npm 11 itself writes.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
}
