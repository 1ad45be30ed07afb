/** `base` + encoded path segments, or undefined unless `base` is an http(s) URL. */
export function toolUrl(base: string | undefined, segments: readonly string[] = []): string | undefined {
  if (!base) return undefined;
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const path = segments.filter(Boolean).map(encodeURIComponent).join('/');
  return path ? `${url.href.replace(/\/+$/, '')}/${path}` : url.href;
}
