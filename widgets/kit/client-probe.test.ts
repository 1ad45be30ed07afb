import { HttpResponse, delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiProbe } from './client.js';
import { WidgetError } from './errors.js';
import { TEST_TOKEN, fakeHost } from './testing/fake-host.js';
import { requests, useHandlers } from './testing/msw.js';

async function failure(promise: Promise<unknown>): Promise<WidgetError> {
  const error: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WidgetError);
  return error as WidgetError;
}

const FRAMING = ['x-frame-options', 'content-security-policy'];

describe('client: status and headers only (apiProbe)', () => {
  it('returns the status and only the asked-for headers, sending the token to the api base', async () => {
    useHandlers(http.get('/proxy/grafana/d-solo/abc', () => new HttpResponse('<html>big page</html>', {
      headers: { 'Content-Type': 'text/html', 'X-Frame-Options': 'DENY', 'X-Other': 'secret' },
    })));
    const result = await apiProbe(fakeHost(), {
      system: 'grafana',
      path: ['d-solo', 'abc'],
      query: { panelId: 4 },
      headers: { Authorization: 'Bearer stolen' },
      responseHeaders: FRAMING,
    });
    expect(result).toEqual({ status: 200, headers: { 'x-frame-options': 'DENY' }, crossOrigin: false });
    const [request] = requests('/d-solo/');
    expect(request?.url).toContain('/proxy/grafana/d-solo/abc?panelId=4');
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(request?.headers.accept).toBe('text/html');
  });

  it('hands back any HTTP status instead of throwing', async () => {
    useHandlers(
      http.get('/proxy/grafana/missing', () => new HttpResponse('no', { status: 404 })),
      http.get('/proxy/grafana/down', () => new HttpResponse('down', { status: 503, headers: { 'Retry-After': '30' } })),
    );
    expect((await apiProbe(fakeHost(), { system: 'grafana', path: ['missing'], responseHeaders: [] })).status).toBe(404);
    expect(await apiProbe(fakeHost(), { system: 'grafana', path: ['down'], responseHeaders: ['retry-after'] })).toEqual({ status: 503, headers: { 'retry-after': '30' }, crossOrigin: false });
  });

  it('never follows a redirect; network failures and timeouts are typed errors', async () => {
    useHandlers(
      http.get('/proxy/grafana/redirect', () => new HttpResponse(null, { status: 302, headers: { Location: '/sso/login' } })),
      http.get('/proxy/grafana/broken', () => HttpResponse.error()),
      http.get('/proxy/grafana/slow', async () => {
        await delay('infinite');
        return new HttpResponse('');
      }),
    );
    expect((await failure(apiProbe(fakeHost(), { system: 'grafana', path: ['redirect'], responseHeaders: [] }))).kind).toBe('redirected');
    expect(requests('/sso')).toEqual([]);
    expect((await failure(apiProbe(fakeHost(), { system: 'grafana', path: ['broken'], responseHeaders: [] }))).kind).toBe('network');
    expect((await failure(apiProbe(fakeHost({ timeoutMs: 200 }), { system: 'grafana', path: ['slow'], responseHeaders: [] }))).kind).toBe('timeout');
  });

  it('an aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(apiProbe(fakeHost(), { system: 'grafana', path: ['x'], responseHeaders: [], signal: controller.signal })).rejects.toThrow();
    expect(requests()).toHaveLength(0);
  });
});
