import { HttpResponse, delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiText } from './client.js';
import { WidgetError } from './errors.js';
import { TEST_TOKEN, fakeHost } from './testing/fake-host.js';
import { requests, useHandlers } from './testing/msw.js';

async function failure(promise: Promise<unknown>): Promise<WidgetError> {
  const error: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WidgetError);
  return error as WidgetError;
}

describe('client: plain text (apiText)', () => {
  it('returns the body as text, with the token only as Authorization, asking for text/plain', async () => {
    useHandlers(http.get('/proxy/kubernetes/api/v1/namespaces/a/pods/p/log', () => new HttpResponse('line 1\n<b>line 2</b>', { headers: { 'Content-Type': 'text/plain' } })));
    const text = await apiText(fakeHost(), {
      system: 'kubernetes',
      path: ['api', 'v1', 'namespaces', 'a', 'pods', 'p', 'log'],
      query: { container: 'web', tailLines: 100 },
      headers: { Authorization: 'Bearer stolen', 'X-Extra': '1' },
    });
    expect(text).toBe('line 1\n<b>line 2</b>');
    const [request] = requests('/log');
    expect(request?.url).toContain('/log?container=web&tailLines=100');
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(request?.headers.accept).toBe('text/plain');
    expect(request?.headers['x-extra']).toBe('1');
  });

  it('an empty log is an empty string, not an error', async () => {
    useHandlers(http.get('/proxy/kubernetes/log', () => new HttpResponse('', { headers: { 'Content-Type': 'text/plain' } })));
    await expect(apiText(fakeHost(), { system: 'kubernetes', path: ['log'] })).resolves.toBe('');
  });

  it('throws typed errors for statuses, and times out', async () => {
    useHandlers(
      http.get('/proxy/kubernetes/forbidden', () => new HttpResponse('forbidden', { status: 403 })),
      http.get('/proxy/kubernetes/slow', async () => {
        await delay('infinite');
        return new HttpResponse('');
      }),
    );
    expect((await failure(apiText(fakeHost(), { system: 'kubernetes', path: ['forbidden'] }))).reason).toBe('No access');
    expect((await failure(apiText(fakeHost({ timeoutMs: 200 }), { system: 'kubernetes', path: ['slow'] }))).kind).toBe('timeout');
  });

  it('rejects an unusable base and honours an aborted signal', async () => {
    const noBase = fakeHost({ endpoints: { kubernetes: { api: 'javascript:alert(1)' } } });
    expect((await failure(apiText(noBase, { system: 'kubernetes', path: ['x'] }))).kind).toBe('rejected');
    const controller = new AbortController();
    controller.abort();
    await expect(apiText(fakeHost(), { system: 'kubernetes', path: ['x'], signal: controller.signal })).rejects.toThrow();
    expect(requests()).toHaveLength(0);
  });
});
