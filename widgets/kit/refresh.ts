import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const DEFAULT_REFRESH_MS = 30_000;
export const MAX_BACKOFF_MS = 5 * 60_000;

export interface RefreshOptions {
  /** Called when it is time to refresh. */
  refresh: () => void;
  /** Called on disconnect: abort what is in flight. */
  abort?: () => void;
  /** Random source, replaceable in tests. */
  random?: () => number;
}

/**
 * Polls while the element is connected and the page is visible. After a failure it
 * backs off exponentially with jitter (capped), honouring a server's Retry-After.
 */
export class RefreshController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private dueAt = 0;
  private intervalMs = DEFAULT_REFRESH_MS;
  private connected = false;
  private readonly options: RefreshOptions;

  constructor(host: ReactiveControllerHost, options: RefreshOptions) {
    this.options = options;
    host.addController(this);
  }

  /** 0 turns polling off; failures still back off before the next automatic try. */
  set interval(ms: number) {
    const next = Number.isFinite(ms) && ms >= 0 ? ms : DEFAULT_REFRESH_MS;
    if (next === this.intervalMs) return;
    this.intervalMs = next;
    this.schedule(this.intervalMs);
  }

  get interval(): number {
    return this.intervalMs;
  }

  /** The delay before the next automatic refresh, for display and tests. */
  get nextDelay(): number | undefined {
    return this.timer === undefined ? undefined : Math.max(0, this.dueAt - Date.now());
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    this.schedule(this.intervalMs);
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.clear();
    this.options.abort?.();
  }

  succeeded(): void {
    this.failures = 0;
    this.schedule(this.intervalMs);
  }

  /**
   * A failed refresh: the next one backs off. `streak` says how many failures in a row this is
   * when a success came between them (a load that arrived but could not be shown).
   */
  failed(retryAfterMs?: number, streak = this.failures + 1): void {
    this.failures = streak;
    const base = Math.max(this.intervalMs || DEFAULT_REFRESH_MS, 1_000);
    const exponential = Math.min(base * 2 ** (this.failures - 1), MAX_BACKOFF_MS);
    const jitter = 0.8 + (this.options.random ?? Math.random)() * 0.4;
    const delay = Math.min(Math.max(exponential * jitter, retryAfterMs ?? 0), Math.max(MAX_BACKOFF_MS, retryAfterMs ?? 0));
    // With polling off there is no automatic retry: the person retries.
    if (this.intervalMs === 0) return this.clear();
    this.schedule(delay);
  }

  /** Refresh now and restart the clock. */
  refreshNow(): void {
    this.clear();
    this.options.refresh();
  }

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') return this.clear();
    if (this.dueAt && Date.now() >= this.dueAt) this.refreshNow();
    else this.schedule(Math.max(0, this.dueAt - Date.now()));
  };

  private schedule(delay: number): void {
    this.clear();
    if (!this.connected || delay <= 0 || (this.intervalMs === 0 && this.failures === 0)) return;
    this.dueAt = Date.now() + delay;
    if (document.visibilityState === 'hidden') return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.options.refresh();
    }, delay);
  }

  private clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
