import { buildUrl, encodeSegment, type Query } from '../kit/index.js';

/**
 * A link into a single-page UI that routes on the hash (`{ui}/#/namespaces/{ns}/…`),
 * as the Tekton Dashboard does. The base goes through buildUrl (http(s) only);
 * each hash segment is encoded like a path segment, so `.`/`..`/empty are refused.
 * Proposed for the kit as `buildHashUrl(base, segments, query)` in urls.ts.
 */
export function buildHashUrl(
  base: string | undefined,
  segments: ReadonlyArray<string>,
  query: Query = {},
): string | undefined {
  const root = buildUrl(base, []);
  if (!root) return undefined;
  let route: string;
  try {
    route = segments.map((segment) => encodeSegment(segment)).join('/');
  } catch {
    return undefined;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(key, item);
    else params.append(key, String(value));
  }
  const search = params.toString();
  return `${root}#/${route}${search ? `?${search}` : ''}`;
}
