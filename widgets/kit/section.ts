import { toWidgetError } from './errors.js';

/** A part of a widget that may fail on its own (RBAC, an API the tool does not serve) without failing the widget. */
export type Section<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Loads one section: a failure becomes the section's reason, except an abort of the whole load,
 * which still fails it. `notFound` explains a 404 (an API the tool does not serve).
 */
export async function loadSection<T>(signal: AbortSignal, load: () => Promise<T>, notFound?: string): Promise<Section<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    if (signal.aborted) throw error;
    const failure = toWidgetError(error);
    return { ok: false, reason: failure.kind === 'not-found' && notFound ? notFound : failure.reason };
  }
}

/** A promise's outcome with the error itself, for choosing which of several failures to report. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value): Settled<T> => ({ ok: true, value }),
    (error: unknown): Settled<T> => ({ ok: false, error }),
  );
}
