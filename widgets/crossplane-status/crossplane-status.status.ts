import { conditionStatus, findCondition, type Condition, type Tone, keysOf } from '../kit/index.js';
import type { CrossplaneObject } from './crossplane-status.api.js';

export const STATUS_TONES = { Ready: 'ok', Syncing: 'progress', Error: 'error', Paused: 'info' } as const satisfies Record<string, Tone>;
export type DerivedStatus = keyof typeof STATUS_TONES;
export const DERIVED_STATUSES = keysOf(STATUS_TONES);

/** Condition types the two main columns show; every other type is listed as a detail. */
const MAIN_TYPES = new Set(['Ready', 'Synced']);
/** Crossplane packages (Provider, Function, Configuration) report these instead of Ready/Synced. */
const PACKAGE_TYPES = ['Installed', 'Healthy'] as const;

export interface Derived {
  status: DerivedStatus;
  /** The condition that explains the status (reason/message shown beside it). */
  cause?: Condition;
  /** Why, when no condition says so. */
  note?: string;
}

export function conditionsOf(object: CrossplaneObject): Condition[] {
  return object.status?.conditions ?? [];
}

export function extraConditions(object: CrossplaneObject): Condition[] {
  return conditionsOf(object).filter((condition) => !MAIN_TYPES.has(condition.type));
}

function isPaused(object: CrossplaneObject, synced: Condition | undefined): boolean {
  return synced?.reason === 'ReconcilePaused' || object.metadata.annotations?.['crossplane.io/paused'] === 'true';
}

function derivePackage(conditions: Condition[]): Derived | undefined {
  const found = PACKAGE_TYPES.map((type) => findCondition(conditions, type)).filter((c): c is Condition => c !== undefined);
  if (!found.length) return undefined;
  const failed = found.find((condition) => conditionStatus(condition) === 'False');
  if (failed) return { status: 'Error', cause: failed };
  const allTrue = found.length === PACKAGE_TYPES.length && found.every((c) => conditionStatus(c) === 'True');
  return allTrue ? { status: 'Ready' } : { status: 'Syncing', cause: found.find((c) => conditionStatus(c) !== 'True') };
}

/**
 * Ready: Ready=True and Synced=True. Error: Synced=False (except ReconcilePaused,
 * which is Paused). Syncing: everything still reconciling, including an object
 * without any status (just created). Ready=True with Synced=False is Error: the
 * resource exists but Crossplane can no longer reconcile it.
 */
export function deriveStatus(object: CrossplaneObject): Derived {
  const conditions = conditionsOf(object);
  const ready = findCondition(conditions, 'Ready');
  const synced = findCondition(conditions, 'Synced');
  const syncedStatus = conditionStatus(synced);
  if (isPaused(object, synced)) return { status: 'Paused', cause: synced, note: synced ? undefined : 'crossplane.io/paused annotation' };
  if (syncedStatus === 'False') return { status: 'Error', cause: synced };
  if (!ready && !synced) {
    const pkg = derivePackage(conditions);
    if (pkg) return pkg;
    return { status: 'Syncing', note: conditions.length ? 'no Ready or Synced condition yet' : 'no status yet' };
  }
  const readyStatus = conditionStatus(ready);
  if (readyStatus === 'True' && (syncedStatus === 'True' || !synced)) return { status: 'Ready' };
  return { status: 'Syncing', cause: readyStatus === 'True' ? synced : ready };
}

/** Tone of one condition cell: paused is information, not an error; Ready=False is still progress. */
export function conditionCellTone(condition: Condition | undefined): Tone {
  const status = conditionStatus(condition);
  if (status === undefined) return 'unknown';
  if (status === 'True') return 'ok';
  if (status === 'Unknown') return 'progress';
  if (condition?.reason === 'ReconcilePaused') return 'info';
  return condition?.type === 'Synced' ? 'error' : 'warn';
}
