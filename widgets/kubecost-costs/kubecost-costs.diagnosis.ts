import type { DiagnosisRule, Finding } from '../kit/index.js';
import type { AllocationSet } from './kubecost-costs.api.js';
import { finite } from './kubecost-costs.summary.js';

/** One allocation's requests against its usage, averaged over the window's steps, with what it cost. */
export interface Usage {
  name: string;
  cpuRequest?: number;
  cpuUsage?: number;
  cpuCost: number;
  ramRequest?: number;
  ramUsage?: number;
  ramCost: number;
}

export interface KubecostDiagnosisInput {
  usage: readonly Usage[];
  money: (amount: number) => string;
  link?: string;
}

/** Requests this many times the usage are "far above". */
export const FAR_ABOVE = 4;
/** Headroom kept above the average usage in the right-sizing figure. */
export const HEADROOM = 1.3;
/** Below these requests a saving is not worth a change. */
const MIN_CPU_CORES = 0.05;
const MIN_RAM_BYTES = 64 * 2 ** 20;

function mean(values: ReadonlyArray<number | undefined>): number | undefined {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length ? known.reduce((sum, value) => sum + value, 0) / known.length : undefined;
}

/** Per allocation name: the mean of each step's request and usage averages, and the summed CPU and RAM cost. */
export function usageByName(sets: readonly AllocationSet[]): Usage[] {
  const names = new Map<string, Array<NonNullable<AllocationSet[string]>>>();
  for (const set of sets) {
    for (const [name, allocation] of Object.entries(set)) {
      if (!allocation || name.startsWith('__')) continue;
      names.set(name, [...(names.get(name) ?? []), allocation]);
    }
  }
  return [...names].map(([name, steps]) => ({
    name,
    cpuRequest: mean(steps.map((s) => finite(s.cpuCoreRequestAverage))),
    cpuUsage: mean(steps.map((s) => finite(s.cpuCoreUsageAverage))),
    cpuCost: steps.reduce((sum, s) => sum + (finite(s.cpuCost) ?? 0) + (finite(s.cpuCostAdjustment) ?? 0), 0),
    ramRequest: mean(steps.map((s) => finite(s.ramByteRequestAverage))),
    ramUsage: mean(steps.map((s) => finite(s.ramByteUsageAverage))),
    ramCost: steps.reduce((sum, s) => sum + (finite(s.ramCost) ?? 0) + (finite(s.ramCostAdjustment) ?? 0), 0),
  }));
}

const cores = (value: number) => (value >= 1 ? `${Number(value.toFixed(2))} cores` : `${Math.round(value * 1000)}m`);
const bytes = (value: number) => (value >= 2 ** 30 ? `${(value / 2 ** 30).toFixed(1)} GiB` : `${Math.round(value / 2 ** 20)} MiB`);

interface Resource {
  request: (u: Usage) => number | undefined;
  usage: (u: Usage) => number | undefined;
  cost: (u: Usage) => number;
  min: number;
  /** The figure rounded up to what a person would write in a manifest. */
  round: (value: number) => number;
  format: (value: number) => string;
  label: string;
}

const CPU: Resource = {
  request: (u) => u.cpuRequest, usage: (u) => u.cpuUsage, cost: (u) => u.cpuCost, min: MIN_CPU_CORES,
  round: (value) => Math.max(0.01, Math.ceil((value * 1000) / 5) * 5 / 1000), format: cores, label: 'CPU',
};
const RAM: Resource = {
  request: (u) => u.ramRequest, usage: (u) => u.ramUsage, cost: (u) => u.ramCost, min: MIN_RAM_BYTES,
  round: (value) => Math.max(32 * 2 ** 20, Math.ceil(value / (16 * 2 ** 20)) * 16 * 2 ** 20), format: bytes, label: 'memory',
};

function overRequested(input: KubecostDiagnosisInput, resource: Resource): Finding[] {
  return input.usage.flatMap((u): Finding[] => {
    const request = resource.request(u);
    const usage = resource.usage(u);
    if (request === undefined || usage === undefined || request < resource.min || usage * FAR_ABOVE > request) return [];
    const figure = resource.round(usage * HEADROOM);
    if (figure >= request) return [];
    const saving = resource.cost(u) * (1 - figure / request);
    return [{
      subject: u.name,
      seen: `${resource.label} requests average ${resource.format(request)}, usage ${resource.format(usage)} (${Math.round((usage / request) * 100)}% used)`,
      fixDetail: `Right-size the ${resource.label} request to about ${resource.format(figure)}${saving > 0 ? `: about ${input.money(saving)} less for this window` : ''}.`,
      link: input.link,
    }];
  });
}

/** Kubecost's problems and their usual fix: what is paid for and not used. */
export const KUBECOST_RULES: ReadonlyArray<DiagnosisRule<KubecostDiagnosisInput>> = [
  {
    id: 'cpu-requests-far-above-usage',
    title: 'CPU requested far above use',
    tone: 'warn',
    why: 'CPU requests reserve a node’s capacity whether used or not; requests copied from a template or sized for a peak that never comes are paid for all day.',
    fix: `Lower resources.requests.cpu towards the average use plus ${Math.round((HEADROOM - 1) * 100)}% headroom (or let a VerticalPodAutoscaler recommend it), and watch throttling after the change.`,
    find: (input) => overRequested(input, CPU),
  },
  {
    id: 'memory-requests-far-above-usage',
    title: 'Memory requested far above use',
    tone: 'warn',
    why: 'Memory requests reserve a node’s memory whether used or not; a generous request is often left from a one-off peak.',
    fix: `Lower resources.requests.memory towards the average use plus ${Math.round((HEADROOM - 1) * 100)}% headroom; keep the limit above the real peak to avoid OOM kills.`,
    find: (input) => overRequested(input, RAM),
  },
];
