import { UPSTREAM_CALLS, type CallMethod, type UpstreamCall } from './calls.js';
import type { SystemId } from './systems.js';

export interface MatchedCall {
  call: UpstreamCall;
  /** Path parameters by name (`{mount+}` joined with `/`). */
  params: Readonly<Record<string, string>>;
}

type Pattern = ReadonlyArray<{ literal: string } | { param: string; rest: boolean }>;

const patterns = new Map<string, Pattern>();

function compile(path: string): Pattern {
  let pattern = patterns.get(path);
  if (!pattern) {
    pattern = path
      .split('/')
      .filter(Boolean)
      .map((part) => {
        const param = /^\{([A-Za-z]+)(\+?)\}$/.exec(part);
        return param ? { param: param[1]!, rest: param[2] === '+' } : { literal: part };
      });
    patterns.set(path, pattern);
  }
  return pattern;
}

function matchSegments(pattern: Pattern, segments: readonly string[], params: Record<string, string>): boolean {
  const [head, ...tail] = pattern;
  if (!head) return segments.length === 0;
  if ('literal' in head) return segments[0] === head.literal && matchSegments(tail, segments.slice(1), params);
  if (!head.rest) {
    if (segments.length === 0) return false;
    params[head.param] = segments[0]!;
    return matchSegments(tail, segments.slice(1), params);
  }
  // One or more segments: the shortest run that lets the rest match.
  for (let take = 1; take <= segments.length; take += 1) {
    if (matchSegments(tail, segments.slice(take), params)) {
      params[head.param] = segments.slice(0, take).join('/');
      return true;
    }
  }
  return false;
}

/** A segment that could walk out of the path or smuggle a separator once forwarded. */
export function isUnsafeSegment(segment: string): boolean {
  return segment === '' || segment === '.' || segment === '..' || /[/\\]/.test(segment) || [...segment].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
}

/**
 * The widget call that a request is, or undefined when it is none of them. `segments` are
 * the decoded path segments below the tool's root; `queryKeys` the query parameter names.
 */
export function matchUpstreamCall(
  system: SystemId,
  method: string,
  segments: readonly string[],
  queryKeys: readonly string[],
): MatchedCall | undefined {
  if (segments.some(isUnsafeSegment)) return undefined;
  const upper = method.toUpperCase() as CallMethod;
  for (const call of UPSTREAM_CALLS[system]) {
    if (call.method !== upper) continue;
    if (call.when && !queryKeys.includes(call.when.query)) continue;
    const params: Record<string, string> = {};
    if (!matchSegments(compile(call.path), segments, params)) continue;
    const allowed = call.query ?? [];
    if (!queryKeys.every((key) => allowed.includes(key))) continue;
    return { call, params };
  }
  return undefined;
}
