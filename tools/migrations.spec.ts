import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// Landed migrations are frozen: each holds its own SQL, so editing a library can never change what a fresh install
// gets compared with an upgraded one. A migration may import TypeORM's types and nothing else.
const root = resolve(import.meta.dirname, '..');
const migrationFiles = readdirSync(join(root, 'apps')).flatMap((app) => {
  const dir = join(root, 'apps', app, 'src/database/migrations');
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
});

describe('migrations', () => {
  it('exist', () => {
    expect(migrationFiles.length).toBeGreaterThan(0);
  });

  it('import nothing but TypeORM types (paste the SQL a library function produces into the migration)', () => {
    const imports = migrationFiles.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)]
        .filter(([, typeOnly, spec]) => !(typeOnly && spec === 'typeorm'))
        .map(([line]) => `${relative(root, file)}: ${line.trim()}`),
    );
    expect(imports).toEqual([]);
  });

  it('are named <timestamp>-<what>.ts with a class named after the timestamp', () => {
    const bad = migrationFiles.filter((file) => {
      const stamp = /\/(\d{13})-[a-z0-9-]+\.ts$/.exec(file)?.[1];
      return !stamp || !new RegExp(`name = '[A-Za-z]+${stamp}'`).test(readFileSync(file, 'utf8'));
    });
    expect(bad.map((f) => relative(root, f))).toEqual([]);
  });
});
