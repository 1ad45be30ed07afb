import { WidgetError, validate } from '../kit/index.js';
import { podSchema, type Pod } from './k8s-pods.api.js';
import { PodRow } from './k8s-pods.pod-view.js';
import { podProblems, type FoundProblem } from './k8s-pods.problems.js';

export interface PodEntry {
  pod: Pod;
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
      if (!entry) {
        const pod = validateItem(item, index);
        entry = { pod, view: new PodRow(pod), problems: podProblems(pod) };
      }
      if (key !== undefined) next.set(key, entry);
      return entry;
    });
    this.entries = next;
    return result;
  }
}

function validateItem(item: unknown, index: number): Pod {
  try {
    return validate(podSchema, item);
  } catch (error) {
    if (!(error instanceof WidgetError)) throw error;
    const path = `items[${index}]${error.path && error.path !== '(root)' ? `.${error.path}` : ''}`;
    throw new WidgetError('invalid-response', `Response does not match the expected shape at ${path}`, { path });
  }
}
