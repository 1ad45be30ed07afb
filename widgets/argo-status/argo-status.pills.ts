import type { TemplateResult } from 'lit';
import { statusPill, type Tone } from '../kit/index.js';

export const SYNC_TONES: Readonly<Record<string, Tone>> = { Synced: 'ok', OutOfSync: 'warn', Unknown: 'unknown' };
export const HEALTH_TONES: Readonly<Record<string, Tone>> = {
  Healthy: 'ok',
  Progressing: 'progress',
  Degraded: 'error',
  Missing: 'warn',
  Suspended: 'info',
  Unknown: 'unknown',
};

export function syncPill(status: string | null | undefined): TemplateResult {
  const label = status ?? 'Unknown';
  return statusPill(SYNC_TONES[label] ?? 'unknown', label === 'OutOfSync' ? 'Out of sync' : label);
}

export function healthPill(status: string | null | undefined, message?: string | null): TemplateResult {
  const label = status ?? 'Unknown';
  return statusPill(HEALTH_TONES[label] ?? 'unknown', label, message ?? undefined);
}
