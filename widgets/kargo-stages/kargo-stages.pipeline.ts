import type { Freight, FreightReference, Promotion, Stage } from './kargo-stages.api.js';

/** What feeds a stage: warehouses directly, or other stages. */
export interface StageSources {
  warehouses: string[];
  stages: string[];
}

export type PipelineStep = { kind: 'warehouse'; name: string } | { kind: 'stage'; name: string; stage: Stage; from: string[] };

const TERMINAL_PHASES = new Set(['Succeeded', 'Failed', 'Errored', 'Aborted']);

export function isTerminalPhase(phase: string | null | undefined): boolean {
  return TERMINAL_PHASES.has(phase ?? '');
}

export function sourcesOf(stage: Stage): StageSources {
  const warehouses = new Set<string>();
  const stages = new Set<string>();
  for (const request of stage.spec?.requestedFreight ?? []) {
    if (request.sources?.direct && request.origin?.name) warehouses.add(request.origin.name);
    for (const upstream of request.sources?.stages ?? []) stages.add(upstream);
  }
  // Before Kargo 1.0: spec.subscriptions
  const subscriptions = stage.spec?.subscriptions;
  if (subscriptions?.warehouse) warehouses.add(subscriptions.warehouse);
  for (const upstream of subscriptions?.upstreamStages ?? []) if (upstream.name) stages.add(upstream.name);
  return { warehouses: [...warehouses], stages: [...stages] };
}

/**
 * Warehouses first, then stages in promotion order (Kahn's algorithm, ties by name).
 * Stages caught in a cycle or fed by unknown stages still appear, at the end.
 */
export function pipelineOrder(stages: readonly Stage[]): PipelineStep[] {
  const byName = new Map(stages.map((stage) => [stage.metadata.name, stage]));
  const sources = new Map(stages.map((stage) => [stage.metadata.name, sourcesOf(stage)]));
  const warehouses = [...new Set([...sources.values()].flatMap((s) => s.warehouses))].sort();
  const pending = new Map([...sources].map(([name, s]) => [name, new Set(s.stages.filter((up) => byName.has(up)))]));
  const ordered: string[] = [];
  while (pending.size) {
    const ready = [...pending].filter(([, ups]) => ups.size === 0).map(([name]) => name).sort();
    const next = ready.length ? ready : [[...pending.keys()].sort()[0] ?? ''];
    for (const name of next) {
      pending.delete(name);
      ordered.push(name);
      for (const ups of pending.values()) ups.delete(name);
    }
  }
  const steps: PipelineStep[] = warehouses.map((name) => ({ kind: 'warehouse', name }));
  for (const name of ordered) {
    const stage = byName.get(name);
    const from = sources.get(name);
    if (stage && from) steps.push({ kind: 'stage', name, stage, from: [...from.warehouses, ...from.stages] });
  }
  return steps;
}

/** The freight a stage runs now: the newest history entry (≥ 1.0) or currentFreight (before). */
export function currentFreight(stage: Stage): FreightReference[] {
  const status = stage.status;
  const newest = status?.freightHistory?.[0]?.items;
  if (newest) return Object.values(newest);
  return status?.currentFreight ? [status.currentFreight] : [];
}

/** A few past freight collections, newest first, after the current one. */
export function freightHistory(stage: Stage, count: number): FreightReference[][] {
  const status = stage.status;
  if (status?.freightHistory?.length) {
    return status.freightHistory.slice(1, count + 1).map((entry) => Object.values(entry.items ?? {}));
  }
  return (status?.history ?? []).slice(1, count + 1).map((entry) => [entry]);
}

function freightName(reference: FreightReference): string | undefined {
  return reference.name ?? reference.id ?? undefined;
}

export function currentFreightNames(stage: Stage): Set<string> {
  return new Set(currentFreight(stage).flatMap((ref) => freightName(ref) ?? []));
}

function warehouseOf(freight: Freight): string | undefined {
  return freight.origin?.name ?? freight.warehouse ?? undefined;
}

function newestFirst(a: Freight, b: Freight): number {
  return (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '');
}

/**
 * Freight that may be promoted into the stage: from its warehouses (direct),
 * verified in one of its upstream stages, or approved for it by hand.
 * The freight it runs now is left out.
 */
export function availableFreight(stage: Stage, all: readonly Freight[]): Freight[] {
  const { warehouses, stages } = sourcesOf(stage);
  const name = stage.metadata.name;
  const current = currentFreightNames(stage);
  return all
    .filter((freight) => {
      if (current.has(freight.metadata.name)) return false;
      if (freight.status?.approvedFor?.[name]) return true;
      const warehouse = warehouseOf(freight);
      if (warehouses.length && (!warehouse || warehouses.includes(warehouse))) return true;
      const verifiedIn = freight.status?.verifiedIn ?? {};
      return stages.some((upstream) => Boolean(verifiedIn[upstream]));
    })
    .sort(newestFirst);
}

export function aliasOf(freight: Freight): string {
  return freight.alias ?? freight.metadata.labels?.['kargo.akuity.io/alias'] ?? shortId(freight.metadata.name);
}

/** Alias of a referenced freight, looked up in the project's freight when the reference has none. */
export function referenceLabel(reference: FreightReference, all: readonly Freight[]): string {
  const name = freightName(reference);
  const known = name ? all.find((freight) => freight.metadata.name === name) : undefined;
  return known ? aliasOf(known) : shortId(name);
}

/** 40-hex ids (commits, freight names) shortened to 7 characters. */
export function shortId(id: string | null | undefined): string {
  if (!id) return '–';
  return /^[0-9a-f]{40}$/i.test(id) ? id.slice(0, 7) : id;
}

/** The phase of a promotion, from the Promotion list or, failing that, the stage's lastPromotion. */
export function promotionPhase(
  name: string,
  stage: Stage | undefined,
  promotions: readonly Promotion[] | undefined,
): { phase?: string; message?: string } {
  const promotion = promotions?.find((candidate) => candidate.metadata?.name === name);
  if (promotion?.status?.phase) return { phase: promotion.status.phase, message: promotion.status.message ?? undefined };
  const last = stage?.status?.lastPromotion;
  if (last?.name === name) return { phase: last.status?.phase ?? undefined, message: last.status?.message ?? undefined };
  return {};
}
