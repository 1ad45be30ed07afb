import { describe, expect, it } from 'vitest';
import { WidgetError } from '../kit/index.js';
import { PodCache } from './k8s-pods.cache.js';
import { toPodView } from './k8s-pods.pod-view.js';
import { healthyPods, pod } from './fixtures/pods.js';

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('k8s-pods: pod cache', () => {
  it('reuses what it derived for pods whose uid and resourceVersion did not change', () => {
    const cache = new PodCache();
    const first = cache.update(asJson(healthyPods) as unknown[]);
    const changed = asJson(healthyPods) as Array<{ metadata: { resourceVersion: string } }>;
    const bumped = changed[1];
    if (!bumped) throw new Error('fixture changed');
    bumped.metadata.resourceVersion = `${bumped.metadata.resourceVersion}-2`;
    const second = cache.update(changed);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]?.view).toEqual(first[1]?.view);
  });

  it('always validates objects without a resourceVersion', () => {
    const cache = new PodCache();
    const bare = asJson(pod('bare')) as { metadata: { resourceVersion?: string } };
    delete bare.metadata.resourceVersion;
    const [a] = cache.update([bare]);
    const [b] = cache.update([bare]);
    expect(a).not.toBe(b);
  });

  it('names the item that does not match, as the list path', () => {
    const cache = new PodCache();
    const error = (() => {
      try {
        cache.update([asJson(healthyPods[0]), { metadata: { name: 42 } }]);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(WidgetError);
    expect((error as WidgetError).reason).toBe('Unexpected response (at items[1].metadata.name)');
  });

  it('passes over what it does not read; a field only a row reads is checked when the row is shown, and named', () => {
    const unread = asJson(pod('unread')) as { metadata: Record<string, unknown>; spec: { containers: Array<Record<string, unknown>> } };
    unread.metadata['labels'] = 'not a map';
    unread.metadata['annotations'] = 7;
    const container = unread.spec.containers[0];
    if (!container) throw new Error('fixture changed');
    container['image'] = 42;
    container['resources'] = { requests: { cpu: true } };
    const [first, second] = new PodCache().update([asJson(healthyPods[0]), unread]);
    expect(second?.view.name).toBe('unread');
    expect(first?.view.details.containers).toEqual(['web']);
    const error = (() => {
      try {
        return second?.view.details;
      } catch (caught) {
        return caught;
      }
    })();
    expect((error as WidgetError).reason).toBe('Unexpected response (at items[1].spec.containers[0].resources.requests.cpu)');
  });

  it('derives a row\'s details once, when first asked for', () => {
    const source = pod('row');
    const [entry] = new PodCache().update([asJson(source)]);
    if (!entry) throw new Error('no entry');
    const { details } = entry.view;
    expect(toPodView(source)).toEqual({ ...entry.view, ...details });
    expect(entry.view.details).toBe(details);
  });
});
