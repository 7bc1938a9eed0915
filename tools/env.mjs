// The local environment `npm start` runs with: settings and secrets generated once into .signet/env.json
// (git-ignored) so tokens stay decryptable across restarts. Anything set in the real environment wins.
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const file = `${root}/.signet/env.json`;

const pick = (alphabet, n) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');

export function localEnv() {
  if (!existsSync(file)) {
    mkdirSync(`${root}/.signet`, { recursive: true });
    const generated = {
      SIGNET_SECRET_KEY: randomBytes(32).toString('hex'),
      SIGNET_ADMIN_TOKEN: randomBytes(24).toString('base64url'),
      SIGNET_BOOTSTRAP_AUTH_ID: `MA${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 18)}`,
      SIGNET_BOOTSTRAP_AUTH_TOKEN: pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 40),
    };
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  }
  const stored = JSON.parse(readFileSync(file, 'utf8'));
  return { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/signet', ...stored, ...process.env };
}
