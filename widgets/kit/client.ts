import type { ZodMiniType } from 'zod/mini';
import { REDIRECTED_HEADER } from '@platform-widgets/backstage-plugin-common/contract';
import { WidgetError, kindForStatus, parseRetryAfter } from './errors.js';
import { resolveEndpoint, type PlatformHost, type SystemId } from './host.js';
import { buildUrl, isUnderBase, type Query, type Segment } from './urls.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CACHE_TTL_MS = 5_000;
/** The page-wide response cache keeps at most this many answers (oldest dropped first). */
export const MAX_CACHED_RESPONSES = 200;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest<T> {
  system: SystemId;
  instance?: string | null;
  /** Path below the system's `api` base, one entry per segment (each is encoded). */
  path: ReadonlyArray<string | Segment>;
  query?: Query;
  method?: HttpMethod;
  body?: unknown;
  /** Extra headers (never Authorization: the client alone decides that). */
  headers?: Readonly<Record<string, string>>;
  schema: ZodMiniType<T>;
  signal?: AbortSignal;
  /** Skip the short-lived cache, e.g. for a manual refresh. */
  fresh?: boolean;
  /**
   * A read sent as POST (e.g. a Connect RPC such as Kargo's ListStages): shared between callers
   * and cached like a GET, keyed by its body too. Never for anything that changes state.
   */
  read?: boolean;
}

interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  subscribers: number;
  /** Called when the last waiter left and the request was aborted. */
  abandoned?: () => void;
}

interface PageRequests {
  inFlight: Map<string, InFlight>;
  cache: Map<string, { expires: number; body: unknown }>;
}

// Registered symbol: two bundles of the library on one page still share one request table.
const PAGE_REQUESTS = Symbol.for('platform-widgets.requests');
type GlobalWithRequests = typeof globalThis & { [PAGE_REQUESTS]?: PageRequests };

function pageRequests(): PageRequests {
  const global = globalThis as GlobalWithRequests;
  return (global[PAGE_REQUESTS] ??= { inFlight: new Map(), cache: new Map() });
}

/** Forgets cached responses (tests, sign-out). */
export function clearRequestCache(): void {
  pageRequests().cache.clear();
}

/** How many answers the page-wide cache holds now (tests, diagnostics). */
export function cachedResponseCount(): number {
  return pageRequests().cache.size;
}

/** Stores an answer: expired entries go first, then the oldest beyond the cap. */
function remember(cache: PageRequests['cache'], key: string, body: unknown, ttl: number): void {
  const now = Date.now();
  for (const [stored, entry] of cache) if (entry.expires <= now) cache.delete(stored);
  cache.delete(key);
  cache.set(key, { expires: now + ttl, body });
  for (const stored of cache.keys()) {
    if (cache.size <= MAX_CACHED_RESPONSES) break;
    cache.delete(stored);
  }
}

function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('Aborted', 'AbortError');
}

/**
 * A redirect is never followed (it would carry the request and its token out of the api base):
 * the browser's own (opaque, or a 3xx from a host fetch), or one the backend plugin refused to follow.
 */
function throwIfRedirected(response: Response): void {
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400) || response.headers.get(REDIRECTED_HEADER) === '1') {
    throw new WidgetError('redirected', 'The tool answered with a redirect (not followed)', { status: response.status || undefined });
  }
}

