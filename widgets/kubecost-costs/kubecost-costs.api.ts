import * as z from 'zod/mini';
import { WidgetError, apiCall, buildUrl, type CallContext } from '../kit/index.js';

/** Kubecost sends numbers; some builds send `"NaN"`/`"+Inf"` strings or null for values it could not compute. */
const amount = z.optional(z.nullable(z.union([z.number(), z.string()])));

const allocationSchema = z.object({
  name: z.optional(z.nullable(z.string())),
  start: z.optional(z.nullable(z.string())),
  end: z.optional(z.nullable(z.string())),
  window: z.optional(z.nullable(z.object({ start: z.optional(z.nullable(z.string())), end: z.optional(z.nullable(z.string())) }))),
  cpuCost: amount,
  cpuCostAdjustment: amount,
  gpuCost: amount,
  gpuCostAdjustment: amount,
  ramCost: amount,
  ramCostAdjustment: amount,
  pvCost: amount,
  pvCostAdjustment: amount,
  networkCost: amount,
  networkCostAdjustment: amount,
  loadBalancerCost: amount,
  loadBalancerCostAdjustment: amount,
  sharedCost: amount,
  externalCost: amount,
  totalCost: amount,
  cpuEfficiency: amount,
  ramEfficiency: amount,
  totalEfficiency: amount,
  /** Averages over the step: what the right-sizing figure is computed from. */
  cpuCoreRequestAverage: amount,
  cpuCoreUsageAverage: amount,
  ramByteRequestAverage: amount,
  ramByteUsageAverage: amount,
});

/** One step of the window: allocation name → allocation. */
const allocationSetSchema = z.record(z.string(), z.optional(z.nullable(allocationSchema)));

/** `GET /model/allocation` (Kubecost) and `GET /allocation/compute` (OpenCost). */
export const allocationResponseSchema = z.object({
  code: z.optional(z.nullable(z.number())),
  message: z.optional(z.nullable(z.string())),
  data: z.optional(z.nullable(z.array(z.nullable(allocationSetSchema)))),
});

export type Allocation = z.infer<typeof allocationSchema>;
export type AllocationSet = z.infer<typeof allocationSetSchema>;
export type AllocationResponse = z.infer<typeof allocationResponseSchema>;

export const API_FLAVORS = ['kubecost', 'opencost'] as const;
export type ApiFlavor = (typeof API_FLAVORS)[number];
export const AGGREGATES = ['namespace', 'controller'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export interface CostQuery {
  instance?: string;
  flavor: ApiFlavor;
  window: string;
  aggregate: Aggregate;
  /** Kubecost v2 filter expression, see {@link costFilter}. */
  filter: string;
}

export interface CostScope {
  namespace?: string;
  deployment?: string;
  /** `key=value` */
  label?: string;
}

/** Label keys are stored the way Prometheus sanitises them (`app.kubernetes.io/name` → `app_kubernetes_io_name`). */
export function sanitizeLabelKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Kubecost v2 filter (also understood by OpenCost): `namespace:"payments"+controllerKind:"deployment"+…`.
 * Values are validated as Kubernetes names before they get here, so they never hold a quote.
 */
export function costFilter(scope: CostScope): string {
  const parts: string[] = [];
  if (scope.namespace) parts.push(`namespace:"${scope.namespace}"`);
  if (scope.deployment) parts.push('controllerKind:"deployment"', `controllerName:"${scope.deployment}"`);
  const label = scope.label ? splitLabel(scope.label) : undefined;
  if (label) parts.push(`label[${sanitizeLabelKey(label[0])}]:"${label[1]}"`);
  return parts.join('+');
}

export function splitLabel(label: string): [string, string] | undefined {
  const at = label.indexOf('=');
  return at > 0 ? [label.slice(0, at).trim(), label.slice(at + 1).trim()] : undefined;
}

function allocationPath(flavor: ApiFlavor): string[] {
  return flavor === 'opencost' ? ['allocation', 'compute'] : ['model', 'allocation'];
}


/**
 * One request for the whole window, one set per day (`step=1d&accumulate=false`):
 * the days feed the trend, their sum the totals.
 * A body whose own `code` is not 200 is an error even when HTTP said 200.
 */
export async function getDailyAllocations(call: CallContext & { query: CostQuery }): Promise<AllocationSet[]> {
  const { query } = call;
  const body = await apiCall(call, {
    system: 'kubecost',
    instance: query.instance,
    path: allocationPath(query.flavor),
    query: { window: query.window, aggregate: query.aggregate, step: '1d', accumulate: 'false', filter: query.filter },
    schema: allocationResponseSchema,
  });
  if (body.code !== undefined && body.code !== null && body.code !== 200) {
    throw new WidgetError('invalid-response', `Kubecost answered code ${body.code}: ${body.message ?? ''}`, { path: 'code' });
  }
  // Kubecost and OpenCost always send `data` with a 200: an object without it is not an allocation answer.
  if (!Array.isArray(body.data)) throw new WidgetError('invalid-response', 'No allocation data in the answer', { path: 'data' });
  return body.data.map((set) => set ?? {});
}

/** The allocation report in the tool's UI with the same window, aggregation and filter. */
export function allocationsLink(ui: string | undefined, query: Omit<CostQuery, 'instance'>, currency?: string): string | undefined {
  const common = { window: query.window, agg: query.aggregate, filter: query.filter || undefined };
  return query.flavor === 'opencost'
    ? buildUrl(ui, ['allocation'], { ...common, currency })
    : buildUrl(ui, ['allocations'], common);
}
