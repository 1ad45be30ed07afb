import { isSystemId, isUnsafeSegment, matchUpstreamCall } from '@platform-widgets/backstage-plugin-common/contract';
import type { LoggedRequest } from './msw.js';

/**
 * The requests that went to a test host's `/proxy/<system>` base but are none of the calls
 * the backend plugin forwards (the list shared with it). Deliberately hostile paths (a
 * segment with `/` or `..` once decoded) are left out: the backend refuses those with 404.
 */
export function callsOutsideAllowlist(logged: readonly LoggedRequest[]): string[] {
  const outside: string[] = [];
  for (const request of logged) {
    const url = new URL(request.url);
    const [proxy, system, ...raw] = url.pathname.split('/').slice(1);
    if (proxy !== 'proxy' || !system || !isSystemId(system)) continue;
    let segments: string[];
    try {
      segments = raw.map((segment) => decodeURIComponent(segment));
    } catch {
      continue;
    }
    if (segments.some(isUnsafeSegment)) continue;
    const keys = [...new Set(url.searchParams.keys())];
    if (!matchUpstreamCall(system, request.method, segments, keys)) outside.push(`${system}: ${request.method} /${raw.join('/')}${url.search}`);
  }
  return outside;
}
