import { FORWARDED_REQUEST_HEADERS } from '@platform-widgets/backstage-plugin-common';
import type { ParsedCall } from './parse-request.js';

/** A tool's answer, as kept in the cache and sent on to the browser. */
export interface ToolAnswer {
  status: number;
  contentType: string;
  body: string;
  /** Seconds, from a 429/503 `Retry-After`. */
  retryAfterSeconds?: number;
  /** The response headers the call lists in `responseHeaders` (e.g. Grafana's framing headers), as the tool sent them. */
  headers?: Record<string, string>;
}

/** The headers of the tool's answer that this call passes back (only those its contract entry names). */
function passedHeaders(call: ParsedCall, response: Response): Record<string, string> | undefined {
  const names = call.call.responseHeaders;
  if (!names?.length) return undefined;
  const headers: Record<string, string> = {};
  for (const name of names) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return headers;
}

export class UpstreamError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The tool redirected (not followed): the widget is told with REDIRECTED_HEADER. */
    readonly redirected = false,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

export interface UpstreamOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  fetchImpl?: typeof fetch;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** The headers the tool sees: what the widget may send, then the server's credential. Never the user's token. */
export function upstreamHeaders(call: ParsedCall, incoming: Readonly<Record<string, string | string[] | undefined>>): Headers {
  const headers = new Headers({ Accept: String(incoming['accept'] ?? 'application/json') });
  if (call.method === 'POST') headers.set('Content-Type', 'application/json');
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  for (const [name, value] of Object.entries(call.endpoint.headers)) headers.set(name, value);
  return headers;
}

/**
 * Calls the tool once. Redirects are not followed (they would carry the server's
 * credential elsewhere; a tool API that redirects usually has a sign-in page in front).
 */
export async function callTool(call: ParsedCall, headers: Headers, body: string | undefined, options: UpstreamOptions): Promise<ToolAnswer> {
  const doFetch = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await doFetch(call.upstreamUrl, {
      method: call.method,
      headers,
      body: call.method === 'POST' ? (body ?? '') : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new UpstreamError(timedOut ? `${call.endpoint.key} did not answer within ${options.timeoutMs} ms` : `${call.endpoint.key} is unreachable`, timedOut ? 504 : 502);
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw new UpstreamError(`${call.endpoint.key} redirected (a sign-in page in front of the tool?)`, 502, true);
  }
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > options.maxResponseBytes) {
    await response.body?.cancel();
    throw new UpstreamError(`${call.endpoint.key} answered more than ${options.maxResponseBytes} bytes`, 502);
  }
  const text = await response.text();
  if (text.length > options.maxResponseBytes) throw new UpstreamError(`${call.endpoint.key} answered more than ${options.maxResponseBytes} bytes`, 502);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    body: text,
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
    headers: passedHeaders(call, response),
  };
}
