import { useAnalytics } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import type { HostEvent } from '@platform-widgets/backstage-plugin-common';

/**
 * Widget actions (sync, refresh, promote, logs: requested, succeeded, failed, cancelled) as
 * Backstage analytics events, so an organisation's analytics/audit sink sees them. Events
 * carry no token; only the action, resource, phase and widget are forwarded.
 */
export function useActionAnalytics(): (event: HostEvent) => void {
  const analytics = useAnalytics();
  return useCallback(
    (event: HostEvent) => {
      if (event.type !== 'pw-action') return;
      const { action, resourceRef, phase } = event.detail;
      if (typeof action !== 'string') return;
      analytics.captureEvent(action, typeof resourceRef === 'string' ? resourceRef : '', {
        attributes: { widget: event.widget, ...(typeof phase === 'string' ? { phase } : {}) },
      });
    },
    [analytics],
  );
}
