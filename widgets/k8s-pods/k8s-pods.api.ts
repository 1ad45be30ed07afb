import * as z from 'zod/mini';
import {
  apiCall,
  apiText,
  conditionSchema,
  conditionStateSchema,
  dashboardLink,
  listSchema,
  objectNameSchema,
  optionalList as list,
  optionalNumber,
  optionalText,
  type CallContext,
} from '../kit/index.js';

/** `cpu: "100m"`, `memory: "70Mi"`; JSON from some producers carries plain numbers. */
const quantities = z.optional(z.nullable(z.record(z.string(), z.union([z.string(), z.number()]))));

const containerSchema = z.object({
  name: z.string(),
  resources: z.optional(z.nullable(z.object({ requests: quantities, limits: quantities }))),
});

const containerStateSchema = z.optional(
  z.nullable(
    z.object({
      waiting: z.optional(z.nullable(z.object({ reason: optionalText, message: optionalText }))),
      terminated: z.optional(z.nullable(z.object({ reason: optionalText, exitCode: optionalNumber }))),
    }),
  ),
);

const containerStatusSchema = z.object({
  name: z.string(),
  ready: z.optional(z.nullable(z.boolean())),
  restartCount: optionalNumber,
  state: containerStateSchema,
  lastState: containerStateSchema,
});

/** What the counts, the sort, the filters and the problems read of a pod's status. */
const podStatusShape = {
  phase: optionalText,
  reason: optionalText,
  message: optionalText,
  conditions: list(conditionStateSchema),
  containerStatuses: list(containerStatusSchema),
  initContainerStatuses: list(containerStatusSchema),
};

/**
 * What every pod of the list is validated for: what the counts, the sort, the filters and the
 * problems read. No labels, annotations, images, running states or condition times (uid and
 * resourceVersion are read unvalidated as the cache key, see PodCache); unknown keys are passed over.
 */
export const podSummarySchema = z.object({
  metadata: z.object({ name: z.string(), namespace: optionalText }),
  status: z.optional(z.nullable(z.object(podStatusShape))),
});

/** What a pod's row reads besides (containers, quantities, node, times): validated when the row is first shown. */
export const podSchema = z.object({
  metadata: objectNameSchema,
  spec: z.optional(z.nullable(z.object({ containers: list(containerSchema), nodeName: optionalText }))),
  status: z.optional(z.nullable(z.object({ ...podStatusShape, startTime: optionalText }))),
});

export const deploymentSchema = z.object({
  metadata: objectNameSchema,
  spec: z.optional(z.nullable(z.object({ replicas: optionalNumber }))),
  status: z.optional(
    z.nullable(
      z.object({
        replicas: optionalNumber,
        readyReplicas: optionalNumber,
        availableReplicas: optionalNumber,
        updatedReplicas: optionalNumber,
        unavailableReplicas: optionalNumber,
        conditions: list(conditionSchema),
      }),
    ),
  ),
});

export const eventSchema = z.object({
  metadata: z.optional(z.nullable(z.object({ name: optionalText, uid: optionalText, creationTimestamp: optionalText }))),
  type: optionalText,
  reason: optionalText,
  message: optionalText,
  count: optionalNumber,
  firstTimestamp: optionalText,
  lastTimestamp: optionalText,
  eventTime: optionalText,
  series: z.optional(z.nullable(z.object({ count: optionalNumber, lastObservedTime: optionalText }))),
  involvedObject: z.optional(z.nullable(z.object({ kind: optionalText, name: optionalText, namespace: optionalText }))),
});

export const podMetricsSchema = z.object({
  metadata: objectNameSchema,
  timestamp: optionalText,
  window: optionalText,
  containers: list(z.object({ name: z.string(), usage: quantities })),
});

export const deploymentListSchema = listSchema(deploymentSchema);
export const eventListSchema = listSchema(eventSchema);
export const podMetricsListSchema = listSchema(podMetricsSchema);

export type Pod = z.infer<typeof podSchema>;
export type PodSummarySource = z.infer<typeof podSummarySchema>;
export type Container = z.infer<typeof containerSchema>;
export type ContainerStatus = z.infer<typeof containerStatusSchema>;
export type Deployment = z.infer<typeof deploymentSchema>;
export type KubeEvent = z.infer<typeof eventSchema>;
export type PodMetrics = z.infer<typeof podMetricsSchema>;

