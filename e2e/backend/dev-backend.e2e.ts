// The backend plugin in a real Backstage backend (auth, catalog, permission framework with the
// dev policy), two processes on a real Redis, a stand-in Argo CD that counts every request.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startFakeArgoCd, type FakeArgoCd } from '../fake-argocd.js';
import { BACKEND_FAKE_ARGOCD_PORT, DEV_BACKEND_PORT, DEV_BACKEND_REPLICA_PORT, REDIS_PORT } from '../servers.js';
import { signIn, startDevBackend, startRedis, writeConfig, type DevBackend } from './processes.js';

const SERVER_TOKEN = 'e2e-server-credential-51c0';
const GUESTBOOK = 'component:default/guestbook';

describe('backend plugin in a real Backstage backend, two replicas on Redis', () => {
  let tool: FakeArgoCd;
  let redis: { stop(): Promise<void> };
  let primary: DevBackend;
  let replica: DevBackend;
  const tokens = new Map<string, string>();

  before(async () => {
    tool = await startFakeArgoCd(BACKEND_FAKE_ARGOCD_PORT);
    redis = await startRedis(REDIS_PORT);
    const config = writeConfig({
      backend: { cache: { store: 'valkey', connection: `redis://127.0.0.1:${REDIS_PORT}` } },
      platformWidgets: { cache: { ttlSeconds: 60, timeoutMs: 250 } },
    });
    const env = { ARGOCD_URL: `http://127.0.0.1:${BACKEND_FAKE_ARGOCD_PORT}`, ARGOCD_TOKEN: SERVER_TOKEN };
    [primary, replica] = await Promise.all([
      startDevBackend(DEV_BACKEND_PORT, env, [config]),
      startDevBackend(DEV_BACKEND_REPLICA_PORT, env, [config]),
    ]);
    for (const user of ['alice', 'bob', 'carol', 'dave', 'erin']) tokens.set(user, await signIn(primary.url, user));
  });
  after(async () => {
    await Promise.all([primary?.stop(), replica?.stop()]);
    await redis?.stop();
    await tool?.close();
  });
  beforeEach(() => {
    tool.seen.length = 0;
    tool.script = undefined;
  });

  const api = (backend: DevBackend, path: string) => `${backend.url}/api/platform-widgets/argocd${path}`;
  const as = (user: string, entity?: string): Record<string, string> => ({
    Authorization: `Bearer ${tokens.get(user)}`,
    ...(entity ? { 'X-Platform-Widgets-Entity': entity } : {}),
  });
  const sync = (user: string, app: string, entity = GUESTBOOK) =>
    fetch(api(primary, `/api/v1/applications/${app}/sync`), { method: 'POST', headers: { ...as(user, entity), 'Content-Type': 'application/json' }, body: '{}' });

  it('alice (owner of guestbook) syncs guestbook: the tool sees one POST with the server credential', async () => {
    const response = await sync('alice', 'guestbook');
    assert.equal(response.status, 200, primary.output().slice(-2000));
    assert.equal(tool.seen.length, 1);
    assert.equal(tool.seen[0]!.method, 'POST');
    assert.equal(tool.seen[0]!.headers.authorization, `Bearer ${SERVER_TOKEN}`);
  });

  it('bob syncs guestbook: 403 with a reason, zero upstream requests', async () => {
    const response = await sync('bob', 'guestbook');
    assert.equal(response.status, 403);
    assert.match(((await response.json()) as { error: string }).error, /Not allowed/);
    assert.equal(tool.seen.length, 0);
  });

  it("alice syncs payments through guestbook's page: 403, zero upstream requests", async () => {
    const response = await sync('alice', 'payments');
    assert.equal(response.status, 403);
    assert.equal(tool.seen.length, 0);
  });

  it('no token: 401; a path outside the allowlist: 404; neither reaches the tool', async () => {
    assert.equal((await fetch(api(primary, '/api/v1/applications/guestbook'))).status, 401);
    assert.equal((await fetch(api(primary, '/api/v1/session'), { headers: as('alice') })).status, 404);
    assert.equal((await fetch(api(primary, '/api/v1/applications/guestbook/resource'), { headers: as('alice') })).status, 404);
    assert.equal(tool.seen.length, 0);
  });

  it('50 concurrent reads from 5 users: 1 upstream request', async () => {
    const users = ['alice', 'bob', 'carol', 'dave', 'erin'];
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => fetch(api(primary, '/api/v1/applications/redis-cache'), { headers: as(users[i % 5]!) })),
    );
    assert.deepEqual([...new Set(responses.map((r) => r.status))], [200]);
    assert.equal(tool.seen.length, 1);
  });

  it('the second replica serves from the shared Redis cache', async () => {
    const path = '/api/v1/applications?selector=team%3Dstorefront';
    assert.equal((await fetch(api(primary, path), { headers: as('alice') })).status, 200);
    assert.equal(tool.seen.length, 1);
    // A token from the replica itself: replicas with separate databases keep their own signing keys.
    const replicaToken = await signIn(replica.url, 'bob');
    const fromReplica = await fetch(api(replica, path), { headers: { Authorization: `Bearer ${replicaToken}` } });
    assert.equal(fromReplica.status, 200);
    assert.equal(fromReplica.headers.get('x-platform-widgets-cache'), 'hit');
    assert.equal(tool.seen.length, 1, 'the replica did not ask the tool');
  });

  it('429 + Retry-After: no upstream call until it passes', async () => {
    tool.script = () => ({ status: 429, headers: { 'retry-after': '5' }, body: { error: 'rate limited' } });
    const first = await fetch(api(primary, '/api/v1/applications/guestbook?project=held'), { headers: as('alice') });
    assert.equal(first.status, 429);
    assert.equal(tool.seen.length, 1);
    tool.script = undefined;
    for (const path of ['/api/v1/applications/guestbook?project=other', '/api/v1/applications/payments']) {
      const held = await fetch(api(primary, path), { headers: as('carol') });
      assert.equal(held.status, 429);
      assert.equal(held.headers.get('x-platform-widgets-cache'), 'held');
    }
    // The replica learns the hold from the shared cache too.
    const replicaToken = await signIn(replica.url, 'dave');
    assert.equal((await fetch(api(replica, '/api/v1/applications/payments?project=x'), { headers: { Authorization: `Bearer ${replicaToken}` } })).status, 429);
    assert.equal(tool.seen.length, 1);
    await new Promise((resolve) => setTimeout(resolve, 5200));
    assert.equal((await fetch(api(primary, '/api/v1/applications/payments'), { headers: as('carol') })).status, 200);
    assert.equal(tool.seen.length, 2);
  });

  it('Redis stopped mid-test: requests are still answered within the cache timeout', async () => {
    await redis.stop();
    const started = performance.now();
    const response = await fetch(api(primary, '/api/v1/applications/guestbook?project=after-redis'), { headers: as('erin') });
    const elapsed = performance.now() - started;
    assert.equal(response.status, 200);
    assert.ok(elapsed < 2000, `answered in ${Math.round(elapsed)} ms without Redis`);
    const denied = await sync('bob', 'guestbook');
    assert.equal(denied.status, 403, 'still refused without the cache');
    assert.equal(tool.seen.length, 1);
  });
});
