import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Events, Rpc } from '@signet/contracts/catalog';
import { NATS_USERS } from '../libs/nats/src/permissions.js';
import { z } from 'zod';

// Contract tests between services. Consumers are typed by the producer's zod schemas (libs/contracts) and parse
// with them at runtime; what is left to guard is the producer changing a shape under consumers that run an older
// build. tools/contracts.snapshot.json holds the JSON Schema of every event and of every subject one service calls
// on another (from the NATS permissions table: what each service's code calls). Against it, a change may only add
// optional fields; anything else (a field removed, retyped or made required) needs a new subject (`….v2` for events).
// After an additive change: SIGNET_WRITE_CONTRACTS=1 node tools/test.mjs --unit tools/contracts.spec, then
// `npm run format` (it refuses to record a breaking one).
const file = resolve(import.meta.dirname, 'contracts.snapshot.json');
type Schema = { type?: string | string[]; properties?: Record<string, unknown>; required?: string[]; [k: string]: unknown };
const toSchema = (s: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Schema;

const crossService = [...new Set(Object.entries(NATS_USERS).flatMap(([name, u]) => (name === 'gateway' ? [] : u.requests)))].filter((s) => s in Rpc).sort();

function current(): Record<string, Schema> {
  const entries: [string, Schema][] = Object.entries(Events).map(([subject, schema]) => [subject, toSchema(schema, 'output')]);
  for (const subject of crossService) {
    const { request, response } = Rpc[subject as keyof typeof Rpc];
    entries.push([`${subject} request`, toSchema(request, 'input')], [`${subject} response`, toSchema(response, 'output')]);
  }
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * What breaks the other side built against `before`: fields gone or changed, the type changed, and — for what a
 * consumer sends (`input`) — fields newly required. A reply or event (`output`) may make a field required: readers
 * built before it never look at it. Arrays are compared by their items.
 */
export function breaking(before: Schema, after: Schema, io: 'input' | 'output', at = ''): string[] {
  // What a consumer sends may be taken in more forms than before (a union with a branch of the old type, compared as
  // that branch); a reply may not widen.
  const branch = io === 'input' && !before.anyOf && (after.anyOf as Schema[] | undefined)?.find((b) => JSON.stringify(b.type) === JSON.stringify(before.type));
  if (branch) return before.type === 'object' ? breaking(before, branch, io, at) : [];
  if (JSON.stringify(before.type) !== JSON.stringify(after.type)) return [`${at || 'root'}: type ${before.type} → ${after.type}`];
  if (before.type === 'array' && before.items && after.items) return breaking(before.items as Schema, after.items as Schema, io, `${at}[]`);
  if (before.type !== 'object' || !before.properties) return JSON.stringify(before) === JSON.stringify(after) ? [] : [`${at || 'root'}: changed`];
  const problems: string[] = [];
  const path = (key: string) => (at ? `${at}.${key}` : key);
  for (const [key, schema] of Object.entries(before.properties)) {
    const next = after.properties?.[key];
    if (next === undefined) problems.push(`${path(key)}: removed`);
    else problems.push(...breaking(schema as Schema, next as Schema, io, path(key)));
  }
  if (io === 'input') for (const key of after.required ?? []) if (!(before.required ?? []).includes(key)) problems.push(`${path(key)}: newly required`);
  return problems;
}

const direction = (subject: string) => (subject.endsWith(' request') ? 'input' : 'output');

describe('contracts between services', () => {
  const now = current();
  const recorded: Record<string, Schema> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};

  it('no event or cross-service message changed its shape incompatibly (a new version is a new subject)', () => {
    const problems = Object.entries(recorded).flatMap(([subject, before]) =>
      now[subject]
        ? breaking(before, now[subject], direction(subject)).map((p) => `${subject}: ${p}`)
        : [`${subject}: gone (consumers may still send or expect it)`],
    );
    expect(problems).toEqual([]);
    if (process.env.SIGNET_WRITE_CONTRACTS === '1') writeFileSync(file, `${JSON.stringify(now, null, 2)}\n`);
  });

  it('the snapshot is up to date (SIGNET_WRITE_CONTRACTS=1 records additive changes)', () => {
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(now);
  });

  it('events are versioned and the snapshot holds every one of them and the calls between services', () => {
    expect(Object.keys(Events).filter((s) => !/\.v\d+$/.test(s))).toEqual([]);
    expect(crossService).toEqual(expect.arrayContaining(['verify.session.create', 'billing.charge.attempt', 'identity.signing_tokens.get']));
  });

  it('tells a breaking change from an additive one', () => {
    const before: Schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' } }, required: ['a'] };
    expect(breaking(before, { ...before, properties: { ...before.properties, c: { type: 'string' } } }, 'input')).toEqual([]);
    expect(breaking(before, { ...before, properties: { a: { type: 'string' } } }, 'output')).toEqual(['b: removed']);
    expect(breaking(before, { ...before, properties: { ...before.properties, b: { type: 'string' } } }, 'output')).toEqual(['b: type number → string']);
    expect(breaking(before, { ...before, required: ['a', 'b'] }, 'input')).toEqual(['b: newly required']);
    expect(breaking(before, { ...before, required: ['a', 'b'] }, 'output')).toEqual([]);
    const widened: Schema = { anyOf: [{ type: 'string' }, { type: 'boolean' }] };
    expect(breaking({ type: 'string' }, widened, 'input')).toEqual([]);
    expect(breaking({ type: 'string' }, widened, 'output')).toEqual(['root: type string → undefined']);
    const list = (items: Schema): Schema => ({ type: 'array', items });
    expect(breaking(list(before), list({ ...before, properties: { ...before.properties, c: { type: 'string' } } }), 'output')).toEqual([]);
    expect(breaking(list(before), list({ ...before, properties: { a: { type: 'string' } } }), 'output')).toEqual(['[].b: removed']);
  });
});
