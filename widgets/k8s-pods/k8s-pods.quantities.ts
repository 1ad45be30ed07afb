import type { PodMetrics } from './k8s-pods.api.js';

const MEMORY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

/** A Kubernetes quantity (`100m`, `70Mi`, `1.5`, `2e3`, `250000n`) as a plain number; undefined if unreadable. */
export function parseQuantity(value: string | number | null | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([a-zA-Z]{0,2})$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const [, number = '', suffix = ''] = match;
  const factor = suffix ? MEMORY_SUFFIXES[suffix] : 1;
  return factor === undefined ? undefined : Number(number) * factor;
}

/** Millicores → `250m` / `1.5 cores`. */
export function formatCpu(cores: number | undefined): string {
  if (cores === undefined) return '–';
  if (cores < 1) return `${Math.max(0, Math.round(cores * 1000))}m`;
  return `${Number(cores.toFixed(2))} ${cores === 1 ? 'core' : 'cores'}`;
}

/** `70 MiB`, or `70Mi` (`short`: as Kubernetes writes quantities, for narrow cells). */
export function formatMemory(bytes: number | undefined, style: 'long' | 'short' = 'long'): string {
  if (bytes === undefined) return '–';
  const units = style === 'short' ? (['', 'Ki', 'Mi', 'Gi', 'Ti'] as const) : (['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const);
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number(value.toFixed(value < 10 && unit > 0 ? 1 : 0))}${style === 'short' ? '' : ' '}${units[unit]}`;
}

export interface Resources {
  /** Cores. */
  cpu?: number;
  /** Bytes. */
  memory?: number;
}

type QuantityMap = Readonly<Record<string, string | number>> | null | undefined;

export function addTo(total: Resources, map: QuantityMap): void {
  const cpu = parseQuantity(map?.['cpu']);
  const memory = parseQuantity(map?.['memory']);
  if (cpu !== undefined) total.cpu = (total.cpu ?? 0) + cpu;
  if (memory !== undefined) total.memory = (total.memory ?? 0) + memory;
}

export function usageByPod(metrics: readonly PodMetrics[]): Map<string, Resources> {
  const usage = new Map<string, Resources>();
  for (const item of metrics) {
    const total: Resources = {};
    for (const container of item.containers ?? []) addTo(total, container.usage);
    usage.set(item.metadata.name, total);
  }
  return usage;
}

/** `12m · 100m · 500m` (used · request · limit), `–` where there is none: the cell as seen. */
export function formatResourceShort(kind: 'cpu' | 'memory', usage: Resources | undefined, requests: Resources, limits: Resources): string {
  const format = kind === 'cpu' ? formatCpu : (bytes: number) => formatMemory(bytes, 'short');
  return [usage?.[kind], requests[kind], limits[kind]].map((value) => (value === undefined ? '–' : format(value))).join(' · ');
}

/** `12m used · req 100m · lim 500m`: usage only when metrics exist; requests and limits only when set. The cell as read out. */
export function formatResource(kind: 'cpu' | 'memory', usage: Resources | undefined, requests: Resources, limits: Resources): string {
  const format = kind === 'cpu' ? formatCpu : formatMemory;
  const parts: string[] = [];
  if (usage?.[kind] !== undefined) parts.push(`${format(usage[kind])} used`);
  if (requests[kind] !== undefined) parts.push(`req ${format(requests[kind])}`);
  if (limits[kind] !== undefined) parts.push(`lim ${format(limits[kind])}`);
  return parts.length ? parts.join(' · ') : '–';
}
