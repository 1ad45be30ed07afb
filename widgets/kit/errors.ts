import { keysOf } from './keys.js';
/** Everything that can stop a widget from showing its data. */
/** One line a person can act on, per error kind. */
export const REASONS = {
  unauthorized: 'Sign-in needed',
  forbidden: 'No access',
  'not-found': 'Not found: check the annotation',
  'rate-limited': 'Too many requests: retrying later',
  rejected: 'Request rejected by the tool',
  unavailable: 'Tool unavailable',
  timeout: 'Tool unavailable: no answer in time',
  network: 'Tool unavailable: network error',
  'invalid-response': 'Unexpected response',
  redirected: 'Redirected — sign-in in front of the tool?',
  'token-unavailable': 'Sign-in token unavailable',
} as const satisfies Record<string, string>;
export type ErrorKind = keyof typeof REASONS;
export const ERROR_KINDS = keysOf(REASONS);

export interface WidgetErrorInit {
  status?: number;
  retryAfterMs?: number;
  /** For invalid responses: where the data first differed from the schema. */
  path?: string;
  cause?: unknown;
}

export class WidgetError extends Error {
  readonly kind: ErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly path?: string;

  constructor(kind: ErrorKind, message: string, init: WidgetErrorInit = {}) {
    super(message, { cause: init.cause });
    this.name = 'WidgetError';
    this.kind = kind;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.path = init.path;
  }

  /** The short reason shown to a person. */
  get reason(): string {
    const base = REASONS[this.kind];
    if (this.kind === 'invalid-response' && this.path) return `${base} (at ${this.path})`;
    if (this.status && (this.kind === 'unavailable' || this.kind === 'rejected')) return `${base} (HTTP ${this.status})`;
    return base;
  }
}

export function toWidgetError(error: unknown): WidgetError {
  if (error instanceof WidgetError) return error;
  return new WidgetError('invalid-response', error instanceof Error ? error.message : String(error), { cause: error });
}

export function kindForStatus(status: number): ErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'unavailable';
  return 'rejected';
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
