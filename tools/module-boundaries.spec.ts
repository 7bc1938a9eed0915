import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The boundaries the Nx tags describe, enforced on every import: apps import contracts and shared libs, never
// another app; contracts import nothing framework-specific; the gateway holds no ORM or queue library.
const root = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);

const files = [...sources(join(root, 'apps')), ...sources(join(root, 'libs'))].filter(
  (f) => !/\.(spec|integration-spec|e2e-spec)\.ts$/.test(f) && !f.includes('/test/'),
);
const owner = (file: string) =>
  relative(root, file)
    .split('/')
    .slice(0, relative(root, file).startsWith('libs/contracts') ? 3 : 2)
    .join('/');

describe('module boundaries', () => {
  it('no app imports another app, and no lib imports an app', () => {
    const crossings = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative(root, resolve(dirname(file), spec)))
        .filter((target) => target.startsWith('apps/') && !target.startsWith(`${owner(file)}/`))
        .map((target) => `${relative(root, file)} → ${target}`),
    );
    expect(crossings).toEqual([]);
  });

  it('contracts import only zod and other contracts', () => {
    const bad = files
      .filter((f) => relative(root, f).startsWith('libs/contracts/'))
      .flatMap((file) =>
        importsOf(file)
          .filter((s) => !s.startsWith('.') && s !== 'zod' && !s.startsWith('@signet/contracts/'))
          .map((s) => `${relative(root, file)}: ${s}`),
      );
    expect(bad).toEqual([]);
  });

  it('the gateway imports no ORM, database driver or queue library', () => {
    const bad = files
      .filter((f) => relative(root, f).startsWith('apps/gateway/'))
      .flatMap((file) =>
        importsOf(file)
          .filter((s) => /^(typeorm|pg|bullmq|@signet\/(database|queue|outbox))$/.test(s))
          .map((s) => `${relative(root, file)}: ${s}`),
      );
    expect(bad).toEqual([]);
  });

  it('the gateway reaches queues only for the operators’ dashboard, from one file', () => {
    const users = files
      .filter((f) => relative(root, f).startsWith('apps/gateway/') && importsOf(f).includes('@signet/queue-board'))
      .map((f) => relative(root, f));
    expect(users).toEqual(['apps/gateway/src/admin/queue-board.ts']);
  });
});