/** What a failed fetch becomes: its own WidgetError, the abort's reason, or a network error. */
function requestFailure(error: unknown, controller: AbortController): Error {
  if (error instanceof WidgetError) return error;
  const reason: unknown = controller.signal.reason;
  if (controller.signal.aborted) return reason instanceof WidgetError ? reason : abortError(controller.signal);
  return new WidgetError('network', error instanceof Error ? error.message : 'Network error', { cause: error });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WidgetError('timeout', `${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

export function validate<T>(schema: ZodMiniType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? formatPath(issue.path) || '(root)' : '(root)';
  throw new WidgetError('invalid-response', `Response does not match the expected shape at ${path}`, { path });
}

async function send(
  doFetch: typeof fetch,
  url: string,
  init: RequestInit,
  controller: AbortController,
  timeoutMs: number,
  as: 'json' | 'text' = 'json',
): Promise<unknown> {
  const timer = setTimeout(
    () => controller.abort(new WidgetError('timeout', `No answer within ${timeoutMs} ms`)),
    timeoutMs,
  );
  try {
    // Never follow a redirect: it would carry the request (and its token) out of the api base,
    // and a sign-in page in front of the tool answers with one.
    const response = await doFetch(url, { ...init, redirect: 'manual', signal: controller.signal });
    throwIfRedirected(response);
    if (!response.ok) {
      throw new WidgetError(kindForStatus(response.status), `HTTP ${response.status}`, {
        status: response.status,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      });
    }
    const text = await response.text();
    if (as === 'text') return text;
    if (!text.trim()) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch (cause) {
      throw new WidgetError('invalid-response', 'Response is not JSON', { cause, path: '(body)' });
    }
  } catch (error) {
    throw requestFailure(error, controller);
  } finally {
    clearTimeout(timer);
  }
}

function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * What a waiter is told when the shared request failed. An abort this waiter did not cause
 * (the request was aborted under it) is a network failure for it, never a silent abort.
 */
function waiterError(error: unknown, signal: AbortSignal | undefined): Error {
  if (isAbortError(error) && !signal?.aborted) {
    return new WidgetError('network', 'The shared request was aborted under this caller', { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Waits for a shared request; when every waiter has gone, the request itself is aborted. */
function join(entry: InFlight, signal: AbortSignal | undefined): Promise<unknown> {
  entry.subscribers += 1;
  return new Promise((resolve, reject) => {
    let settled = false;
    const leave = () => {
      if (settled) return false;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      entry.subscribers -= 1;
      return true;
    };
    const onAbort = () => {
      if (!leave()) return;
      if (entry.subscribers === 0) {
        entry.abandoned?.();
        entry.controller.abort(abortError(signal));
      }
      reject(abortError(signal));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    entry.promise.then(
      (body) => leave() && resolve(body),
      (error: unknown) => leave() && reject(waiterError(error, signal)),
    );
  });
}

/** Header-safe: no control characters (CR/LF among them) and nothing outside Latin-1. */
function headerSafe(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code > 0xff) return false;
  }
  return true;
}

/**
 * The host's token for a system. A token function that throws, hangs past the timeout, or
 * returns something that cannot go into a header is a `token-unavailable` error.
 */
async function signInToken(host: PlatformHost, system: SystemId, timeoutMs: number): Promise<string | undefined> {
  const tokenFor = host.token;
  if (!tokenFor) return undefined;
  let token: unknown;
  try {
    token = await withTimeout(Promise.resolve().then(() => tokenFor(system)), timeoutMs, 'Getting the sign-in token');
  } catch (cause) {
    throw new WidgetError('token-unavailable', 'The sign-in token could not be obtained', { cause });
  }
  if (token === undefined || token === null || token === '') return undefined;
  if (typeof token !== 'string' || !headerSafe(token)) {
    throw new WidgetError('token-unavailable', 'The sign-in token cannot be sent in a header');
  }
  return token;
}

interface Prepared {
  url: string;
  headers: Headers;
  token: string | undefined;
  timeoutMs: number;
  doFetch: typeof fetch;
}

/**
 * What every request needs: the URL below the system's api base, the headers (the token as
 * Authorization only when the URL is under that base; callers cannot set Authorization), the
 * timeout and the fetch to use. Throws when nothing usable is configured or already aborted.
 */
async function prepare(host: PlatformHost, request: Omit<ApiRequest<unknown>, 'schema'>, accept: string): Promise<Prepared> {
  const endpoint = resolveEndpoint(host, request.system, request.instance);
  const url = buildUrl(endpoint?.api, request.path, request.query);
  if (!endpoint || !url) throw new WidgetError('rejected', `No usable API base configured for ${request.system}`);
  if (request.signal?.aborted) throw abortError(request.signal);

  const timeoutMs = host.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const token = isUnderBase(url, endpoint.api) ? await signInToken(host, request.system, timeoutMs) : undefined;
  if (request.signal?.aborted) throw abortError(request.signal);

  const headers = new Headers({ Accept: accept });
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (name.toLowerCase() !== 'authorization') headers.set(name, value);
  }
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const doFetch: typeof fetch = host.fetch ?? ((input, options) => globalThis.fetch(input, options));
  return { url, headers, token, timeoutMs, doFetch };
}

/** What a call to a tool needs: the host, the named instance, and the load's signal. */
export interface CallContext {
  host: PlatformHost;
  instance?: string;
  signal?: AbortSignal;
  /** A manual refresh: skip caches. */
  fresh?: boolean;
}

/** `apiRequest` within a call context: its host, instance (unless the request names one), signal and freshness. */
export function apiCall<T>(call: CallContext, request: Omit<ApiRequest<T>, 'signal' | 'fresh'>): Promise<T> {
  return apiRequest(call.host, { instance: call.instance, signal: call.signal, fresh: call.fresh, ...request });
}

/**
 * Requests JSON from a tool through the host, validates it and returns typed data.
 * Throws a WidgetError (never returns undefined for a failure).
 */
export async function apiRequest<T>(host: PlatformHost, request: ApiRequest<T>): Promise<T> {
  const method = request.method ?? 'GET';
  const { url, headers, token, timeoutMs, doFetch } = await prepare(host, request, 'application/json');
  if (request.body !== undefined) headers.set('Content-Type', 'application/json');
  const init: RequestInit = {
    method,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    credentials: 'same-origin',
  };

  if (method !== 'GET' && !request.read) {
    const controller = new AbortController();
    return validate(request.schema, await join(
      { promise: send(doFetch, url, init, controller, timeoutMs), controller, subscribers: 0 },
      request.signal,
    ));
  }

  const { inFlight, cache } = pageRequests();
  const key = `${method === 'GET' ? '' : `${method} `}${url}\n${token ?? ''}\n${JSON.stringify([...headers])}${method === 'GET' ? '' : `\n${typeof init.body === 'string' ? init.body : ''}`}`;
  const cached = cache.get(key);
  if (cached && cached.expires <= Date.now()) cache.delete(key);
  else if (!request.fresh && cached) return validate(request.schema, cached.body);

  let entry = request.fresh ? undefined : inFlight.get(key);
  if (!entry) {
    const controller = new AbortController();
    const ttl = host.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
    const promise = send(doFetch, url, init, controller, timeoutMs).then((body) => {
      if (ttl > 0) remember(cache, key, body, ttl);
      return body;
    });
    const created: InFlight = { promise, controller, subscribers: 0 };
    const forget = () => inFlight.get(key) === created && inFlight.delete(key);
    created.abandoned = forget;
    entry = created;
    inFlight.set(key, created);
    promise.then(forget, forget);
  }
  return validate(request.schema, await join(entry, request.signal));
}

export type TextRequest = Omit<ApiRequest<string>, 'schema' | 'method' | 'body'>;

/**
 * GETs plain text (e.g. a container log) with the same rules as `apiRequest`: token only to
 * the system's api base, timeout, abort, typed errors. Never cached (a log is read fresh).
 */
export async function apiText(host: PlatformHost, request: TextRequest): Promise<string> {
  const { url, headers, timeoutMs, doFetch } = await prepare(host, request, 'text/plain');
  const controller = new AbortController();
  const body = await join(
    { promise: send(doFetch, url, { method: 'GET', headers, credentials: 'same-origin' }, controller, timeoutMs, 'text'), controller, subscribers: 0 },
    request.signal,
  );
  return typeof body === 'string' ? body : '';
}

export interface ProbeRequest extends Omit<ApiRequest<never>, 'schema' | 'method' | 'body' | 'fresh'> {
  /** Response headers to hand back (lower case); every other header is left unread. */
  responseHeaders: readonly string[];
  /** Accept header sent (default `text/html`: a page is probed, not an API). */
  accept?: string;
}

export interface ProbeResult {
  status: number;
  /** The requested headers that came back; a header absent or not exposed (CORS) is missing. */
  headers: Readonly<Record<string, string>>;
  /**
   * The api base is on another origin (a CORS answer): only headers it lists in
   * `Access-Control-Expose-Headers` are readable, so a missing header proves nothing.
   */
  crossOrigin: boolean;
}

/**
 * GETs a page below a system's api base only to read its status and a few response headers
 * (e.g. whether it may be framed); the body is never read. Same rules as `apiRequest`: the
 * token only to the api base, redirects not followed (a `redirected` error), timeout, abort,
 * typed errors for the network and timeout. Any HTTP status is returned, not thrown. Never cached.
 */
export async function apiProbe(host: PlatformHost, request: ProbeRequest): Promise<ProbeResult> {
  const { url, headers, timeoutMs, doFetch } = await prepare(host, request, request.accept ?? 'text/html');
  const controller = new AbortController();
  const wanted = request.responseHeaders.map((name) => name.toLowerCase());
  const probe = async (): Promise<ProbeResult> => {
    const timer = setTimeout(() => controller.abort(new WidgetError('timeout', `No answer within ${timeoutMs} ms`)), timeoutMs);
    try {
      const response = await doFetch(url, { method: 'GET', headers, credentials: 'same-origin', redirect: 'manual', signal: controller.signal });
      // The body is not wanted: drop it unread.
      void response.body?.cancel().catch(() => undefined);
      throwIfRedirected(response);
      const found: Record<string, string> = {};
      for (const name of wanted) {
        const value = response.headers.get(name);
        if (value !== null) found[name] = value;
      }
      return { status: response.status, headers: found, crossOrigin: response.type === 'cors' };
    } catch (error) {
      throw requestFailure(error, controller);
    } finally {
      clearTimeout(timer);
    }
  };
  return (await join({ promise: probe(), controller, subscribers: 0 }, request.signal)) as ProbeResult;
}
