import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { MAX_CACHED_RESPONSES, apiRequest, apiText, cachedResponseCount, clearRequestCache } from './client.js';
import { WidgetError } from './errors.js';
import type { PlatformHost } from './host.js';
import { TEST_TOKEN, fakeHost } from './testing/fake-host.js';
import { requests, useHandlers } from './testing/msw.js';

const thing = z.object({ name: z.string() });
const get = (host: PlatformHost, path: string[]) => apiRequest(host, { system: 'argocd', path, schema: thing });

async function failure(promise: Promise<unknown>): Promise<WidgetError> {
  const error: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WidgetError);
  return error as WidgetError;
}

describe('client: redirects are never followed', () => {
  for (const [where, location] of [['same origin', '/elsewhere/secret'], ['other origin', 'https://login.example.com/secret']] as const) {
    it(`a redirect to ${where} is not followed and says so (JSON and text)`, async () => {
      useHandlers(
        http.get('/proxy/argocd/moved', () => new HttpResponse(null, { status: 302, headers: { Location: location } })),
        http.get(location, () => HttpResponse.json({ name: 'not yours' })),
      );
      const error = await failure(get(fakeHost(), ['moved']));
      expect(error.kind).toBe('redirected');
      expect(error.reason).toBe('Redirected — sign-in in front of the tool?');
      const text = await failure(apiText(fakeHost(), { system: 'argocd', path: ['moved'] }));
      expect(text.kind).toBe('redirected');
      expect(requests('/moved')).toHaveLength(2);
      expect(requests('secret')).toHaveLength(0);
    });
  }

  it('asks fetch not to follow, and a 3xx from a fetch that follows anyway is refused', async () => {
    const seen: Array<RequestRedirect | undefined> = [];
    const host = fakeHost({
      fetch: (_input, init) => {
        seen.push(init?.redirect);
        return Promise.resolve(new Response(null, { status: 307, headers: { Location: '/x' } }));
      },
    });
    expect((await failure(get(host, ['a']))).kind).toBe('redirected');
    expect((await failure(apiText(host, { system: 'argocd', path: ['a'] }))).kind).toBe('redirected');
    expect(seen).toEqual(['manual', 'manual']);
  });

  it('a redirect the backend plugin refused to follow (502 + X-Platform-Widgets-Redirected) says so too', async () => {
    useHandlers(
      http.get('/proxy/argocd/behind-sso', () =>
        HttpResponse.json({ error: 'argocd redirected (a sign-in page in front of the tool?)' }, { status: 502, headers: { 'X-Platform-Widgets-Redirected': '1' } }),
      ),
      http.get('/proxy/argocd/plain-502', () => HttpResponse.json({ error: 'bad gateway' }, { status: 502 })),
    );
    expect((await failure(get(fakeHost(), ['behind-sso']))).reason).toBe('Redirected — sign-in in front of the tool?');
    expect((await failure(get(fakeHost(), ['plain-502']))).kind).toBe('unavailable');
  });
});

describe('client: the sign-in token', () => {
  const cases: Array<[string, PlatformHost['token']]> = [
    ['throws', () => Promise.reject(new Error('no session'))],
    ['throws synchronously', () => { throw new Error('boom'); }],
    ['hangs', () => new Promise<string>(() => undefined)],
    ['has CR/LF', () => Promise.resolve(`${TEST_TOKEN}\r\nX-Evil: 1`)],
    ['is not Latin-1', () => Promise.resolve('tökén-€')],
  ];
  for (const [what, token] of cases) {
    it(`a token function that ${what} is "sign-in token unavailable", and nothing is sent`, async () => {
      useHandlers(http.get('/proxy/argocd/t', () => HttpResponse.json({ name: 't' })));
      const error = await failure(get(fakeHost({ token, timeoutMs: 200 }), ['t']));
      expect(error.kind).toBe('token-unavailable');
      expect(error.reason).toBe('Sign-in token unavailable');
      expect(requests('/t')).toHaveLength(0);
    });
  }
});

describe('client: the page-wide cache is bounded', () => {
  it(`keeps at most ${MAX_CACHED_RESPONSES} answers, the newest`, async () => {
    useHandlers(http.get('/proxy/argocd/apps/:name', ({ params }) => HttpResponse.json({ name: String(params.name) })));
    const host = fakeHost({ cacheTtlMs: 60_000 });
    for (let i = 0; i < 500; i += 1) await get(host, ['apps', `app-${i}`]);
    expect(cachedResponseCount()).toBe(MAX_CACHED_RESPONSES);
    // The newest are kept: app-499 comes from the cache, app-0 is asked again.
    await get(host, ['apps', 'app-499']);
    expect(requests('/apps/app-499')).toHaveLength(1);
    await get(host, ['apps', 'app-0']);
    expect(requests('/apps/app-0')).toHaveLength(2);

  });

  it('drops expired answers when it writes a new one', async () => {
    useHandlers(http.get('/proxy/argocd/apps/:name', ({ params }) => HttpResponse.json({ name: String(params.name) })));
    clearRequestCache();
    const shortLived = fakeHost({ cacheTtlMs: 20 });
    for (const name of ['a', 'b', 'c']) await get(shortLived, ['apps', name]);
    expect(cachedResponseCount()).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 40));
    await get(fakeHost({ cacheTtlMs: 60_000 }), ['apps', 'd']);
    expect(cachedResponseCount()).toBe(1);
  });
});
