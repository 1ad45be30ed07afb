import { keysOf } from '../kit/index.js';
import type { Allocation, AllocationSet } from './kubecost-costs.api.js';

/** The split the card shows; `other` is whatever the total holds beyond them (load balancers, external costs). */
export const CATEGORY_LABELS = { cpu: 'CPU', ram: 'RAM', gpu: 'GPU', pv: 'Storage (PV)', network: 'Network', shared: 'Shared', other: 'Other' } as const;
export type Category = keyof typeof CATEGORY_LABELS;
export const CATEGORIES = keysOf(CATEGORY_LABELS);

/** Kubecost's own bucket for unallocated cluster capacity; it is not this workload's cost. */
export const IDLE_NAME = '__idle__';

export interface Day {
  start?: string;
  total: number;
}

export interface CostSummary {
  total: number;
  amounts: Record<Category, number>;
  /** Ratios (0.25 = 25 %); undefined when Kubecost reported none. */
  efficiency: { total?: number; cpu?: number; ram?: number };
  days: Day[];
  /** Totals per allocation name (namespace or controller), most expensive first. */
  byName: Array<{ name: string; total: number }>;
  allocations: number;
  start?: string;
  end?: string;
}

/** A finite number from what Kubecost sent (number, numeric string, "NaN", null …). */
export function finite(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

const money = (value: number | string | null | undefined): number => finite(value) ?? 0;

function categoryAmounts(a: Allocation): Omit<Record<Category, number>, 'other'> {
  return {
    cpu: money(a.cpuCost) + money(a.cpuCostAdjustment),
    ram: money(a.ramCost) + money(a.ramCostAdjustment),
    gpu: money(a.gpuCost) + money(a.gpuCostAdjustment),
    pv: money(a.pvCost) + money(a.pvCostAdjustment),
    network: money(a.networkCost) + money(a.networkCostAdjustment),
    shared: money(a.sharedCost),
  };
}

function allocationTotal(a: Allocation): number {
  const reported = finite(a.totalCost);
  if (reported !== undefined) return reported;
  const parts = categoryAmounts(a);
  return Object.values(parts).reduce((sum, part) => sum + part, 0)
    + money(a.loadBalancerCost) + money(a.loadBalancerCostAdjustment) + money(a.externalCost);
}

/** Kubecost's doc examples hold `"...etc": {}` placeholders: an allocation without a single cost is no allocation. */
function hasCost(a: Allocation): boolean {
  const fields = [a.totalCost, a.cpuCost, a.ramCost, a.gpuCost, a.pvCost, a.networkCost, a.sharedCost, a.externalCost, a.loadBalancerCost];
  return fields.some((field) => finite(field) !== undefined);
}

class WeightedRatio {
  private weighted = 0;
  private weight = 0;
  add(ratio: number | undefined, weight: number): void {
    if (ratio === undefined || weight <= 0) return;
    this.weighted += ratio * weight;
    this.weight += weight;
  }
  get value(): number | undefined {
    return this.weight > 0 ? this.weighted / this.weight : undefined;
  }
}

function earliest(a: string | undefined, b: string | null | undefined): string | undefined {
  if (!b) return a;
  return !a || Date.parse(b) < Date.parse(a) ? b : a;
}

function latest(a: string | undefined, b: string | null | undefined): string | undefined {
  if (!b) return a;
  return !a || Date.parse(b) > Date.parse(a) ? b : a;
}

/**
 * Sums daily allocation sets into one picture: the window's total, its split,
 * cost-weighted efficiency (as Kubecost weighs it) and the daily trend.
 */
export function summarize(sets: readonly AllocationSet[]): CostSummary {
  const amounts: Record<Category, number> = { cpu: 0, ram: 0, gpu: 0, pv: 0, network: 0, shared: 0, other: 0 };
  const cpuEfficiency = new WeightedRatio();
  const ramEfficiency = new WeightedRatio();
  const totalEfficiency = new WeightedRatio();
  const byName = new Map<string, number>();
  const days: Day[] = [];
  let total = 0;
  let allocations = 0;
  let start: string | undefined;
  let end: string | undefined;

  for (const set of sets) {
    let dayTotal = 0;
    let dayStart: string | undefined;
    for (const [name, allocation] of Object.entries(set)) {
      if (!allocation || name === IDLE_NAME || !hasCost(allocation)) continue;
      allocations += 1;
      const parts = categoryAmounts(allocation);
      const cost = allocationTotal(allocation);
      for (const key of Object.keys(parts) as Array<keyof typeof parts>) amounts[key] += parts[key];
      dayTotal += cost;
      byName.set(name, (byName.get(name) ?? 0) + cost);
      cpuEfficiency.add(finite(allocation.cpuEfficiency), parts.cpu);
      ramEfficiency.add(finite(allocation.ramEfficiency), parts.ram);
      totalEfficiency.add(finite(allocation.totalEfficiency), parts.cpu + parts.ram);
      const from = allocation.window?.start ?? allocation.start;
      dayStart = earliest(dayStart, from);
      start = earliest(start, from);
      end = latest(end, allocation.window?.end ?? allocation.end);
    }
    total += dayTotal;
    days.push(dayStart ? { start: dayStart, total: dayTotal } : { total: dayTotal });
  }

  const named = Object.entries(amounts).reduce((sum, [key, value]) => (key === 'other' ? sum : sum + value), 0);
  // Rounding in Kubecost's figures must not show up as a tiny "Other".
  amounts.other = total - named > Math.max(1e-6, Math.abs(total) * 1e-6) ? total - named : 0;

  return {
    total,
    amounts,
    efficiency: { total: totalEfficiency.value, cpu: cpuEfficiency.value, ram: ramEfficiency.value },
    days,
    byName: [...byName].map(([name, cost]) => ({ name, total: cost })).sort((a, b) => b.total - a.total),
    allocations,
    start,
    end,
  };
}
