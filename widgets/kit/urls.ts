/**
 * Safe URL building. Bases must be http(s) (or a path on this page's origin);
 * every path segment and query value is encoded, so a value taken from an
 * attribute or an API can never become `javascript:`, another origin or a
 * walk up the path.
 */

export type QueryValue = string | number | boolean | undefined | null | readonly string[];
export type Query = Readonly<Record<string, QueryValue>>;

export interface Segment {
  value: string;
  /** Harbor wants a `/` inside a repository name encoded twice (`%252F`). */
  encodeTwice?: boolean;
}

function pageBase(): string {
  return globalThis.document?.baseURI ?? 'http://localhost/';
}

/** Parses a configured base; undefined unless it is http(s). */
export function parseBase(base: string | undefined): URL | undefined {
  if (!base) return undefined;
  try {
    const url = new URL(base, pageBase());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function encodeSegment(segment: string | Segment): string {
  const { value, encodeTwice } = typeof segment === 'string' ? { value: segment, encodeTwice: false } : segment;
  if (value === '' || value === '.' || value === '..') throw new RangeError(`Unsafe path segment: "${value}"`);
  const once = encodeURIComponent(value);
  return encodeTwice ? encodeURIComponent(once) : once;
}

/**
 * `buildUrl('https://argo.example.com', ['api', 'v1', 'applications', name], { project })`.
 * Returns undefined when the base is missing or not http(s), or a segment is unsafe.
 */
export function buildUrl(
  base: string | undefined,
  segments: ReadonlyArray<string | Segment>,
  query: Query = {},
): string | undefined {
  const url = parseBase(base);
  if (!url) return undefined;
  let path: string;
  try {
    path = segments.map(encodeSegment).join('/');
  } catch {
    return undefined;
  }
  const basePath = url.pathname.replace(/\/+$/, '');
  url.pathname = path ? `${basePath}/${path}` : basePath || '/';
  url.search = '';
  url.hash = '';
  const search = queryString(query);
  return search ? `${url.href}?${search}` : url.href;
}

/** Query values encoded; empty ones dropped, arrays repeated. */
export function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(key, item);
    else params.append(key, String(value));
  }
  return params.toString();
}

/**
 * A link into a single-page UI that routes on the hash (`{ui}/#/namespaces/{ns}/…`,
 * as the Tekton Dashboard does): the base must be http(s), each hash segment is
 * encoded like a path segment.
 */
export function buildHashUrl(base: string | undefined, segments: ReadonlyArray<string>, query: Query = {}): string | undefined {
  const root = buildUrl(base, []);
  if (!root) return undefined;
  let route: string;
  try {
    route = segments.map((segment) => encodeSegment(segment)).join('/');
  } catch {
    return undefined;
  }
  const search = queryString(query);
  return `${root}#/${route}${search ? `?${search}` : ''}`;
}

/** An href safe to put in a link: http(s) only, else undefined. */
export function safeHref(href: string | undefined | null): string | undefined {
  if (!href) return undefined;
  return parseBase(href)?.href;
}

/** True when `url` is the base itself or lies below it (same origin, path prefix at a segment boundary). */
export function isUnderBase(url: string, base: string): boolean {
  const target = parseBase(url);
  const root = parseBase(base);
  if (!target || !root || target.origin !== root.origin) return false;
  const rootPath = root.pathname.replace(/\/+$/, '');
  return target.pathname === rootPath || target.pathname.startsWith(`${rootPath}/`) || rootPath === '';
}
