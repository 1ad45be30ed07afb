import { matchUpstreamCall, type MatchedCall } from '@platform-widgets/backstage-plugin-common';
import type { ToolEndpoint } from './config.js';

export interface ParsedCall extends MatchedCall {
  endpoint: ToolEndpoint;
  method: 'GET' | 'POST';
  /** Decoded path segments below the tool's root. */
  segments: readonly string[];
  query: URLSearchParams;
  /** The tool URL the call goes to: segments re-encoded, query re-serialised. */
  upstreamUrl: string;
}

function decodeSegments(rawPath: string): string[] | undefined {
  try {
    return rawPath.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/**
 * Reads `/<endpoint key>/<tool path>?<query>` from the raw request URL (never a normalised
 * one: `..` and `%2e%2e` must not be resolved into another path) and returns the widget call
 * it is, or undefined when it is not one of them.
 */
export function parseCall(rawUrl: string, method: string, endpoints: ReadonlyMap<string, ToolEndpoint>): ParsedCall | undefined {
  const at = rawUrl.indexOf('?');
  const rawPath = at < 0 ? rawUrl : rawUrl.slice(0, at);
  const query = new URLSearchParams(at < 0 ? '' : rawUrl.slice(at + 1));
  if (!rawPath.startsWith('/')) return undefined;
  const decoded = decodeSegments(rawPath.slice(1));
  if (!decoded || decoded.length < 2) return undefined;
  const [key, ...segments] = decoded;
  const endpoint = endpoints.get(key!);
  if (!endpoint || (method !== 'GET' && method !== 'POST')) return undefined;
  const matched = matchUpstreamCall(endpoint.system, method, segments, [...new Set(query.keys())]);
  if (!matched) return undefined;
  const search = query.toString();
  const upstreamUrl = `${endpoint.target}/${segments.map((segment) => encodeURIComponent(segment)).join('/')}${search ? `?${search}` : ''}`;
  return { ...matched, endpoint, method, segments, query, upstreamUrl };
}
