import type { CacheService } from '@backstage/backend-plugin-api';
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CACHE_HEADER } from '../src/index.js';
import { startFakeTool, type FakeTool } from './fake-tool.js';
import { asUser, decisionsAsked, startBackend } from './test-backend.js';

const APP = '/argocd/api/v1/applications/guestbook';

describe('platform-widgets backend: shared reads', () => {
  let tool: FakeTool;
  let backend: Awaited<ReturnType<typeof startBackend>>;
  let name = 0;
  before(async () => {
    tool = await startFakeTool();
    backend = await startBackend({ toolUrl: tool.url, extraConfig: {} });
  });
  after(async () => {
    await backend.stop();
    await tool.close();
  });
  beforeEach(() => {
    tool.seen.length = 0;
    tool.reply = () => ({ body: { n: tool.seen.length }, delayMs: 50 });
    name += 1;
  });
  const read = (path: string, user = 'alice') => fetch(`${backend.base}${path}`, { headers: asUser(user) });

  it('50 concurrent reads from 5 users → 1 upstream request', async () => {
    const path = `/argocd/api/v1/applications/app-${name}`;
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => read(path, `user${i % 5}`)));
    assert.deepEqual(new Set(responses.map((r) => r.status)), new Set([200]));
    assert.equal(tool.seen.length, 1);
    const outcomes = responses.map((r) => r.headers.get(CACHE_HEADER));
    assert.equal(outcomes.filter((o) => o === 'miss').length, 1);
    // A read after the first answer comes from the cache.
    assert.equal((await read(path)).headers.get(CACHE_HEADER), 'hit');
    assert.equal(tool.seen.length, 1);
  });

  it("a user's read decision is reused for a few seconds; every action is decided afresh", async () => {
    decisionsAsked.count = 0;
    for (let i = 0; i < 5; i += 1) assert.equal((await read(`/argocd/api/v1/applications/reuse-${name}-${i}`, 'carol')).status, 200);
    assert.equal(decisionsAsked.count, 1);
    for (let i = 0; i < 3; i += 1) {
      const sync = await fetch(`${backend.base}/argocd/api/v1/applications/guestbook/sync`, { method: 'POST', headers: asUser('carol', 'component:default/guestbook'), body: '{}' });
      assert.equal(sync.status, 403);
    }
    assert.equal(decisionsAsked.count, 4);
  });

  it("429 + Retry-After: no upstream call until it passes; the kept copy is served meanwhile", async () => {
    const path = `/argocd/api/v1/applications?selector=app%3D${name}`;
    tool.reply = () => ({ status: 429, headers: { 'retry-after': '30' }, body: { error: 'slow down' } });
    const first = await read(path);
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '30');
    assert.equal(tool.seen.length, 1);
    const again = await read(`/argocd/api/v1/applications/other-${name}`);
    assert.equal(again.status, 429);
    assert.equal(again.headers.get(CACHE_HEADER), 'held');
    assert.equal(tool.seen.length, 1, 'held back: the tool asked to wait');
  });
});

describe('platform-widgets backend: a tool that fails serves the kept copy, marked stale', () => {
  it('after a successful action, the next read asks the tool again', async () => {
    let version = 1;
    const tool = await startFakeTool((request) => (request.method === 'POST' ? ((version = 2), { body: {} }) : { body: { version } }));
    const backend = await startBackend({ toolUrl: tool.url });
    try {
      const url = `${backend.base}${APP}`;
      assert.deepEqual(await (await fetch(url, { headers: asUser('alice') })).json(), { version: 1 });
      assert.equal((await fetch(url, { headers: asUser('alice') })).headers.get(CACHE_HEADER), 'hit');
      const sync = await fetch(`${url}/sync`, { method: 'POST', headers: asUser('alice', 'component:default/guestbook'), body: '{}' });
      assert.equal(sync.status, 200);
      assert.deepEqual(await (await fetch(url, { headers: asUser('alice') })).json(), { version: 2 });
      assert.equal(tool.seen.length, 3);
    } finally {
      await backend.stop();
      await tool.close();
    }
  });

  it('with a TTL passed and the tool down, the copy is served with X-Platform-Widgets-Stale-*', async () => {
    const tool = await startFakeTool(() => ({ body: { version: 1 } }));
    const backend = await startBackend({ toolUrl: tool.url, extraConfig: { platformWidgets: { endpoints: { argocd: { target: tool.url, cacheTtlSeconds: 0 } }, cache: { staleSeconds: 60 } } } });
    try {
      const url = `${backend.base}${APP}`;
      assert.equal((await fetch(url, { headers: asUser('alice') })).status, 200);
      tool.reply = () => ({ status: 500, body: { error: 'down' } });
      const stale = await fetch(url, { headers: asUser('alice') });
      assert.equal(stale.status, 200);
      assert.deepEqual(await stale.json(), { version: 1 });
      assert.equal(stale.headers.get(CACHE_HEADER), 'stale');
      assert.ok(Number(stale.headers.get('x-platform-widgets-stale-age')) >= 0);
      assert.match(decodeURIComponent(stale.headers.get('x-platform-widgets-stale-reason') ?? ''), /HTTP 500/);
      assert.equal(tool.seen.length, 2);
    } finally {
      await backend.stop();
      await tool.close();
    }
  });
});

describe('platform-widgets backend: a cache that hangs never hangs a request', () => {
  it('every cache call is bounded and counts as a miss', async () => {
    const never = new Promise<never>(() => {});
    const hanging: CacheService = { get: () => never, set: () => never, delete: () => never, withOptions: () => hanging };
    const tool = await startFakeTool(() => ({ body: { ok: true } }));
    const backend = await startBackend({ toolUrl: tool.url, cache: hanging });
    try {
      const started = performance.now();
      const response = await fetch(`${backend.base}${APP}`, { headers: asUser('alice') });
      const elapsed = performance.now() - started;
      assert.equal(response.status, 200);
      assert.ok(elapsed < 1500, `answered in ${Math.round(elapsed)} ms with a hanging cache`);
      assert.equal(tool.seen.length, 1);
    } finally {
      await backend.stop();
      await tool.close();
    }
  });
});
