import * as z from 'zod/mini';
import type { Tone } from './ui/status.js';
import { optionalText } from './schema.js';
import { buildUrl, type Query } from './urls.js';
import { annotationsOf, missingRequired, type Described } from './required.js';

/** Shapes shared by every widget that reads Kubernetes objects (pods, CRDs of Crossplane, Tekton, Kargo). */

/**
 * Which object it is, without its labels and annotations: for objects read by the thousand
 * (pods, their metrics), whose labels the widget does not read (the API server filtered by them).
 */
export const objectNameSchema = z.object({
  name: z.string(),
  namespace: optionalText,
  uid: optionalText,
  creationTimestamp: optionalText,
});

/** Metadata with labels and annotations, for the objects whose labels or annotations a widget reads. */
export const objectMetaSchema = z.extend(objectNameSchema, {
  labels: z.optional(z.nullable(z.record(z.string(), z.string()))),
  annotations: z.optional(z.nullable(z.record(z.string(), z.string()))),
});

/** A condition as read for a status: type, status and why. */
export const conditionStateSchema = z.object({
  type: z.string(),
  status: optionalText,
  reason: optionalText,
  message: optionalText,
});

export const conditionSchema = z.extend(conditionStateSchema, { lastTransitionTime: optionalText });

export type ObjectMeta = z.infer<typeof objectMetaSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type ConditionState = z.infer<typeof conditionStateSchema>;

/**
 * A `…List` answer. The API server always sends `items` (an empty array, or null from a
 * Go nil slice); an object without it is not a list, so it is an unexpected response
 * rather than a confident "nothing here".
 */
export function listSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.nullable(z.array(item)) });
}

export function findCondition<C extends ConditionState>(conditions: ReadonlyArray<C> | null | undefined, type: string): C | undefined {
  return conditions?.find((condition) => condition.type === type);
}

/** Condition status compared case-insensitively: some producers write "true"/"false". */
export function conditionStatus(condition: ConditionState | undefined): 'True' | 'False' | 'Unknown' | undefined {
  const status = condition?.status?.toLowerCase();
  if (status === 'true') return 'True';
  if (status === 'false') return 'False';
  return status === undefined ? undefined : 'Unknown';
}

export function conditionTone(condition: ConditionState | undefined): Tone {
  const status = conditionStatus(condition);
  if (status === 'True') return 'ok';
  if (status === 'False') return 'error';
  return status === 'Unknown' ? 'progress' : 'unknown';
}

/** `app=web,tier in (a,b)` → validated label selector text, or undefined if it has characters a selector cannot hold. */
export function labelSelector(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && /^[\w.\-/=!,() ]+$/.test(trimmed) ? trimmed : undefined;
}

// ---- Workload selection: a namespace plus label-selector or kubernetes-id ---------------------

/** The label Backstage puts on a service's workloads: `backstage.io/kubernetes-id=<id>`. */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';

/** How a widget names the workloads of a service (its attributes, from the catalog's annotations). */
export interface WorkloadSelection {
  namespace?: string | undefined;
  kubernetesId?: string | undefined;
  labelSelector?: string | undefined;
}

/**
 * The selector sent to Kubernetes: label-selector wins over kubernetes-id
 * (`backstage.io/kubernetes-id=<id>`); undefined when neither is set or the one used is invalid.
 */
export function workloadSelector({ kubernetesId, labelSelector: selector }: WorkloadSelection): string | undefined {
  if (selector) return labelSelector(selector);
  return kubernetesId ? labelSelector(`${KUBERNETES_ID_LABEL}=${kubernetesId}`) : undefined;
}

/**
 * The not-configured sentence for a selection, naming the attributes and the annotations the
 * widget's descriptor maps them from; undefined when it is complete and valid.
 */
export function workloadSelectionProblem(selection: WorkloadSelection, descriptor: Described): string | undefined {
  const values: Readonly<Record<string, string | undefined>> = {
    namespace: selection.namespace,
    'kubernetes-id': selection.kubernetesId,
    'label-selector': selection.labelSelector,
  };
  const missing = missingRequired(descriptor, (attribute) => Boolean(values[attribute]?.trim()));
  if (missing || workloadSelector(selection)) return missing;
  return selection.labelSelector
    ? `label-selector is not a valid label selector (annotation ${annotationsOf(descriptor, 'label-selector')}).`
    : `kubernetes-id is not a valid label value (annotation ${annotationsOf(descriptor, 'kubernetes-id')}).`;
}

// ---- Deep links into a Kubernetes dashboard (Headlamp routes) -------------------------------

/** The cluster segment of dashboard links when a widget names none. */
export const DEFAULT_DASHBOARD_CLUSTER = 'main';

/** What a dashboard link points at: a kind (by API group and plural), optionally one namespace and one object. */
export interface DashboardTarget {
  /** API group: '' for the core group, 'apps', 'batch', or a custom resource's group. */
  group: string;
  plural: string;
  namespace?: string;
  name?: string;
}

/** Built-in kinds have their own dashboard pages; everything else is a custom resource. */
const BUILT_IN_GROUPS = new Set(['', 'apps', 'batch']);

/**
 * `{ui}/c/{cluster}/{plural}/{namespace?}/{name?}` for built-in kinds,
 * `{ui}/c/{cluster}/customresources/{plural}.{group}/…` for the rest (Headlamp's routes).
 * Every segment is encoded; undefined unless `ui` is http(s).
 */
export function dashboardLink(ui: string | undefined, cluster: string, target: DashboardTarget, query: Query = {}): string | undefined {
  const kind = BUILT_IN_GROUPS.has(target.group) ? [target.plural] : ['customresources', `${target.plural}.${target.group}`];
  const object = target.name ? [...(target.namespace ? [target.namespace] : []), target.name] : [];
  return buildUrl(ui, ['c', cluster || DEFAULT_DASHBOARD_CLUSTER, ...kind, ...object], query);
}
