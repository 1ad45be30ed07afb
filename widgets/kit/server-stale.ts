import { STALE_AGE_HEADER, STALE_REASON_HEADER } from '@platform-widgets/backstage-plugin-common/contract';
import type { PlatformHost } from './host.js';

/** A copy the server kept and served because the tool failed: how old it is and why. */
export interface ServerStale {
  ageSeconds: number;
  reason: string;
}

function readStale(response: Response): ServerStale | undefined {
  const age = response.headers.get(STALE_AGE_HEADER);
  if (age === null || !/^\d+$/.test(age)) return undefined;
  let reason = response.headers.get(STALE_REASON_HEADER) ?? '';
  try {
    reason = decodeURIComponent(reason);
  } catch {
    // Shown as sent: it is rendered as text either way.
  }
  return { ageSeconds: Number(age), reason: reason.slice(0, 200) || 'the tool failed' };
}

/**
 * The host with a fetch that notices answers the backend plugin marked stale (it served a
 * kept copy because the tool failed), so the widget can say so instead of showing them as current.
 */
export function watchServerStale(host: PlatformHost, onStale: (stale: ServerStale) => void): PlatformHost {
  const inner: typeof fetch = host.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    ...host,
    fetch: async (input, init) => {
      const response = await inner(input, init);
      const stale = readStale(response);
      if (stale) onStale(stale);
      return response;
    },
  };
}
