// ../shared/bench-baseline (a bare Fastify server, one SQL statement and one BullMQ job per session), run from a
// scratch copy (its folder is read-only and none of its code belongs in the project) on port 18080.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { root } from './bench-env.mjs';

/** Starts the baseline's server and worker, runs `measure(url, authId, token)` against it, stops them. */
export async function runBaseline(measure) {
  const { ensureDatabase } = await import('../tools/database.mjs');
  // ../shared from a clone, ../../shared from a worktree under /work/wt.
  const source = process.env.SIGNET_BASELINE_DIR ?? [`${root}/../shared/bench-baseline`, `${root}/../../shared/bench-baseline`].find((d) => existsSync(d));
  if (!source) throw new Error('bench-baseline not found: set SIGNET_BASELINE_DIR');
  const dir = `${os.tmpdir()}/signet-bench-baseline`;
  if (!existsSync(`${dir}/node_modules`)) {
    mkdirSync(dir, { recursive: true });
    cpSync(source, dir, { recursive: true });
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  }
  await ensureDatabase('postgres://postgres@127.0.0.1:5432/baseline', { recreate: true });
  const server = spawn(process.execPath, ['server.mjs'], { cwd: dir, stdio: 'ignore' });
  const worker = spawn(process.execPath, ['server.mjs', 'worker'], { cwd: dir, stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 2500));
    await measure('http://127.0.0.1:18080', 'MABASELINE0000000001', 'BaselineToken0123456789abcdefghijklmnopq');
  } finally {
    server.kill();
    worker.kill();
  }
}
