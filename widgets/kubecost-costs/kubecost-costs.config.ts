import { AGGREGATES, API_FLAVORS, splitLabel, type Aggregate, type ApiFlavor } from './kubecost-costs.api.js';

/** The windows the selector offers. */
export const WINDOWS = ['1d', '7d', '30d'] as const;
export const DEFAULT_WINDOW = '7d';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** Kubecost windows: durations (`7d`, `24h`, `90m`, `2w`) and its keywords. RFC3339 pairs are left to the tool's UI. */
const WINDOW = /^(\d{1,4}[mhdw]|today|yesterday|week|month|lastweek|lastmonth)$/;

/*
 * Kubernetes name rules (these could live in kit/kubernetes.ts). They also keep
 * every value free of quotes, so it can sit inside a Kubecost filter string.
 */
export function isNamespaceName(value: string): boolean {
  return value.length <= 63 && DNS_LABEL.test(value);
}

export function isObjectName(value: string): boolean {
  return value.length <= 253 && DNS_SUBDOMAIN.test(value);
}

export function isLabelPair(value: string): boolean {
  const pair = splitLabel(value);
  if (!pair) return false;
  const [key, val] = pair;
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && !isObjectName(prefix)) return false;
  return name.length <= 63 && LABEL_NAME.test(name) && val.length <= 63 && LABEL_VALUE.test(val);
}

export function isWindow(value: string): boolean {
  return WINDOW.test(value);
}

export function isAggregate(value: string): value is Aggregate {
  return (AGGREGATES as readonly string[]).includes(value);
}

export function isApiFlavor(value: string): value is ApiFlavor {
  return (API_FLAVORS as readonly string[]).includes(value);
}

export interface CostAttributes {
  namespace?: string;
  deployment?: string;
  label?: string;
  window?: string;
  aggregate?: string;
  apiFlavor?: string;
}

/** What is wrong with the attributes, as one sentence naming them (and the annotations they come from). */
export function configProblem(attrs: CostAttributes): string | undefined {
  const { namespace, deployment, label, window, aggregate, apiFlavor } = attrs;
  if (!namespace && !deployment) {
    return 'Set namespace (annotation backstage.io/kubernetes-namespace) or deployment (annotation kubecost.com/deployment-name).';
  }
  if (namespace && !isNamespaceName(namespace)) return `namespace "${namespace}" is not a Kubernetes namespace name.`;
  if (deployment && !isObjectName(deployment)) return `deployment "${deployment}" is not a Kubernetes object name.`;
  if (label && !isLabelPair(label)) return `label must be key=value with a Kubernetes label key and value (got "${label}").`;
  if (window && !isWindow(window)) return `window "${window}" is not a Kubecost window such as 1d, 7d or 30d.`;
  if (aggregate && !isAggregate(aggregate)) return `aggregate must be namespace or controller (got "${aggregate}").`;
  if (apiFlavor && !isApiFlavor(apiFlavor)) return `api-flavor must be kubecost or opencost (got "${apiFlavor}").`;
  return undefined;
}

export function windowLabel(window: string): string {
  const match = /^(\d+)([mhdw])$/.exec(window);
  if (!match) return window;
  const count = Number(match[1]);
  const unit = { m: 'minute', h: 'hour', d: 'day', w: 'week' }[match[2] as 'm' | 'h' | 'd' | 'w'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
