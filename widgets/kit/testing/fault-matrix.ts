import { HttpResponse, delay, http, type RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import type { WidgetState } from '../events.js';
import type { PlatformHost } from '../host.js';
import { fakeHost } from './fake-host.js';
import { shadow, visibleText, waitForState } from './mount.js';
import { requests, resetMocks, useHandlers } from './msw.js';

export const FAULTS = [
  '401',
  '403',
  '404',
  '429',
  '500',
  '502',
  '503',
  'timeout',
  'network',
  'malformed-json',
  'schema-invalid',
  'empty',
  'slow',
  'redirect-same-origin',
  'redirect-other-origin',
  'schema-wrong-object',
  '5mb-answer',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultMatrixOptions {
  /** Used in test names. */
  widget: string;
  /** Mounts the widget in a healthy configuration with the given host, polling at its default interval. */
  mount: (host: PlatformHost) => Promise<HTMLElement>;
  /** Healthy handlers for every request the widget makes. */
  handlers: () => RequestHandler[];
  /** The request the fault is injected into (an msw path, e.g. `/proxy/argocd/api/v1/applications/:name`). */
  url: string;
  method?: 'get' | 'post';
  /** A body that passes the schema but holds nothing: the empty state. */
  emptyBody: unknown;
  /** A JSON body that does not match the schema. */
  invalidBody: unknown;
  /** A schema-valid answer of at least 5 MB (e.g. tens of thousands of list items). */
  largeBody: () => unknown;
  /** The deep link the degraded state must offer. */
  deepLink: string;
  /** Where a tool gives a status another meaning (Vault: 404 = nothing at this path = empty). */
  overrides?: Partial<Record<Fault, { state: WidgetState; reason?: RegExp }>>;
}

interface Expectation {
  state: WidgetState;
  reason?: RegExp;
  respond: () => RequestHandler;
}

function expectations(options: FaultMatrixOptions): Record<Fault, Expectation> {
  const route = http[options.method ?? 'get'];
  const status = (code: number, headers: Record<string, string> = {}) => () =>
    route(options.url, () => new HttpResponse(JSON.stringify({ message: `status ${code}` }), { status: code, headers }));
  const redirect = (location: string) => () =>
    route(options.url, () => new HttpResponse(null, { status: 302, headers: { Location: location } }));
  return {
    'redirect-same-origin': { state: 'degraded', reason: /Redirected — sign-in in front of the tool\?/, respond: redirect('/sso/login?next=%2Fproxy') },
    'redirect-other-origin': { state: 'degraded', reason: /Redirected — sign-in in front of the tool\?/, respond: redirect('https://sso.example.com/login') },
    'schema-wrong-object': {
      state: 'degraded',
      reason: /Unexpected response \(at /,
      respond: () => route(options.url, () => HttpResponse.json({ kind: 'Unrelated', message: 'some other JSON object' })),
    },
    '5mb-answer': {
      state: 'ready',
      respond: () => route(options.url, () => {
        const body = JSON.stringify(options.largeBody());
        if (body.length < FIVE_MB) throw new Error(`largeBody is ${body.length} bytes, not 5 MB`);
        return new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } });
      }),
    },
    '401': { state: 'degraded', reason: /Sign-in needed/, respond: status(401) },
    '403': { state: 'degraded', reason: /No access/, respond: status(403) },
    '404': { state: 'degraded', reason: /Not found: check the annotation/, respond: status(404) },
    '429': { state: 'degraded', reason: /Too many requests/, respond: status(429, { 'Retry-After': '120' }) },
    '500': { state: 'degraded', reason: /Tool unavailable \(HTTP 500\)/, respond: status(500) },
    '502': { state: 'degraded', reason: /Tool unavailable \(HTTP 502\)/, respond: status(502) },
    '503': { state: 'degraded', reason: /Tool unavailable \(HTTP 503\)/, respond: status(503) },
    timeout: {
      state: 'degraded',
      reason: /no answer in time/,
      respond: () => route(options.url, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    },
    network: { state: 'degraded', reason: /network error/, respond: () => route(options.url, () => HttpResponse.error()) },
    'malformed-json': {
      state: 'degraded',
      reason: /Unexpected response/,
      respond: () => route(options.url, () => new HttpResponse('{"items": [', { headers: { 'Content-Type': 'application/json' } })),
    },
    'schema-invalid': {
      state: 'degraded',
      reason: /Unexpected response \(at /,
      respond: () => route(options.url, () => HttpResponse.json(options.invalidBody as Record<string, unknown>)),
    },
    empty: { state: 'empty', respond: () => route(options.url, () => HttpResponse.json(options.emptyBody as Record<string, unknown>)) },
    slow: {
      state: 'ready',
      respond: () => route(options.url, async () => {
        await delay(400);
        return HttpResponse.json(null);
      }),
    },
  };
}

/** Elements in a widget's shadow root, nested shadow roots included. */
export function shadowElementCount(element: Element): number {
  let count = 0;
  const walk = (root: ParentNode): void => {
    for (const child of root.querySelectorAll('*')) {
      count += 1;
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  if (element.shadowRoot) walk(element.shadowRoot);
  return count;
}

/** What a widget may show for a huge answer: its data, bounded, or the degraded state. */
export const MAX_ELEMENTS = 2_000;
const FIVE_MB = 5 * 1024 * 1024;

function stateOf(element: Element): string | null | undefined {
  return element.shadowRoot?.querySelector('[data-state]')?.getAttribute('data-state');
}

function deepLinkOf(element: HTMLElement): HTMLAnchorElement | null | undefined {
  return shadow(element).querySelector('pw-deep-link')?.shadowRoot?.querySelector('a');
}

/**
 * Runs the widget against each fault: the right state and reason, the deep link,
 * no uncaught error, and recovery once the fault clears.
 */
export function faultMatrix(options: FaultMatrixOptions): void {
  const table = expectations(options);
  for (const [fault, override] of Object.entries(options.overrides ?? {}) as Array<[Fault, { state: WidgetState; reason?: RegExp }]>) {
    table[fault] = { ...table[fault], state: override.state, reason: override.reason };
  }
  describe(`${options.widget}: fault matrix`, () => {
    for (const fault of FAULTS) {
      const expected = table[fault];
      it(`${fault} → ${expected.state}${expected.reason ? ` (${expected.reason.source})` : ''}, then recovers`, async () => {
        const uncaught: unknown[] = [];
        const onError = (event: ErrorEvent | PromiseRejectionEvent) => uncaught.push('reason' in event ? event.reason : event.error);
        window.addEventListener('error', onError);
        window.addEventListener('unhandledrejection', onError);
        try {
          if (fault === 'slow') {
            // Healthy answer, only late: loading first, then ready.
            useHandlers(...options.handlers());
            useHandlers(http[options.method ?? 'get'](options.url, async () => {
              await delay(400);
              return undefined;
            }));
          } else {
            // The first handler in one use() call wins: the fault goes first.
            useHandlers(expected.respond(), ...options.handlers());
          }
          // Only the timeout fault needs a short timeout; a loaded CI machine needs slack everywhere else.
          const element = await options.mount(fakeHost({ timeoutMs: fault === 'timeout' ? 400 : 5_000 }));
          if (fault === 'slow') await waitForState(element, 'loading', 1_000);
          if (fault === '5mb-answer') {
            // Ready with a bounded DOM, or degraded: never a node per item.
            const started = performance.now();
            await expect.poll(() => stateOf(element), { timeout: 10_000 }).toMatch(/^(ready|degraded)$/);
            await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
            const count = shadowElementCount(element);
            console.warn(`[5 MB] ${options.widget}: ${stateOf(element)} with ${count} elements in ${Math.round(performance.now() - started)} ms`);
            expect(count).toBeLessThan(MAX_ELEMENTS);
          } else await waitForState(element, expected.state);
          if (expected.reason) {
            expect(visibleText(element)).toMatch(expected.reason);
            expect(deepLinkOf(element)?.href).toBe(options.deepLink);
          }
          if (fault.startsWith('redirect')) expect(requests('/sso')).toEqual([]);
          if (fault === '429') {
            const next = (element as HTMLElement & { nextRefreshIn?: number }).nextRefreshIn ?? 0;
            expect(next).toBeGreaterThanOrEqual(119_000);
          }

          // The fault clears: a retry brings the data back.
          resetMocks();
          useHandlers(...options.handlers());
          if (fault === 'timeout') (element as HTMLElement & { host?: PlatformHost }).host = fakeHost({ timeoutMs: 5_000 });
          const retry = shadow(element).querySelector('pw-deep-link')?.shadowRoot?.querySelector('button')
            ?? shadow(element).querySelector<HTMLButtonElement>('button.refresh');
          retry?.click();
          await expect.poll(() => requests().length).toBeGreaterThan(0);
          await waitForState(element, 'ready');
          expect(uncaught).toEqual([]);
        } finally {
          window.removeEventListener('error', onError);
          window.removeEventListener('unhandledrejection', onError);
        }
      });
    }
  });
}
