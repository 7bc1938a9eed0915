// Runs every service's checked-in migrations (each in its own schema, under an advisory lock). Needs dist/.
import { fileURLToPath } from 'node:url';
import { services } from './services.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function migrateAll(log = console.log) {
  for (const s of services.filter((x) => x.migrate)) {
    const { migrate } = await import(`${root}/dist/${s.migrate}`);
    const applied = await migrate();
    log(`${s.name}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await migrateAll();
  process.exit(0);
}
