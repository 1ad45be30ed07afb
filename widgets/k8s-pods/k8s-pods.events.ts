import { parseTime } from '../kit/index.js';
import type { KubeEvent } from './k8s-pods.api.js';

export interface EventView {
  key: string;
  warning: boolean;
  reason: string;
  message: string;
  object: string;
  count: number;
  at?: number;
}

function eventTime(event: KubeEvent): number | undefined {
  return (parseTime(event.series?.lastObservedTime) ?? parseTime(event.lastTimestamp) ?? parseTime(event.eventTime)
    ?? parseTime(event.firstTimestamp) ?? parseTime(event.metadata?.creationTimestamp))?.getTime();
}

export const MAX_EVENTS = 20;

/**
 * Events about these pods and deployments (and the deployments' ReplicaSets, `{deployment}-{hash}`):
 * warnings first, newest first, at most MAX_EVENTS.
 */
export function relevantEvents(events: readonly KubeEvent[], podNames: ReadonlySet<string>, deploymentNames: readonly string[]): EventView[] {
  const about = (name: string) => podNames.has(name) || deploymentNames.some((d) => name === d || name.startsWith(`${d}-`));
  const views: EventView[] = [];
  events.forEach((event, index) => {
    const name = event.involvedObject?.name ?? '';
    if (!about(name)) return;
    views.push({
      key: event.metadata?.uid ?? event.metadata?.name ?? `event-${index}`,
      warning: event.type === 'Warning',
      reason: event.reason ?? '',
      message: event.message ?? '',
      object: `${event.involvedObject?.kind ?? 'Object'}/${name}`,
      count: event.series?.count ?? event.count ?? 1,
      at: eventTime(event),
    });
  });
  return views
    .sort((a, b) => Number(b.warning) - Number(a.warning) || (b.at ?? 0) - (a.at ?? 0))
    .slice(0, MAX_EVENTS);
}
