// Compiles apps/ and libs/ to dist/ with SWC (decorators, path aliases rewritten to relative ESM imports).
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function build() {
  rmSync(`${root}/dist`, { recursive: true, force: true });
  execFileSync(`${root}/node_modules/.bin/swc`, ['apps', 'libs', '-d', 'dist', '--quiet', '--ignore', '**/*.spec.ts,**/test/**'], {
    cwd: root,
    stdio: 'inherit',
  });
  // Data files the compiled code reads beside itself.
  cpSync(`${root}/apps/billing-alerts/src/pricing/prices.csv`, `${root}/dist/apps/billing-alerts/src/pricing/prices.csv`);
  cpSync(`${root}/apps/verify/src/messages/translations.json`, `${root}/dist/apps/verify/src/messages/translations.json`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) build();
