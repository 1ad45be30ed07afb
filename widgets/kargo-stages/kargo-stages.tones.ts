import type { TemplateResult } from 'lit';
import { statusPill, type Tone } from '../kit/index.js';
import type { Stage } from './kargo-stages.api.js';

export const KARGO_ACTIONS = { promote: 'kargo.stage.promote' } as const;
export const HEALTH_TONES: Readonly<Record<string, Tone>> = {
  Healthy: 'ok',
  Unhealthy: 'error',
  Progressing: 'progress',
  Unknown: 'unknown',
  // Before Kargo 1.0 a stage had a phase instead of health.
  Steady: 'ok',
  Promoting: 'progress',
  Verifying: 'progress',
  Failed: 'error',
};
export const PROMOTION_TONES: Readonly<Record<string, Tone>> = {
  Succeeded: 'ok',
  Failed: 'error',
  Errored: 'error',
  Aborted: 'warn',
  Running: 'progress',
  Pending: 'progress',
};

/** A stage's health (or, before Kargo 1.0, its phase), in words and a tone. */
export function healthPill(stage: Stage): TemplateResult {
  const label = stage.status?.health?.status ?? stage.status?.phase ?? 'Unknown';
  return statusPill(HEALTH_TONES[label] ?? 'unknown', label, stage.status?.message ?? undefined);
}
