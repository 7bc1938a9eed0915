import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { CRD_SCHEMAS } from './deploy-crds.js';

// Every overlay in deploy/ renders with the kustomize inside kubectl, and every object it renders is a valid
// Kubernetes object: checked by kubernetes-models' schema validators (types, patterns, required fields) and by the
// TypeScript compiler against the same models' types, whose excess-property check refuses unknown fields — the
// typo `imagePullPolicyy` that the API server would silently drop. The custom resources (monitoring, KEDA) are
// checked against strict zod schemas of their CRDs instead (tools/deploy-crds.ts).
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
const crdSchema = (o: K8sObject) => CRD_SCHEMAS[`${o.apiVersion}/${o.kind}`];
const builtIn = (objects: K8sObject[]) => objects.filter((o) => !crdSchema(o));

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
    const crd = crdSchema(o);
    if (crd) {
      const parsed = crd.safeParse(o);
      if (!parsed.success) errors.push(`${o.kind}/${o.metadata?.name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      continue;
    }
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
    expect(unknownFields(builtIn(objects))).toEqual([]);
  });

  it('probes every container on a port it declares: liveness and readiness', () => {
    for (const d of objects.filter((o) => o.kind === 'Deployment') as Array<K8sObject & { spec: { template: { spec: { containers: Container[] } } } }>) {
      for (const c of d.spec.template.spec.containers) {
        const ports = new Set((c.ports ?? []).map((p) => p.name));
        expect({ name: d.metadata?.name, health: ports.has('health') }).toEqual({ name: d.metadata?.name, health: true });
        for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) expect(ports.has(probe?.httpGet?.port ?? '')).toBe(true);
      }
    }
  });
});

interface Container {
  ports?: { name?: string }[];
  readinessProbe?: { httpGet?: { port?: string } };
  livenessProbe?: { httpGet?: { port?: string } };
  startupProbe?: { httpGet?: { port?: string } };
}

describe('monitoring and autoscaling (production)', () => {
  const objects = render('production');
  const of = (kind: string) => objects.filter((o) => o.kind === kind) as Array<K8sObject & { spec: Record<string, unknown> }>;

  it('scales the queue workers with KEDA on their backlog, and only the gateway on CPU', () => {
    const deployments = new Set(of('Deployment').map((d) => d.metadata?.name));
    const scaled = of('ScaledObject').map((o) => (o.spec.scaleTargetRef as { name: string }).name);
    expect(scaled.sort()).toEqual(['callback-dispatcher-worker', 'identity-worker', 'verify-worker']);
    for (const target of scaled) expect(deployments.has(target)).toBe(true);
    expect(of('HorizontalPodAutoscaler').map((h) => h.metadata?.name)).toEqual(['gateway']);
    const queries = JSON.stringify(of('ScaledObject'));
    expect(queries).toContain('signet_queue_oldest_waiting_seconds{queue=\\"verify.otp-delivery\\"}');
  });

  it('names in alerts, triggers and the dashboard only metrics the code exports', () => {
    const dashboard = readFileSync(resolve(root, 'deploy/components/monitoring/signet-dashboard.json'), 'utf8');
    const used = new Set(`${JSON.stringify(objects)}${dashboard}`.match(/\bsignet_[a-z_]+/g));
    const code = ['apps', 'libs']
      .flatMap((d) => tsSources(resolve(root, d)))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const exported = new Set([...code.matchAll(/'(signet_[a-z_]+)'/g)].map((m) => m[1]));
    const known = (metric: string) =>
      exported.has(metric) || exported.has(metric.replace(/_(bucket|count|sum)$/, '')) || /^signet_(process|nodejs)_/.test(metric);
    const unknown = [...used].filter((m) => !known(m));
    expect(unknown).toEqual([]);
    expect(used.size).toBeGreaterThan(15);
  });

  it('refuses an unknown field in a custom resource (the check itself works)', async () => {
    const [scaled] = of('ScaledObject');
    const typo = { ...scaled, spec: { ...scaled.spec, minReplicas: 2 } };
    expect((await schemaErrors([typo])).join()).toContain('minReplicas');
  });
});

function tsSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'node_modules'
        ? []
        : tsSources(resolve(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.includes('spec')
        ? [resolve(dir, e.name)]
        : [],
  );
}

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
