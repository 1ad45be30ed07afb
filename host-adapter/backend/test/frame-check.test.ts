import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startFakeTool, type FakeTool } from './fake-tool.js';
import { SERVER_TOKEN, asUser, startBackend } from './test-backend.js';

const SOLO = '/grafana/d-solo/svc-overview?panelId=4&from=now-6h&to=now&theme=light';

describe("platform-widgets backend: Grafana's /d-solo/ frame check", () => {
  let tool: FakeTool;
  let backend: Awaited<ReturnType<typeof startBackend>>;
  before(async () => {
    tool = await startFakeTool();
    backend = await startBackend({
      toolUrl: tool.url,
      extraConfig: {
        platformWidgets: {
          endpoints: { grafana: { target: tool.url, ui: 'https://grafana.example.com', headers: { Authorization: `Bearer ${SERVER_TOKEN}` } } },
          cache: { ttlSeconds: 30, timeoutMs: 100 },
          upstreamTimeoutMs: 2000,
        },
      },
    });
  });
  after(async () => {
    await backend.stop();
    await tool.close();
  });
  beforeEach(() => {
    tool.seen.length = 0;
  });
  const call = (path: string) => fetch(`${backend.base}${path}`, { headers: { ...asUser('bob'), Accept: 'text/html' } });

  it("passes the tool's X-Frame-Options and Content-Security-Policy on, and no other of its headers", async () => {
    tool.reply = () => ({
      body: '<html></html>',
      headers: { 'content-type': 'text/html', 'x-frame-options': 'DENY', 'content-security-policy': "frame-ancestors 'none'", 'x-grafana-internal': 'leak' },
    });
    const response = await call(SOLO);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.equal(response.headers.get('content-security-policy'), "frame-ancestors 'none'");
    assert.equal(response.headers.get('x-grafana-internal'), null);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(tool.seen[0]!.url, '/d-solo/svc-overview?panelId=4&from=now-6h&to=now&theme=light');
    assert.equal(tool.seen[0]!.headers.authorization, `Bearer ${SERVER_TOKEN}`);
    // A cached answer keeps them.
    const again = await call(SOLO);
    assert.equal(again.headers.get('x-platform-widgets-cache'), 'hit');
    assert.equal(again.headers.get('x-frame-options'), 'DENY');
    assert.equal(tool.seen.length, 1);
  });

  it('a tool that sends no framing headers: none of the backend’s own reach the widget', async () => {
    tool.reply = () => ({ body: '<html></html>', headers: { 'content-type': 'text/html' } });
    const response = await call('/grafana/d-solo/abc123/checkout-overview?panelId=2&orgId=1');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-frame-options'), null);
    assert.equal(response.headers.get('content-security-policy'), null);
    assert.equal(tool.seen[0]!.url, '/d-solo/abc123/checkout-overview?panelId=2&orgId=1');
  });

  it('other Grafana reads pass no framing headers of the tool on', async () => {
    tool.reply = () => ({ body: [], headers: { 'x-frame-options': 'DENY' } });
    const response = await call('/grafana/api/search?type=dash-db&tag=x');
    assert.equal(response.status, 200);
    assert.notEqual(response.headers.get('x-frame-options'), 'DENY');
  });

  for (const path of [
    '/grafana/d-solo/svc-overview?panelId=4&var-service=checkout', // a dashboard variable: not a frame-check key
    '/grafana/d-solo/svc-overview?panelId=4&kiosk=1', // an unknown query key
    '/grafana/d-solo/svc-overview/slug/extra?panelId=4', // deeper than uid and slug
    '/grafana/d-solo/svc-overview?panelId=4&orgId=1&orgId=2&auth_token=x',
  ]) {
    it(`a /d-solo/ call outside the allowlist → 404, the tool untouched: ${path}`, async () => {
      const response = await call(path);
      assert.equal(response.status, 404);
      assert.equal(tool.seen.length, 0);
    });
  }
});
