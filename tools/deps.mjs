// Installs the npm dependencies when they are missing or older than the lock file. Node built-ins only:
// this runs before anything is installed.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const NPM_CI = ['ci', '--no-audit', '--no-fund', '--loglevel=error'];

const installed = () => {
  const marker = `${root}/node_modules/.package-lock.json`;
  return existsSync(marker) && statSync(marker).mtimeMs >= statSync(`${root}/package-lock.json`).mtimeMs;
};

/** The same, without blocking: `npm test` installs packages while Postgres/Redis/NATS/Kamailio are being set up. */
export function ensureDependenciesAsync() {
  if (installed()) return Promise.resolve();
  console.log('installing dependencies…');
  return new Promise((resolve, reject) => {
    const child = spawn('npm', NPM_CI, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(Object.assign(new Error(`npm ci exited ${code}`), { status: code ?? 1 }))));
  });
}

export function ensureDependencies() {
  if (installed()) return;
  console.log('installing dependencies…');
  // `npm ci` installs exactly the lock and never writes it (a run must leave the tree as it found it). The lock
  // lists every platform's optional native binaries (SWC, Nx, msgpackr); after adding a dependency with
  // `npm install`, commit the lock it writes.
  execFileSync('npm', NPM_CI, { cwd: root, stdio: 'inherit' });
}
