// Compiles apps/ and libs/ to dist/ with SWC (decorators, path aliases rewritten to relative ESM imports).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function build() {
  rmSync(`${root}/dist`, { recursive: true, force: true });
  execFileSync(`${root}/node_modules/.bin/swc`, ['apps', 'libs', '-d', 'dist', '--quiet', '--ignore', '**/*.spec.ts,**/test/**'], { cwd: root, stdio: 'inherit' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) build();
