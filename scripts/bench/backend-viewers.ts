// `npm run bench` (backend part): the real dev backend with the backend plugin, a stand-in
// Argo CD that counts what reaches it, and 1, 100 and 1,000 simulated viewers polling the
// same entity pages through the backend. Time is compressed 10×: the cache TTL is 1 s
// (10 s real) and each viewer polls every 3 s (30 s real), over a 9 s window (90 s real).
// Also: latency of a cached read and of a denied action, and the backend's memory.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { trimAnswer } from '../../host-adapter/backend/src/trim.js';
import { argoSelectorRefreshBytes } from './refresh-bytes.js';
import { signIn, startDevBackend, writeConfig } from '../../e2e/backend/processes.js';
import { startFakeArgoCd } from '../../e2e/fake-argocd.js';

const COMPRESSION = 10;
const TTL_S = 1;
const POLL_MS = 3_000;
const WINDOW_MS = 9_000;
const APPS = ['guestbook', 'redis-cache', 'payments'];
const TOOL_PORT = 5230;
const BACKEND_PORT = 5231;
const USERS = ['alice', 'bob', 'carol', 'dave', 'erin'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? NaN;

const tool = await startFakeArgoCd(TOOL_PORT);
const config = writeConfig({ platformWidgets: { cache: { ttlSeconds: TTL_S } } });
const backend = await startDevBackend(BACKEND_PORT, { ARGOCD_URL: `http://127.0.0.1:${TOOL_PORT}`, ARGOCD_TOKEN: 'bench' }, [config]);
const results: Record<string, unknown> = {};
try {
  const tokens = await Promise.all(USERS.map((user) => signIn(backend.url, user)));
  const url = (app: string) => `${backend.url}/api/platform-widgets/argocd/api/v1/applications/${app}`;

  const viewerRuns: Array<{ viewers: number; browserRequests: number; upstream: number; upstreamPerMinuteReal: number; answeredOk: number; p95Ms: number }> = [];
  for (const viewers of [1, 100, 1000]) {
    await sleep(TTL_S * 1000 + 100); // nothing cached from the last run
    tool.seen.length = 0;
    let browserRequests = 0;
    let answeredOk = 0;
    const latencies: number[] = [];
    const end = Date.now() + WINDOW_MS;
    await Promise.all(
      Array.from({ length: viewers }, async (_, i) => {
        await sleep(Math.random() * POLL_MS); // viewers opened the page at different moments
        while (Date.now() < end) {
          const started = performance.now();
          const response = await fetch(url(APPS[i % APPS.length]!), { headers: { Authorization: `Bearer ${tokens[i % tokens.length]}` } });
          await response.arrayBuffer();
          latencies.push(performance.now() - started);
          browserRequests += 1;
          if (response.ok) answeredOk += 1;
          await sleep(POLL_MS * (0.9 + Math.random() * 0.2));
        }
      }),
    );
    const upstream = tool.seen.length;
    viewerRuns.push({ viewers, browserRequests, upstream, upstreamPerMinuteReal: Math.round((upstream / (WINDOW_MS * COMPRESSION)) * 60_000 * 10) / 10, answeredOk, p95Ms: Math.round(p95(latencies)) });
  }
  results['viewers'] = viewerRuns;
  // The most a cache with this TTL lets through: one call per distinct URL per TTL.
  results['upstreamBoundPerMinuteReal'] = APPS.length * (60 / (TTL_S * COMPRESSION));

  const cached: number[] = [];
  await fetch(url('guestbook'), { headers: { Authorization: `Bearer ${tokens[0]}` } });
  for (let i = 0; i < 200; i += 1) {
    const started = performance.now();
    await (await fetch(url('guestbook'), { headers: { Authorization: `Bearer ${tokens[0]}` } })).arrayBuffer();
    cached.push(performance.now() - started);
  }
  const denied: number[] = [];
  const before = tool.seen.length;
  for (let i = 0; i < 50; i += 1) {
    const started = performance.now();
    const response = await fetch(`${url('guestbook')}/sync`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens[1]}`, 'X-Platform-Widgets-Entity': 'component:default/guestbook' },
      body: '{}',
    });
    await response.arrayBuffer();
    if (response.status !== 403) throw new Error(`denied action answered ${response.status}`);
    denied.push(performance.now() - started);
  }
  results['cachedReadMs'] = { median: Math.round(median(cached) * 100) / 100, p95: Math.round(p95(cached) * 100) / 100 };
  results['deniedActionMs'] = { median: Math.round(median(denied) * 100) / 100, p95: Math.round(p95(denied) * 100) / 100, upstreamCalls: tool.seen.length - before };
  const status = readFileSync(`/proc/${backend.process.pid}/status`, 'utf8');
  results['backendRssMb'] = Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024);
} finally {
  await backend.stop();
  await tool.close();
}

// Bytes per refresh of <k8s-pods> with 5,000 real-size pods: the real upstream pod when the
// shared fixtures are there, with the managedFields a real API server adds to every object.
const upstreamPod = '../shared/fixtures/upstream/kubernetes/pod-healthy.json';
const podBase = existsSync(upstreamPod)
  ? (JSON.parse(readFileSync(upstreamPod, 'utf8')) as { metadata: Record<string, unknown> })
  : { metadata: { name: 'web', namespace: 'storefront' }, spec: { containers: [{ name: 'web', image: 'web:1' }] }, status: { phase: 'Running' } };
const fieldsOf = (manager: string) => ({
  manager,
  operation: 'Update',
  apiVersion: 'v1',
  time: '2026-11-30T10:00:00Z',
  fieldsType: 'FieldsV1',
  fieldsV1: {
    'f:metadata': { 'f:labels': { '.': {}, 'f:app': {}, 'f:pod-template-hash': {} }, 'f:ownerReferences': { '.': {}, 'k:{"uid":"5f0c"}': {} } },
    'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:imagePullPolicy': {}, 'f:name': {}, 'f:ports': {}, 'f:resources': {} } } },
    'f:status': { 'f:conditions': { 'k:{"type":"Ready"}': { '.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {} } }, 'f:containerStatuses': {}, 'f:hostIP': {}, 'f:phase': {}, 'f:podIP': {}, 'f:startTime': {} },
  },
});
const podList = JSON.stringify({
  kind: 'PodList',
  apiVersion: 'v1',
  metadata: { resourceVersion: '1' },
  // Names, uids and times differ per pod as in a real list (identical copies would compress unrealistically well).
  items: Array.from({ length: 5000 }, (_, i) => ({
    ...podBase,
    metadata: {
      ...podBase.metadata,
      name: `web-${randomUUID().slice(0, 10)}-${i}`,
      uid: randomUUID(),
      resourceVersion: String(48_000_000 + Math.floor(Math.random() * 1e6)),
      creationTimestamp: new Date(Date.now() - Math.random() * 9e8).toISOString(),
      managedFields: [fieldsOf('kube-controller-manager'), fieldsOf('kubelet')],
    },
  })),
});
const trimmed = trimAnswer('kubernetes', { status: 200, contentType: 'application/json', body: podList }).body;
const bytes = (text: string) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text).length });
results['k8sPodsRefreshBytes'] = { pods: 5000, upstreamPodFixture: existsSync(upstreamPod), asTheToolSends: bytes(podList), throughTheBackend: bytes(trimmed) };

results['argoSelectorRefreshBytes'] = argoSelectorRefreshBytes();

const runs = results['viewers'] as Array<{ viewers: number; browserRequests: number; upstream: number; upstreamPerMinuteReal: number; answeredOk: number; p95Ms: number }>;
console.log(`\nBackend plugin: upstream requests vs viewers (time compressed ${COMPRESSION}×: TTL ${TTL_S * COMPRESSION} s, one poll per viewer every ${(POLL_MS * COMPRESSION) / 1000} s, ${APPS.length} apps)`);
console.table(runs.map((run) => ({ viewers: run.viewers, 'requests to backend': run.browserRequests, 'answered 200': run.answeredOk, 'p95 ms': run.p95Ms, 'upstream requests': run.upstream, 'upstream / min (real)': run.upstreamPerMinuteReal })));
console.log(`Bound: ${String(results['upstreamBoundPerMinuteReal'])} upstream / min (one per app per TTL), whatever the number of viewers.`);
console.log(`Cached read: ${JSON.stringify(results['cachedReadMs'])} ms · denied action (403, tool untouched): ${JSON.stringify(results['deniedActionMs'])} ms · backend RSS ${String(results['backendRssMb'])} MB`);
const refresh = results['k8sPodsRefreshBytes'] as { asTheToolSends: { raw: number; gzip: number }; throughTheBackend: { raw: number; gzip: number }; upstreamPodFixture: boolean };
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
console.log(
  `<k8s-pods> refresh, 5,000 pods${refresh.upstreamPodFixture ? ' (the real upstream pod object)' : ''}: as the tool sends it ${mb(refresh.asTheToolSends.raw)} (${mb(refresh.asTheToolSends.gzip)} gzip); ` +
    `through the backend ${mb(refresh.throughTheBackend.raw)}, on the wire ${mb(refresh.throughTheBackend.gzip)} gzip (Backstage compresses) = ${((100 * refresh.throughTheBackend.gzip) / refresh.asTheToolSends.raw).toFixed(1)} % of the uncompressed answer`,
);
const argo = results['argoSelectorRefreshBytes'] as { whole: { raw: number; gzip: number }; withFields: { raw: number; gzip: number }; upstreamAppFixtures: number };
const ofWhole = (n: number) => `${((100 * n) / argo.whole.raw).toFixed(1)} %`;
console.log(
  `<argo-status> selector refresh, 500 apps${argo.upstreamAppFixtures ? ` (the ${argo.upstreamAppFixtures} real upstream Applications in turn)` : ''}: whole ${mb(argo.whole.raw)} (${mb(argo.whole.gzip)} gzip on the wire); ` +
    `with fields= ${mb(argo.withFields.raw)} = ${ofWhole(argo.withFields.raw)}, on the wire ${mb(argo.withFields.gzip)} gzip = ${ofWhole(argo.withFields.gzip)} of the whole answer, ` +
    `${((100 * argo.withFields.gzip) / argo.whole.gzip).toFixed(1)} % of the whole answer gzipped`,
);
writeFileSync('.reports/bench-backend.json', `${JSON.stringify(results, null, 2)}\n`);

const bound = results['upstreamBoundPerMinuteReal'] as number;
const flat = runs.every((run) => run.upstreamPerMinuteReal <= bound * 1.1) && runs.every((run) => run.answeredOk === run.browserRequests);
if (!flat) {
  console.error('Upstream requests grew past the bound, or some reads failed.');
  process.exit(1);
}