export interface PodsQuery {
  instance?: string;
  /** Sent as `Backstage-Kubernetes-Cluster` so the Backstage Kubernetes proxy picks the cluster. */
  cluster?: string;
  namespace: string;
  labelSelector: string;
}

interface Call extends CallContext {
  query: PodsQuery;
}

/** The header the Backstage Kubernetes proxy (`/api/kubernetes/proxy`) reads the cluster from. */
export const CLUSTER_HEADER = 'Backstage-Kubernetes-Cluster';

function clusterHeaders(query: PodsQuery): Record<string, string> {
  return query.cluster ? { [CLUSTER_HEADER]: query.cluster } : {};
}

function namespaced(query: PodsQuery, prefix: readonly string[], plural: string): string[] {
  return [...prefix, 'namespaces', query.namespace, plural];
}

/** A PodList whose items are validated one by one afterwards (see PodCache): only changed pods cost. */
export const podListEnvelopeSchema = listSchema(z.unknown());

/**
 * A list in the pods' namespace, through the cluster's endpoint; `selected` sends the label
 * selector (events carry no labels: they are filtered by involved object afterwards).
 */
async function namespacedList<T>(call: Call, api: readonly string[], plural: string, schema: z.ZodMiniType<{ items: T[] | null }>, selected = true): Promise<T[]> {
  const answer = await apiCall(call, {
    system: 'kubernetes',
    instance: call.query.instance,
    path: namespaced(call.query, api, plural),
    query: selected ? { labelSelector: call.query.labelSelector } : undefined,
    headers: clusterHeaders(call.query),
    schema,
  });
  return answer.items ?? [];
}

/** `GET /api/v1/namespaces/{ns}/pods?labelSelector=`: the widget's core. Items still to validate (see podListEnvelopeSchema). */
export const listPods = (call: Call): Promise<unknown[]> => namespacedList(call, ['api', 'v1'], 'pods', podListEnvelopeSchema);

/** `GET /apis/apps/v1/namespaces/{ns}/deployments?labelSelector=`. */
export const listDeployments = (call: Call): Promise<Deployment[]> => namespacedList(call, ['apis', 'apps', 'v1'], 'deployments', deploymentListSchema);

/** `GET /api/v1/namespaces/{ns}/events`. */
export const listEvents = (call: Call): Promise<KubeEvent[]> => namespacedList(call, ['api', 'v1'], 'events', eventListSchema, false);

/** `GET /apis/metrics.k8s.io/v1beta1/namespaces/{ns}/pods?labelSelector=` (404/503 without metrics-server). */
export const listPodMetrics = (call: Call): Promise<PodMetrics[]> => namespacedList(call, ['apis', 'metrics.k8s.io', 'v1beta1'], 'pods', podMetricsListSchema);

export interface LogRequest {
  pod: string;
  container: string;
  tailLines: number;
  /** The previous (crashed) instance of the container. */
  previous: boolean;
}

/** `GET /api/v1/namespaces/{ns}/pods/{pod}/log?container=&tailLines=&previous=` (text/plain). */
export function readLog(call: Omit<Call, 'fresh'> & { log: LogRequest }): Promise<string> {
  const { query, log } = call;
  return apiText(call.host, {
    system: 'kubernetes',
    instance: query.instance,
    path: ['api', 'v1', 'namespaces', query.namespace, 'pods', log.pod, 'log'],
    query: { container: log.container, tailLines: log.tailLines, previous: log.previous ? 'true' : undefined },
    headers: clusterHeaders(query),
    signal: call.signal,
  });
}

// ---- Deep links into the Kubernetes dashboard -----------------------------------------------

export function podsLink(ui: string | undefined, cluster: string, namespace: string): string | undefined {
  return dashboardLink(ui, cluster, { group: '', plural: 'pods' }, { namespace });
}

export function podLink(ui: string | undefined, cluster: string, namespace: string, name: string): string | undefined {
  return dashboardLink(ui, cluster, { group: '', plural: 'pods', namespace, name });
}

export function deploymentLink(ui: string | undefined, cluster: string, namespace: string, name: string): string | undefined {
  return dashboardLink(ui, cluster, { group: 'apps', plural: 'deployments', namespace, name });
}
