import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startFakeTool, type FakeTool } from './fake-tool.js';
import { SERVER_TOKEN, asUser, auditEvents, startBackend } from './test-backend.js';

const APP = '/argocd/api/v1/applications/guestbook';
const SYNC = '/argocd/api/v1/applications/guestbook/sync';

describe('platform-widgets backend: who may call what', () => {
  let tool: FakeTool;
  let backend: Awaited<ReturnType<typeof startBackend>>;
  before(async () => {
    tool = await startFakeTool();
    backend = await startBackend({ toolUrl: tool.url });
  });
  after(async () => {
    await backend.stop();
    await tool.close();
  });
  beforeEach(() => {
    tool.seen.length = 0;
    tool.reply = () => ({ body: { metadata: { name: 'guestbook' } } });
  });
  const call = (path: string, init: RequestInit = {}) => fetch(`${backend.base}${path}`, init);

  it('no token → 401, the tool untouched', async () => {
    const response = await call(APP);
    assert.equal(response.status, 401);
    assert.equal(tool.seen.length, 0);
  });

  it('a read: the tool sees the server credential, never the user token', async () => {
    const response = await call('/argocd/api/v1/applications/guestbook?project=storefront', { headers: asUser('bob') });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { metadata: { name: 'guestbook' } });
    assert.equal(tool.seen.length, 1);
    assert.equal(tool.seen[0]!.url, '/api/v1/applications/guestbook?project=storefront');
    assert.equal(tool.seen[0]!.headers.authorization, `Bearer ${SERVER_TOKEN}`);
    assert.ok(!JSON.stringify(tool.seen[0]!.headers).includes('mock-user-token'));
  });

  it('a read the policy denies → 403, the tool untouched', async () => {
    const response = await call('/argocd/api/v1/applications?selector=team%3Dpay', { headers: asUser('mallory') });
    assert.equal(response.status, 403);
    assert.equal(tool.seen.length, 0);
  });

  it("the selector list's fields= reaches Argo CD as is", async () => {
    const fields = 'items.metadata.name,items.status.sync.status,items.status.health';
    tool.reply = () => ({ body: { metadata: {}, items: Array.from({ length: 50 }, (_, i) => ({ metadata: { name: `app-${i}` }, status: { sync: { status: 'Synced' } } })) } });
    const response = await call(`/argocd/api/v1/applications?selector=team%3Dstorefront&fields=${encodeURIComponent(fields)}`, { headers: asUser('bob') });
    assert.equal(response.status, 200);
    assert.equal(tool.seen.length, 1);
    assert.equal(new URL(tool.seen[0]!.url, 'http://tool').searchParams.get('fields'), fields);
    assert.equal(((await response.json()) as { items: unknown[] }).items.length, 50);
  });

  for (const path of [
    '/argocd/api/v1/applications/guestbook/resource', // a real Argo CD path no widget calls
    '/argocd/api/v1/applications/guestbook?refresh=hard&upsert=true', // an unknown query key
    '/argocd/api/v1/applications/..%2F..%2Fsession', // an encoded slash
    '/argocd/api/v1/applications/%2e%2e/projects', // an encoded dot-dot
    '/argocd/api/v1/applications/guestbook/../../session', // a dot-dot
    '/argocd//api/v1/applications', // an empty segment
    '/vault/v1/secret/data/payments', // a secret value, not metadata
    '/grafana/api/search', // an endpoint that is not configured
    '/nope/api/v1/applications', // no such system
  ]) {
    it(`outside the allowlist → 404, the tool untouched: ${path}`, async () => {
      const response = await call(path, { headers: asUser('alice', 'component:default/guestbook') });
      assert.equal(response.status, 404);
      assert.equal(tool.seen.length, 0);
    });
  }

  it('a DELETE is never forwarded', async () => {
    const response = await call(APP, { method: 'DELETE', headers: asUser('alice', 'component:default/guestbook') });
    assert.equal(response.status, 404);
    assert.equal(tool.seen.length, 0);
  });

  it("the owner syncs the entity's own app", async () => {
    const response = await call(SYNC, { method: 'POST', headers: { ...asUser('alice', 'component:default/guestbook'), 'Content-Type': 'application/json' }, body: '{"prune":false}' });
    assert.equal(response.status, 200);
    assert.equal(tool.seen.length, 1);
    assert.equal(tool.seen[0]!.method, 'POST');
    assert.equal(tool.seen[0]!.body, '{"prune":false}');
    assert.equal(tool.seen[0]!.headers.authorization, `Bearer ${SERVER_TOKEN}`);
  });

  it("someone else's sync → 403 with a one-line reason, the tool untouched", async () => {
    const response = await call(SYNC, { method: 'POST', headers: asUser('bob', 'component:default/guestbook'), body: '{}' });
    assert.equal(response.status, 403);
    const body = (await response.json()) as { error: string };
    assert.match(body.error, /^Not allowed/);
    assert.ok(!body.error.includes('\n'));
    assert.equal(tool.seen.length, 0);
  });

  it('every action is audited: who asked, what, on which resource, and how it ended', async () => {
    auditEvents.length = 0;
    await call(SYNC, { method: 'POST', headers: asUser('alice', 'component:default/guestbook'), body: '{}' });
    await call(SYNC, { method: 'POST', headers: asUser('bob', 'component:default/guestbook'), body: '{}' });
    await call(APP, { headers: asUser('bob') });
    assert.equal(auditEvents.length, 2, 'reads are not audited, actions are');
    const [allowed, denied] = auditEvents;
    assert.deepEqual(allowed, {
      eventId: 'tool-action',
      meta: { action: 'argocd.application.sync', endpoint: 'argocd', path: '/api/v1/applications/guestbook/sync', entityRef: 'component:default/guestbook' },
      outcome: 'success',
      end: { resource: 'guestbook', status: 200 },
    });
    assert.equal(denied?.outcome, 'fail');
    assert.deepEqual(denied?.end, { status: 403, error: 'Not allowed: sync an argo cd application for component:default/guestbook' });
  });

  it('owning one entity grants nothing on an app another entity names → 403', async () => {
    const response = await call('/argocd/api/v1/applications/payments/sync', { method: 'POST', headers: asUser('alice', 'component:default/guestbook'), body: '{}' });
    assert.equal(response.status, 403);
    assert.match(((await response.json()) as { error: string }).error, /does not name payments/);
    assert.equal(tool.seen.length, 0);
  });

  it('an action without an entity, or with an unknown one → 403', async () => {
    assert.equal((await call(SYNC, { method: 'POST', headers: asUser('alice'), body: '{}' })).status, 403);
    assert.equal((await call(SYNC, { method: 'POST', headers: asUser('alice', 'component:default/nope'), body: '{}' })).status, 403);
    assert.equal((await call(SYNC, { method: 'POST', headers: asUser('alice', 'not a ref!'), body: '{}' })).status, 403);
    assert.equal(tool.seen.length, 0);
  });

  it("Argo CD's ?refresh= makes a read an action", async () => {
    assert.equal((await call(`${APP}?refresh=normal`, { headers: asUser('bob', 'component:default/guestbook') })).status, 403);
    assert.equal(tool.seen.length, 0);
    assert.equal((await call(`${APP}?refresh=normal`, { headers: asUser('alice', 'component:default/guestbook') })).status, 200);
    assert.equal(tool.seen.length, 1);
  });

  it('Kargo promote names its project in the body; pod logs their namespace in the path', async () => {
    const promote = '/kargo/akuity.io.kargo.service.v1alpha1.KargoService/PromoteToStage';
    const body = (project: string) => JSON.stringify({ project, stage: 'prod', freight: 'abc' });
    const headers = { ...asUser('alice', 'component:default/guestbook'), 'Connect-Protocol-Version': '1' };
    assert.equal((await call(promote, { method: 'POST', headers, body: body('payments') })).status, 403);
    assert.equal((await call(promote, { method: 'POST', headers, body: 'not json' })).status, 403);
    assert.equal(tool.seen.length, 0);
    assert.equal((await call(promote, { method: 'POST', headers, body: body('storefront') })).status, 200);
    assert.equal(tool.seen[0]!.headers['connect-protocol-version'], '1');
    const log = (namespace: string) => `/kubernetes/api/v1/namespaces/${namespace}/pods/web-1/log?container=web&tailLines=100`;
    assert.equal((await call(log('kube-system'), { headers: asUser('alice', 'component:default/guestbook') })).status, 403);
    assert.equal((await call(log('team-checkout'), { headers: asUser('alice', 'component:default/guestbook') })).status, 200);
    assert.equal(tool.seen.length, 2);
  });

  it("Harbor's double-encoded repository name reaches the tool as sent", async () => {
    tool.reply = () => ({ body: [] });
    const path = '/harbor/api/v2.0/projects/storefront/repositories/guestbook%252Fweb/artifacts?with_tag=true&page=1';
    assert.equal((await call(path, { headers: asUser('bob') })).status, 200);
    assert.equal(tool.seen[0]!.url, '/api/v2.0/projects/storefront/repositories/guestbook%252Fweb/artifacts?with_tag=true&page=1');
  });

  it("Harbor's vulnerability report of one artifact is a read; its other additions are not forwarded", async () => {
    tool.reply = () => ({ body: {} });
    const report = '/harbor/api/v2.0/projects/storefront/repositories/guestbook%252Fweb/artifacts/sha256%3Aab12/additions/vulnerabilities';
    assert.equal((await call(report, { headers: asUser('bob') })).status, 200);
    assert.equal(tool.seen.length, 1);
    const buildHistory = '/harbor/api/v2.0/projects/storefront/repositories/guestbook%252Fweb/artifacts/sha256%3Aab12/additions/build_history';
    assert.equal((await call(buildHistory, { headers: asUser('bob') })).status, 404);
    assert.equal(tool.seen.length, 1);
  });

  it("Harbor's artifact by tag or digest (image-trail's tag → digest) is a read", async () => {
    tool.reply = () => ({ body: {} });
    const path = '/harbor/api/v2.0/projects/storefront/repositories/guestbook%252Fweb/artifacts/1.8.2?with_tag=true&with_scan_overview=true';
    assert.equal((await call(path, { headers: asUser('bob') })).status, 200);
    assert.equal(tool.seen[0]!.url, '/api/v2.0/projects/storefront/repositories/guestbook%252Fweb/artifacts/1.8.2?with_tag=true&with_scan_overview=true');
  });

  it('a tool that redirects is not followed: 502 with the reason', async () => {
    tool.reply = () => ({ status: 302, headers: { location: 'http://127.0.0.1:1/login' } });
    const response = await call('/argocd/api/v1/applications/redirecting', { headers: asUser('bob') });
    assert.equal(response.status, 502);
    assert.equal(response.headers.get('x-platform-widgets-redirected'), '1');
    assert.match(((await response.json()) as { error: string }).error, /redirected/);
    assert.equal(tool.seen.length, 1);
  });
});

describe('platform-widgets backend: permission framework off', () => {
  let tool: FakeTool;
  let backend: Awaited<ReturnType<typeof startBackend>>;
  before(async () => {
    tool = await startFakeTool();
    backend = await startBackend({ toolUrl: tool.url, permissionEnabled: false });
  });
  after(async () => {
    await backend.stop();
    await tool.close();
  });

  it('refuses every action with 503 and a reason; reads still work', async () => {
    const sync = await fetch(`${backend.base}${SYNC}`, { method: 'POST', headers: asUser('alice', 'component:default/guestbook'), body: '{}' });
    assert.equal(sync.status, 503);
    assert.match(((await sync.json()) as { error: string }).error, /permission framework is not enabled/);
    assert.equal(tool.seen.length, 0);
    assert.equal((await fetch(`${backend.base}${APP}`, { headers: asUser('alice') })).status, 200);
    assert.equal(tool.seen.length, 1);
  });
});
