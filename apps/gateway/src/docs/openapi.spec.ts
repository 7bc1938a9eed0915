import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openApiDocument } from './openapi.js';
import { operationIdOf } from './openapi-kit.js';

const root = resolve(import.meta.dirname, '../../../..');
type Op = {
  operationId: string;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown; example?: unknown }> }>;
  requestBody?: unknown;
};
const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, Op>> };
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
    .map(([method, op]) => ({ at: `${method} ${path}`, op })),
);

// Both validators run as their own processes (they are ES modules; jest here loads CommonJS).
const dir = mkdtempSync(join(tmpdir(), 'signet-openapi-'));
const file = join(dir, 'openapi.json');
beforeAll(() => writeFileSync(file, JSON.stringify(doc)));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the OpenAPI document at /docs', () => {
  it('is valid OpenAPI 3.1 (swagger-parser)', () => {
    const check = "import P from '@apidevtools/swagger-parser'; await P.validate(process.argv[1]).catch((e) => { console.log(e.message); process.exit(1); });";
    const run = () => execFileSync(process.execPath, ['--input-type=module', '-e', check, file], { cwd: root, encoding: 'utf8' });
    expect(run).not.toThrow();
  });

  it('passes redocly lint (recommended rules; Plivo’s trailing slashes allowed), examples checked against their schemas', () => {
    try {
      const out = execFileSync(
        process.execPath,
        [resolve(root, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', '--config', resolve(root, 'redocly.yaml'), '--format', 'json', file],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const problems = (JSON.parse(out) as { problems: { ruleId: string; message: string; location: { pointer: string }[] }[] }).problems;
      expect(problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
    } catch (err) {
      const out = (err as { stdout?: string }).stdout;
      if (!out) throw err;
      const problems = (JSON.parse(out) as { problems: { ruleId: string; message: string; location: { pointer: string }[] }[] }).problems;
      expect(problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
    }
  });

  it('gives every operation an id, a described success body with an example, and the error envelope', () => {
    const bad = operations.flatMap(({ at, op }) => {
      const problems: string[] = [];
      if (!op.operationId) problems.push('no operationId');
      const success = Object.entries(op.responses).filter(([s]) => Number(s) < 300);
      if (success.length === 0) problems.push('no 2xx');
      for (const [status, r] of success)
        for (const m of Object.values(r.content ?? {})) if (m.example === undefined) problems.push(`${status} without example`);
      const errors = Object.entries(op.responses).filter(([s]) => Number(s) >= 400);
      if (!errors.every(([s, r]) => r.$ref === `#/components/responses/Error${s}`)) problems.push('an error without the envelope');
      if (!['400', '503'].every((s) => s in op.responses)) problems.push('no 400/503');
      if (op.requestBody && !['413', '415'].every((s) => s in op.responses)) problems.push('a body without 413/415');
      return problems.map((p) => `${at}: ${p}`);
    });
    expect(bad).toEqual([]);
  });

  it('derives operation ids from the method and path', () => {
    expect(operationIdOf('post', '/v1/Account/{auth_id}/Verify/Session/{session_uuid}/')).toBe('postVerifySessionBySessionUuid');
    expect(operationIdOf('get', '/console/v1/team/{user_id}')).toBe('getConsoleTeamByUserId');
    expect(operationIdOf('get', '/admin/v1/Account/{auth_id}/')).toBe('getAdminAccountByAuthId');
    expect(operationIdOf('get', '/v1/Account/{auth_id}/')).toBe('get');
  });
});
