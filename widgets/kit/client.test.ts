import { HttpResponse, delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { apiRequest } from './client.js';
import { WidgetError } from './errors.js';
import type { PlatformHost } from './host.js';
import { TEST_TOKEN, fakeHost } from './testing/fake-host.js';
import { requests, useHandlers } from './testing/msw.js';

const thing = z.object({ name: z.string(), count: z.optional(z.number()) });
const get = (host: PlatformHost, path: string[], extra: { signal?: AbortSignal; fresh?: boolean } = {}) =>
  apiRequest(host, { system: 'argocd', path, schema: thing, ...extra });

async function failure(promise: Promise<unknown>): Promise<WidgetError> {
  const error: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WidgetError);
  return error as WidgetError;
}

describe('client', () => {
  it('sends the token only in the Authorization header, only to the configured base', async () => {
    useHandlers(
      http.get('/proxy/argocd/things/a', () => HttpResponse.json({ name: 'a' })),
      http.get('https://elsewhere.example.com/things/a', () => HttpResponse.json({ name: 'a' })),
    );
    await get(fakeHost(), ['things', 'a']);
    const [own] = requests('/proxy/argocd/things/a');
    expect(own?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(own?.url).not.toContain(TEST_TOKEN);

    // A second system pointing at a foreign origin gets its own base, and a token only if it is that base.
    const foreign = fakeHost({ endpoints: { argocd: { api: 'https://elsewhere.example.com' } } });
    await get(foreign, ['things', 'a']);
    const [other] = requests('elsewhere.example.com');
    expect(other?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(requests().every((r) => !r.url.includes(TEST_TOKEN))).toBe(true);
  });

  it('never lets a caller set Authorization', async () => {
    useHandlers(http.get('/proxy/argocd/x', () => HttpResponse.json({ name: 'x' })));
    await apiRequest(fakeHost({ token: () => Promise.resolve(undefined) }), {
      system: 'argocd',
      path: ['x'],
      schema: thing,
      headers: { Authorization: 'Bearer stolen' },
    });
    expect(requests('/x')[0]?.headers.authorization).toBeUndefined();
  });

  it('maps statuses to typed errors and honours Retry-After', async () => {
    const cases: Array<[number, string]> = [[401, 'unauthorized'], [403, 'forbidden'], [404, 'not-found'], [429, 'rate-limited'], [400, 'rejected'], [500, 'unavailable'], [503, 'unavailable']];
    for (const [status, kind] of cases) {
      useHandlers(http.get('/proxy/argocd/s', () => new HttpResponse(null, { status, headers: { 'Retry-After': '7' } })));
      const error = await failure(get(fakeHost(), ['s']));
      expect(error.kind).toBe(kind);
      expect(error.status).toBe(status);
      if (status === 429) expect(error.retryAfterMs).toBe(7_000);
    }
  });

  it('times out, and reports network errors and bad JSON', async () => {
    useHandlers(http.get('/proxy/argocd/slow', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }));
    expect((await failure(get(fakeHost({ timeoutMs: 100 }), ['slow']))).kind).toBe('timeout');
    useHandlers(http.get('/proxy/argocd/down', () => HttpResponse.error()));
    expect((await failure(get(fakeHost(), ['down']))).kind).toBe('network');
    useHandlers(http.get('/proxy/argocd/junk', () => new HttpResponse('<html>login</html>')));
    expect((await failure(get(fakeHost(), ['junk']))).kind).toBe('invalid-response');
  });

  it('names the path of the first schema mismatch; tolerates unknown and missing optional fields', async () => {
    useHandlers(
      http.get('/proxy/argocd/bad', () => HttpResponse.json({ name: 3 })),
      http.get('/proxy/argocd/extra', () => HttpResponse.json({ name: 'x', unknown: { deep: true } })),
    );
    const error = await failure(get(fakeHost(), ['bad']));
    expect(error.path).toBe('name');
    expect(error.reason).toBe('Unexpected response (at name)');
    await expect(get(fakeHost(), ['extra'])).resolves.toEqual({ name: 'x' });
  });

  it('de-duplicates identical in-flight GETs and caches them briefly', async () => {
    useHandlers(http.get('/proxy/argocd/shared', async () => {
      await delay(50);
      return HttpResponse.json({ name: 'shared' });
    }));
    const host = fakeHost({ cacheTtlMs: 5_000 });
    await Promise.all([get(host, ['shared']), get(host, ['shared']), get(host, ['shared'])]);
    expect(requests('/shared')).toHaveLength(1);
    await get(host, ['shared']);
    expect(requests('/shared')).toHaveLength(1);
    await get(host, ['shared'], { fresh: true });
    expect(requests('/shared')).toHaveLength(2);
  });

  it('one waiter aborting does not cancel the shared request for the others', async () => {
    useHandlers(http.get('/proxy/argocd/both', async () => {
      await delay(80);
      return HttpResponse.json({ name: 'both' });
    }));
    const host = fakeHost();
    const leaving = new AbortController();
    const first = get(host, ['both'], { signal: leaving.signal });
    const second = get(host, ['both']);
    leaving.abort();
    await expect(first).rejects.toThrow();
    await expect(second).resolves.toEqual({ name: 'both' });
  });

  it('does not send a request when the system has no endpoint', async () => {
    const error = await failure(get(fakeHost({ endpoints: {} }), ['x']));
    expect(error.kind).toBe('rejected');
    expect(requests()).toHaveLength(0);
  });
});
