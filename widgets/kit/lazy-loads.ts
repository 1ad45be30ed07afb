import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toWidgetError } from './errors.js';
import type { Section } from './section.js';

/**
 * Parts of a widget fetched on demand after its main load (a folder opened, the details of the
 * rows on screen): one result per key and generation — a generation is one load of the main
 * data — at most one request per key in flight. The previous generation's result stays readable
 * until the new one lands, so a refresh does not flash "loading" over what is on screen. Requests
 * stop when the widget leaves the page or its configuration changes (`reset`).
 */
export class LazyLoads<T> implements ReactiveController {
  private readonly results = new Map<string, { generation: number; result: Section<T> }>();
  private readonly pending = new Set<string>();
  private lifetime = new AbortController();
  private generation = 0;
  private config?: string;
  private data?: unknown;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.lifetime.signal.aborted) this.lifetime = new AbortController();
  }

  hostDisconnected(): void {
    this.lifetime.abort();
  }

  /**
   * Call before each render with the widget's configuration and main data: a new configuration
   * drops everything fetched (and returns true); new main data (a refresh or poll) starts a new
   * generation, so each part is read again when next asked for.
   */
  track(config: string, data: unknown): boolean {
    const reset = config !== this.config;
    if (reset) {
      this.config = config;
      this.lifetime.abort();
      this.lifetime = new AbortController();
      this.results.clear();
      this.generation = 0;
      this.data = undefined;
    }
    if (data !== undefined && data !== this.data) {
      this.data = data;
      this.generation += 1;
    }
    return reset;
  }

  get(key: string): Section<T> | undefined {
    return this.results.get(key)?.result;
  }

  /** Drops a result (e.g. a failure the person retries). */
  forget(key: string): void {
    this.results.delete(key);
    this.host.requestUpdate();
  }

  /**
   * Starts `load` unless this generation's result is there or on its way; `fresh` is true after
   * the first generation (a refresh skips caches). An aborted load stores nothing.
   */
  ensure(key: string, load: (signal: AbortSignal, fresh: boolean) => Promise<T>): void {
    const { generation } = this;
    const { signal } = this.lifetime;
    if (this.pending.has(key) || this.results.get(key)?.generation === generation || signal.aborted) return;
    this.pending.add(key);
    load(signal, generation > 1)
      .then(
        (value) => this.results.set(key, { generation, result: { ok: true, value } }),
        (error: unknown) => {
          if (!signal.aborted) this.results.set(key, { generation, result: { ok: false, reason: toWidgetError(error).reason } });
        },
      )
      .finally(() => {
        this.pending.delete(key);
        this.host.requestUpdate();
      })
      .catch(() => undefined);
  }
}
