import { toWidgetError, type Section } from '../kit/index.js';

/**
 * Results fetched on demand, one per key and generation (a generation is one
 * load of the widget's main data), with at most one request per key in flight.
 * The previous generation's result stays readable until the new one lands, so
 * a refresh does not flash "loading" over data already on screen.
 */
export class LazyResults<T> {
  private readonly results = new Map<string, { generation: number; outcome: Section<T> }>();
  private readonly pending = new Set<string>();

  get(key: string): Section<T> | undefined {
    return this.results.get(key)?.outcome;
  }

  /** Drops a result (e.g. a failure the person retries). */
  forget(key: string): void {
    this.results.delete(key);
  }

  /**
   * Starts `load` unless this generation's result is there or on its way. An aborted
   * load stores nothing (the key is fetched again next time); `settled` runs after.
   */
  ensure(key: string, generation: number, signal: AbortSignal, load: () => Promise<T>, settled: () => void): void {
    if (this.pending.has(key) || this.results.get(key)?.generation === generation || signal.aborted) return;
    this.pending.add(key);
    load()
      .then(
        (value) => this.results.set(key, { generation, outcome: { ok: true, value } }),
        (error: unknown) => {
          if (!signal.aborted) this.results.set(key, { generation, outcome: { ok: false, reason: toWidgetError(error).reason } });
        },
      )
      .finally(() => {
        this.pending.delete(key);
        settled();
      })
      .catch(() => undefined);
  }
}
