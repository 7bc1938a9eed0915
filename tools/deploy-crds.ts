import { z } from 'zod';

// The custom resources deploy/ renders, which kubernetes-models has no types for: the fields we use of
// prometheus-operator's ServiceMonitor and PrometheusRule (monitoring.coreos.com/v1) and KEDA's ScaledObject
// (keda.sh/v1alpha1), hand-checked against their CRDs' OpenAPI schemas. Strict objects: an unknown field (a typo the
// API server would drop, or a field the operator does not have) fails like a wrong type.
const name = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
const labels = z.record(z.string(), z.string());
const metadata = z.strictObject({ name, namespace: name.optional(), labels: labels.optional(), annotations: labels.optional() });
const duration = z.string().regex(/^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$/);

const relabeling = z.strictObject({
  sourceLabels: z.array(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/)).optional(),
  targetLabel: z.string().optional(),
  regex: z.string().optional(),
  replacement: z.string().optional(),
  action: z.enum(['replace', 'keep', 'drop', 'labelmap', 'labeldrop', 'labelkeep', 'hashmod']).optional(),
});

export const serviceMonitor = z.strictObject({
  apiVersion: z.literal('monitoring.coreos.com/v1'),
  kind: z.literal('ServiceMonitor'),
  metadata,
  spec: z.strictObject({
    selector: z.strictObject({ matchLabels: labels }),
    namespaceSelector: z.strictObject({ matchNames: z.array(name) }).optional(),
    endpoints: z
      .array(
        z.strictObject({
          port: z.string(),
          path: z.string().startsWith('/').optional(),
          interval: duration.optional(),
          scrapeTimeout: duration.optional(),
          relabelings: z.array(relabeling).optional(),
        }),
      )
      .min(1),
  }),
});

const rule = z.strictObject({
  alert: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  expr: z.string().min(1),
  for: duration.optional(),
  labels: labels.optional(),
  annotations: labels.optional(),
});

export const prometheusRule = z.strictObject({
  apiVersion: z.literal('monitoring.coreos.com/v1'),
  kind: z.literal('PrometheusRule'),
  metadata,
  spec: z.strictObject({ groups: z.array(z.strictObject({ name: z.string(), interval: duration.optional(), rules: z.array(rule).min(1) })).min(1) }),
});

const trigger = z.strictObject({
  type: z.literal('prometheus'),
  name: z.string().optional(),
  metadata: z.strictObject({ serverAddress: z.url(), query: z.string().min(1), threshold: z.string().regex(/^\d+(\.\d+)?$/) }),
});

export const scaledObject = z.strictObject({
  apiVersion: z.literal('keda.sh/v1alpha1'),
  kind: z.literal('ScaledObject'),
  metadata,
  spec: z.strictObject({
    scaleTargetRef: z.strictObject({ name, kind: z.string().optional(), apiVersion: z.string().optional() }),
    minReplicaCount: z.number().int().min(0).optional(),
    maxReplicaCount: z.number().int().min(1).optional(),
    pollingInterval: z.number().int().positive().optional(),
    cooldownPeriod: z.number().int().positive().optional(),
    triggers: z.array(trigger).min(1),
  }),
});

export const CRD_SCHEMAS: Record<string, z.ZodType> = {
  'monitoring.coreos.com/v1/ServiceMonitor': serviceMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': prometheusRule,
  'keda.sh/v1alpha1/ScaledObject': scaledObject,
};
