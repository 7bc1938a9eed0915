import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';

// Every overlay in deploy/ renders with the kustomize inside kubectl, and every object it renders is a valid
// Kubernetes object: checked by kubernetes-models' schema validators (types, patterns, required fields) and by the
// TypeScript compiler against the same models' types, whose excess-property check refuses unknown fields — the
// typo `imagePullPolicyy` that the API server would silently drop.
const root = resolve(import.meta.dirname, '..');
const overlays = readdirSync(resolve(root, 'deploy/overlays'));

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string };
}

const render = (overlay: string): K8sObject[] =>
  parseAllDocuments(execFileSync('kubectl', ['kustomize', resolve(root, 'deploy/overlays', overlay)], { encoding: 'utf8' })).map(
    (doc) => doc.toJS() as K8sObject,
  );

/** `apps/v1` + `Deployment` → `kubernetes-models/apps/v1/Deployment`; the core group has no group segment. */
const modelPath = ({ apiVersion, kind }: K8sObject): string => `kubernetes-models/${apiVersion}/${kind}`;

/** Type-checks each object as a fresh object literal of its model's interface; returns tsc's messages. */
function unknownFields(objects: K8sObject[]): string[] {
  const file = resolve(root, 'deploy/.rendered-check.ts');
  const source = objects
    .map((o, i) => `import type { I${o.kind} as T${i} } from '${modelPath(o)}';\nexport const o${i}: T${i} = ${JSON.stringify(o)};`)
    .join('\n');
  const host = ts.createCompilerHost({});
  const { readFile, fileExists } = host;
  host.readFile = (f) => (f === file ? source : readFile(f));
  host.fileExists = (f) => f === file || fileExists(f);
  const options = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
    const at = objects[Math.floor(line / 2)];
    return `${at ? `${at.kind}/${at.metadata?.name}` : '?'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

async function schemaErrors(objects: K8sObject[]): Promise<string[]> {
  const errors: string[] = [];
  for (const o of objects) {
    const Model = (await import(modelPath(o)))[o.kind] as new (data: unknown) => { validate(): void };
    try {
      new Model(o).validate();
    } catch (err) {
      errors.push(`${o.kind}/${o.metadata?.name}: ${(err as Error).message}`);
    }
  }
  return errors;
}

describe.each(overlays)('deploy/overlays/%s', (overlay) => {
  const objects = render(overlay);

  it('renders every workload with its ServiceAccount, PodDisruptionBudget and spread', () => {
    const deployments = objects.filter((o) => o.kind === 'Deployment') as Array<K8sObject & { spec: { template: { spec: Record<string, unknown> } } }>;
    expect(deployments.length).toBeGreaterThanOrEqual(7);
    const named = (kind: string) => new Set(objects.filter((o) => o.kind === kind).map((o) => o.metadata?.name));
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      expect(named('ServiceAccount').has(pod.serviceAccountName as string)).toBe(true);
      expect(named('PodDisruptionBudget').has(d.metadata?.name)).toBe(true);
      expect(pod.topologySpreadConstraints).toBeDefined();
      for (const c of pod.containers as Array<{ resources?: unknown }>) expect(c.resources).toBeDefined();
    }
  });

  it('gives each workload only its own Secret', () => {
    const secretsOf = objects
      .filter((o) => o.kind === 'Deployment' || o.kind === 'Job')
      .map((o) => JSON.stringify(o).match(/"secretRef":\{"name":"([^"]+)"\}/g) ?? []);
    for (const refs of secretsOf) expect(refs).toHaveLength(1);
    expect(JSON.stringify(objects)).not.toContain('"signet-secrets"');
  });

  it('passes the Kubernetes schemas with unknown fields refused', async () => {
    expect(await schemaErrors(objects)).toEqual([]);
    expect(unknownFields(objects)).toEqual([]);
  });
});

it('has an example Secret for every Secret a workload reads', async () => {
  const examples = parseAllDocuments(readFileSync(resolve(root, 'deploy/secrets.example.yaml'), 'utf8')).map((d) => d.toJS() as K8sObject);
  expect(await schemaErrors(examples)).toEqual([]);
  const names = new Set(examples.map((o) => o.metadata?.name));
  const wanted = JSON.stringify(render('production'))
    .match(/"secretRef":\{"name":"[^"]+"\}/g)!
    .map((ref) => ref.split('"')[5]);
  expect(wanted.filter((name) => !names.has(name))).toEqual([]);
});

it('refuses an unknown field (the check itself works)', () => {
  const [deployment] = render('production').filter((o) => o.kind === 'Deployment');
  const typo = JSON.parse(JSON.stringify(deployment).replace('"image":', '"imagePullPolicyy":"Always","image":'));
  expect(unknownFields([typo]).join()).toContain('imagePullPolicyy');
});
