import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { apiClient, type TestAccount } from '@signet/testing';
import type { Receiver } from './receiver.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** One service process from dist/ (e.g. a fresh callback worker after the old one was killed). */
export function spawnService(file: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [`${root}/dist/${file}`], {
    env,
    stdio: ['ignore', process.env.E2E_LOGS ? 'inherit' : 'ignore', process.env.E2E_LOGS ? 'inherit' : 'ignore'],
  });
  return child;
}

export const stopProcess = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => {
        const kill = setTimeout(() => child.kill('SIGKILL'), 8000);
        child.once('exit', () => (clearTimeout(kill), resolve()));
        child.kill(signal);
      });

/** Creates `count` sessions with `url` as their status callback, `concurrency` at a time; their uuids. */
export async function burst(
  baseUrl: string,
  account: TestAccount,
  count: number,
  url: string,
  recipient: (i: number) => string,
  concurrency = 25,
): Promise<string[]> {
  const api = apiClient(baseUrl, account.authId, account.token);
  const sessions: string[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      for (let tries = 0; ; tries++) {
        const res = await api('POST', `/v1/Account/${account.authId}/Verify/Session/`, { recipient: recipient(i), url });
        if (res.status === 202) {
          sessions.push(res.body.session_uuid as string);
          break;
        }
        if (tries > 20) throw new Error(`session create answered ${res.status}: ${JSON.stringify(res.body)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return sessions;
}

/** Each session's attempt goes queued → sent → delivered: three callbacks per session. */
export const EXPECTED_STATUSES = ['delivered', 'queued', 'sent'];

/**
 * Whether every session got one callback per expected status, and each (session, status) pair came with one
 * event id only (a duplicate after a crash must carry the same X-Signet-Event-Id).
 */
export function completeness(receiver: Receiver, sessions: string[]): { missing: number; conflicting: number; duplicates: number } {
  const byKey = new Map<string, Set<string>>();
  let total = 0;
  const wanted = new Set(sessions);
  for (const r of receiver.received) {
    if (!wanted.has(r.fields.SessionUUID)) continue;
    total++;
    const key = `${r.fields.SessionUUID}:${r.fields.ChannelStatus}`;
    const ids = byKey.get(key) ?? new Set<string>();
    ids.add(String(r.headers['x-signet-event-id']));
    byKey.set(key, ids);
  }
  let missing = 0;
  for (const s of sessions) for (const st of EXPECTED_STATUSES) if (!byKey.has(`${s}:${st}`)) missing++;
  const conflicting = [...byKey.values()].filter((ids) => ids.size > 1).length;
  return { missing, conflicting, duplicates: total - byKey.size };
}
