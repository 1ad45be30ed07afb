import type { ZodMiniType } from 'zod/mini';
import { WidgetError, validate } from '../kit/index.js';
import { podSchema, podSummarySchema, type PodSummarySource } from './k8s-pods.api.js';
import { podDetails, summarizePod, type PodDetails, type PodSummary } from './k8s-pods.pod-view.js';
import { podProblems, type FoundProblem } from './k8s-pods.problems.js';
import type { PodStatus } from './k8s-pods.status.js';

/**
 * A pod of the list: validated and summarised for the counts, the sort, the filters and the
 * problems; validated for its row, and the row's details derived, when the row is first shown.
 * Of 5,000 pods only the rows ever scrolled into view cost that.
 */
export class PodRow implements PodSummary {
  readonly name: string;
  readonly namespace?: string;
  readonly status: PodStatus;
  readonly reason?: string;
  readonly message?: string;
  readonly #item: unknown;
  /** The pod's place in the latest list: the path of a row that does not match. */
  #index: number;
  #details?: PodDetails;

  constructor(item: unknown, pod: PodSummarySource, index: number) {
    ({ name: this.name, namespace: this.namespace, status: this.status, reason: this.reason, message: this.message } = summarizePod(pod));
    this.#item = item;
    this.#index = index;
  }

  /** The same pod, unchanged, at another place in a newer list. */
  moveTo(index: number): void {
    this.#index = index;
  }

  /** Throws the list's "Unexpected response (at items[N]…)" WidgetError when a field the row reads does not match. */
  get details(): PodDetails {
    return (this.#details ??= podDetails(validateItem(podSchema, this.#item, this.#index)));
  }
}

/** The first of these rows whose pod does not match what its row reads, as its WidgetError. */
export function rowsFailure(rows: readonly PodRow[]): WidgetError | undefined {
  try {
    for (const row of rows) void row.details;
    return undefined;
  } catch (error) {
    if (error instanceof WidgetError) return error;
    throw error;
  }
}

export interface PodEntry {
  view: PodRow;
  problems: FoundProblem[];
}

/** `uid@resourceVersion`: the API server changes resourceVersion on every change of the object. */
function versionKey(item: unknown): string | undefined {
  const metadata = typeof item === 'object' && item !== null ? (item as { metadata?: unknown }).metadata : undefined;
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const { uid, resourceVersion } = metadata as { uid?: unknown; resourceVersion?: unknown };
  return typeof uid === 'string' && typeof resourceVersion === 'string' && uid && resourceVersion ? `${uid}@${resourceVersion}` : undefined;
}

/**
 * Validated pods and what is derived from them, kept between refreshes: a refresh of
 * 5,000 pods of which 50 changed validates and derives only those 50. Objects without
 * uid and resourceVersion are always validated afresh.
 */
export class PodCache {
  private entries = new Map<string, PodEntry>();

  update(items: readonly unknown[]): PodEntry[] {
    const next = new Map<string, PodEntry>();
    const result = items.map((item, index) => {
      const key = versionKey(item);
      let entry = key === undefined ? undefined : this.entries.get(key);
      if (entry) {
        entry.view.moveTo(index);
      } else {
        const pod = validateItem(podSummarySchema, item, index);
        entry = { view: new PodRow(item, pod, index), problems: podProblems(pod) };
      }
      if (key !== undefined) next.set(key, entry);
      return entry;
    });
    this.entries = next;
    return result;
  }
}

function validateItem<T>(schema: ZodMiniType<T>, item: unknown, index: number): T {
  try {
    return validate(schema, item);
  } catch (error) {
    if (!(error instanceof WidgetError)) throw error;
    const path = `items[${index}]${error.path && error.path !== '(root)' ? `.${error.path}` : ''}`;
    throw new WidgetError('invalid-response', `Response does not match the expected shape at ${path}`, { path });
  }
}
