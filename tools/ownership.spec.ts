import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Team ownership: every project folder has an owner in .github/CODEOWNERS, every service a README saying what it
// owns, consumes and publishes, and how to run it alone.
const root = resolve(import.meta.dirname, '..');
const owners = readFileSync(join(root, '.github/CODEOWNERS'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('/'))
  .map((l) => l.split(/\s+/)[0]);
const dirs = (d: string) =>
  readdirSync(join(root, d), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `/${d}/${e.name}/`);

it('every app and contracts folder has its own CODEOWNERS line', () => {
  const folders = [...dirs('apps'), ...dirs('libs/contracts')];
  expect(folders.filter((f) => !owners.includes(f))).toEqual([]);
  expect(owners.filter((o) => !existsSync(join(root, o)))).toEqual([]);
});

it("every service's README says what it owns, answers, calls, publishes, consumes, and how to run it alone", () => {
  const missing = dirs('apps').flatMap((app) => {
    const file = join(root, app, 'README.md');
    if (!existsSync(file)) return [`${app}README.md`];
    const text = readFileSync(file, 'utf8');
    return ['| owns |', '| answers |', '| calls |', '| publishes |', '| consumes |', '## Running it alone', 'npx nx test']
      .filter((s) => !text.includes(s))
      .map((s) => `${app}: ${s}`);
  });
  expect(missing).toEqual([]);
});
