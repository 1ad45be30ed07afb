import type { ErrorKind } from './errors.js';
import type { SystemId } from './host.js';
import type { Tone } from './ui/status.js';

export const WIDGET_STATES = ['not-configured', 'loading', 'empty', 'ready', 'degraded'] as const;
export type WidgetState = (typeof WIDGET_STATES)[number];

export interface PwStateDetail {
  state: WidgetState;
  /** Data is shown but the last refresh failed. */
  stale: boolean;
  reason?: string;
}

/**
 * What a widget comes to in one line, for roll-ups (`<service-health>`) and hosts: sent with
 * every change of state, tone or text, by cards and badges alike.
 */
export interface PwSummaryDetail {
  /** The tool's display name, e.g. "Argo CD". */
  tool: string;
  /** What the widget shows, e.g. the application name. */
  label: string;
  state: WidgetState;
  /** `unknown` when not configured or degraded: a tool that fails is never healthy. */
  tone: Tone;
  /** The one-line summary (ready, empty), the reason (degraded) or what is missing (not configured). */
  text: string;
  stale: boolean;
  /** The tool's page for this resource (http/https only). */
  href?: string;
}

/** A composing element (e.g. `<service-health>`) needs these tags defined: the page's loader loads them. */
export interface PwElementsNeededDetail {
  tags: string[];
}

export interface PwErrorDetail {
  system: SystemId;
  kind: ErrorKind;
  status?: number;
  reason: string;
}

export const ACTION_PHASES = ['requested', 'succeeded', 'failed', 'cancelled'] as const;
export interface PwActionDetail {
  action: string;
  resourceRef: string;
  phase: (typeof ACTION_PHASES)[number];
  message?: string;
}

export interface PwEventMap {
  'pw-state': PwStateDetail;
  'pw-summary': PwSummaryDetail;
  'pw-elements-needed': PwElementsNeededDetail;
  'pw-error': PwErrorDetail;
  'pw-action': PwActionDetail;
  'pw-retry': Record<string, never>;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pw-state': CustomEvent<PwStateDetail>;
    'pw-summary': CustomEvent<PwSummaryDetail>;
    'pw-elements-needed': CustomEvent<PwElementsNeededDetail>;
    'pw-error': CustomEvent<PwErrorDetail>;
    'pw-action': CustomEvent<PwActionDetail>;
    'pw-retry': CustomEvent<Record<string, never>>;
  }
}

export function emit<K extends keyof PwEventMap>(target: EventTarget, type: K, detail: PwEventMap[K]): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
