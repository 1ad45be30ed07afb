import type { SystemId } from './systems.js';

/**
 * Where a tool lives. `api` stands in for the tool's root URL (the backend plugin's
 * `/api/platform-widgets/<endpoint key>`, a proxy path, or the tool itself); `ui` is the
 * tool's own UI, for deep links.
 */
export interface Endpoint {
  api: string;
  ui?: string;
}

export type Decision = 'allow' | 'deny';
export type Theme = 'light' | 'dark';

export interface HostEvent {
  type: string;
  widget: string;
  detail: Readonly<Record<string, unknown>>;
}

/**
 * What a page (Backstage, a portal, a wiki, Storybook) hands every widget.
 * Endpoints are keyed by system, or `system:instance` for named instances
 * (`argocd:prod`), chosen by a widget's `instance` attribute.
 */
export interface PlatformHost {
  endpoints: Readonly<Record<string, Endpoint | undefined>>;
  /** The signed-in user's token; sent only to the matching system's `api` base. */
  token?: (system: SystemId) => Promise<string | undefined>;
  /** Permission decisions. No function, or no answer, means deny. */
  decide?: (action: string, resourceRef: string) => Promise<Decision>;
  fetch?: typeof fetch;
  locale?: string;
  /** ISO 4217 code for money (cost widgets); default USD. */
  currency?: string;
  theme?: Theme;
  /** Telemetry/audit hook: states, errors and actions (never tokens). */
  onEvent?: (event: HostEvent) => void;
  /** Request timeout in ms (default 10 000). */
  timeoutMs?: number;
  /** How long a GET response is reused in ms (default 5 000). */
  cacheTtlMs?: number;
}

/** The request header that names the catalog entity a widget is shown for (the backend authorizes against it). */
export const ENTITY_HEADER = 'X-Platform-Widgets-Entity';

/**
 * Response header the backend sets when it serves a kept copy because the tool failed:
 * the copy's age in seconds; `STALE_REASON_HEADER` says why.
 */
export const STALE_AGE_HEADER = 'X-Platform-Widgets-Stale-Age';
export const STALE_REASON_HEADER = 'X-Platform-Widgets-Stale-Reason';

/**
 * Response header the backend sets when the tool answered with a redirect it did not follow
 * (a sign-in page in front of the tool, usually): the widget says so instead of "unavailable".
 */
export const REDIRECTED_HEADER = 'X-Platform-Widgets-Redirected';
