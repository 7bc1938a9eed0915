import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

// A fresh database migrated from dist/ (built by the test run) must have exactly the checked-in schema of every
// service (tools/schema/<schema>.sql). When it does not, the output says what differs and how to update.
const root = resolve(import.meta.dirname, '..');

describe('schema snapshots', () => {
  it('match what the migrations produce on a fresh database', async () => {
    const run = promisify(execFile)(process.execPath, [`${root}/tools/schema-snapshot.mjs`], { cwd: root, env: process.env });
    const outcome = await run.then(
      () => '',
      (err: { stderr?: string; message: string }) => err.stderr || err.message,
    );
    if (outcome) throw new Error(outcome);
    expect(outcome).toBe('');
  }, 60_000);
});
