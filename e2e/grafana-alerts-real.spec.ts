import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Request } from '@playwright/test';
import { build, type Rolldown } from 'vite';
import { peersInstalled, startAlertmanager, startPrometheus, startProxy, type Peer, type ProxyServer } from './real-peers.js';
import { REAL_ALERTMANAGER_PORT, REAL_PAGE_PORT, REAL_PROMETHEUS_PORT } from './servers.js';

/*
 * <grafana-alerts> against Debian's real Alertmanager and Prometheus, reached through a
 * proxy that maps Grafana's paths onto them and adds a server-side token, as a Backstage
 * proxy in front of Grafana would. Grafana's built-in Alertmanager serves the same v2 API,
 * and its rules API has Prometheus's shape.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_TOKEN = 'grafana-proxy-token-real-5c2e71';
const UI = 'https://grafana.example.com';
const RULE = 'PaymentsAlwaysFiring';

const RULES_YAML = `groups:
  - name: payments
    interval: 1s
    rules:
      - alert: ${RULE}
        expr: vector(1) > 0
        labels:
          team: payments
          severity: critical
        annotations:
          summary: Always firing, from Prometheus to the widget
          runbook_url: https://runbooks.example.com/payments/always-firing
`;

/** The page's script: the widget and configure(), bundled into one module in memory. */
async function buildPage(): Promise<string> {
  const result = await build({
    configFile: false,
    envDir: false,
    root: ROOT,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      reportCompressedSize: false,
      lib: { entry: join(ROOT, 'e2e/grafana-alerts-real/page.ts'), formats: ['es'], fileName: () => 'page.js' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the page did not build');
  return chunk.code;
}

const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Alerts · payments</title>
<script type="module" src="/page.js"></script></head>
<body><main><grafana-alerts label-selector="team=payments" refresh-interval="0"></grafana-alerts></main></body></html>`;

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url}: HTTP ${response.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

interface PrometheusRules {
  data: { groups: Array<{ rules: Array<{ name: string; state?: string }> }> };
}

test.describe('grafana-alerts against real Prometheus and Alertmanager', () => {
  test.describe.configure({ mode: 'serial' });
  const peers: Peer[] = [];
  let proxy: ProxyServer | undefined;

  test.beforeAll(async () => {
    // A first run on a fresh machine installs the packages (about half a minute).
    test.setTimeout(peersInstalled() ? 60_000 : 240_000);
    if (!peersInstalled()) execFileSync('bash', [join(ROOT, 'scripts/ensure-prometheus.sh')], { stdio: 'inherit', timeout: 200_000 });
    const alertmanager = await startAlertmanager(REAL_ALERTMANAGER_PORT);
    peers.push(alertmanager);
    const [script, prometheus] = await Promise.allSettled([
      buildPage(),
      startPrometheus(REAL_PROMETHEUS_PORT, REAL_ALERTMANAGER_PORT, RULES_YAML).then((peer) => {
        peers.push(peer);
        return peer;
      }),
    ]);
    if (script.status === 'rejected') throw script.reason;
    if (prometheus.status === 'rejected') throw prometheus.reason;
    proxy = await startProxy({
      port: REAL_PAGE_PORT,
      alertmanager: alertmanager.url,
      prometheus: prometheus.value.url,
      token: SERVER_TOKEN,
      files: new Map([
        ['/', ['text/html; charset=utf-8', PAGE_HTML]],
        ['/page.js', ['text/javascript; charset=utf-8', script.value]],
      ]),
    });
  });

  test.afterAll(async () => {
    await proxy?.close();
    await Promise.all(peers.map((peer) => peer.stop()));
  });

  test('shows the firing alert, its silence link and the silenced alert, through the proxy', async ({ page }) => {
    const [alertmanager, prometheus] = peers;
    if (!alertmanager || !prometheus || !proxy) throw new Error('the servers did not start');

    // Prometheus hands its alerts to Alertmanager only after about a minute: post them directly too.
    const startsAt = new Date(Date.now() - 5 * 60_000).toISOString();
    await post(`${alertmanager.url}/api/v2/alerts`, [
      {
        labels: { alertname: RULE, team: 'payments', severity: 'critical' },
        annotations: { summary: 'Always firing, from Prometheus to the widget', runbook_url: 'https://runbooks.example.com/payments/always-firing' },
        startsAt,
        generatorURL: `${prometheus.url}/graph?g0.expr=vector%281%29+%3E+0`,
      },
      {
        labels: { alertname: 'PaymentsQueueBacklog', team: 'payments', severity: 'warning', queue: 'settlements' },
        annotations: { summary: '12 400 messages waiting in settlements' },
        startsAt,
      },
      { labels: { alertname: 'SearchIndexLag', team: 'search', severity: 'critical' }, annotations: { summary: 'another team' }, startsAt },
    ]);
    const { silenceID } = await post<{ silenceID: string }>(`${alertmanager.url}/api/v2/silences`, {
      matchers: [{ name: 'alertname', value: 'PaymentsQueueBacklog', isRegex: false, isEqual: true }],
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
      createdBy: 'oncall@example.com',
      comment: 'Settlement import until 18:00',
    });
    expect(silenceID).toBeTruthy();

    // The rule really fires in Prometheus.
    await expect.poll(async () => {
      const rules = (await (await fetch(`${prometheus.url}/api/v1/rules`)).json()) as PrometheusRules;
      return rules.data.groups.flatMap((group) => group.rules).find((rule) => rule.name === RULE)?.state;
    }, { timeout: 15_000, message: prometheus.output() }).toBe('firing');

    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await page.goto(`${proxy.url}/`);
    const widget = page.locator('grafana-alerts');
    await expect(widget.locator('section.card')).toHaveAttribute('data-state', 'ready');
    await expect(widget.locator('[part="header"]')).toContainText('1 firing');
    await expect(widget.locator('[part="header"]')).toContainText('1 silenced');

    // The firing alert, with its runbook and a new-silence link carrying its labels.
    const firing = widget.locator(`li.alert[data-alert="${RULE}"]`);
    await expect(firing).toContainText('Firing');
    await expect(firing).toContainText('critical');
    await expect(firing).toContainText('Always firing, from Prometheus to the widget');
    await expect(firing).toContainText(/since 5 min/);
    await expect(firing.getByRole('link', { name: /^Runbook/ })).toHaveAttribute('href', 'https://runbooks.example.com/payments/always-firing');
    // No Grafana rule UID on a Prometheus alert: its generatorURL is the way to the source.
    await expect(firing.getByRole('link', { name: /^Source/ })).toHaveAttribute('href', `${prometheus.url}/graph?g0.expr=vector%281%29+%3E+0`);
    const silenceHref = await firing.getByRole('link', { name: new RegExp(`^Silence ${RULE}`) }).getAttribute('href');
    const silenceLink = new URL(silenceHref ?? '');
    expect(`${silenceLink.origin}${silenceLink.pathname}`).toBe(`${UI}/alerting/silence/new`);
    expect(silenceLink.searchParams.get('alertmanager')).toBe('grafana');
    expect(silenceLink.searchParams.getAll('matcher').sort()).toEqual([`alertname=${RULE}`, 'severity=critical', 'team=payments']);

    // The silenced alert: by whom, why, and a link to exactly that silence.
    const silenced = widget.locator('li.alert[data-alert="PaymentsQueueBacklog"]');
    await expect(silenced).toContainText('Silenced by oncall@example.com, ends in 2 hr');
    await expect(silenced).toContainText('Settlement import until 18:00');
    await expect(silenced.getByRole('link', { name: /^Manage silence/ }))
      .toHaveAttribute('href', `${UI}/alerting/silences?alertmanager=grafana&silenceIds=${silenceID}`);

    // Another team's alert was filtered out by Alertmanager itself; the rule comes from Prometheus.
    await expect(widget.locator('li.alert')).toHaveCount(2);
    await expect(widget.locator(`[part="rules"] li[data-rule="${RULE}"]`)).toContainText('Firing');

    // Upstream: Grafana's paths mapped onto the real APIs, every request with the server's token.
    const seen = proxy.seen.map((entry) => decodeURIComponent(entry.url));
    expect(seen).toContain('/proxy/grafana/api/alertmanager/grafana/api/v2/alerts?filter=team="payments"&active=true&silenced=true&inhibited=true');
    expect(seen).toContain('/proxy/grafana/api/alertmanager/grafana/api/v2/silences');
    expect(seen).toContain('/proxy/grafana/api/prometheus/grafana/api/v1/rules');
    for (const entry of proxy.seen) {
      expect(entry.upstreamAuthorization, entry.url).toBe(`Bearer ${SERVER_TOKEN}`);
      expect(entry.browserHeaders.authorization, entry.url).toBeUndefined();
      expect(entry.browserHeaders.cookie, entry.url).toBeUndefined();
    }
    // Browser: the token in no URL, no header, no page, no script.
    expect(requests.filter((request) => request.url().includes('/proxy/grafana/')).length).toBeGreaterThanOrEqual(3);
    for (const request of requests) {
      expect(request.url()).not.toContain(SERVER_TOKEN);
      expect(await request.headerValue('authorization'), request.url()).toBeNull();
    }
    expect(await page.content()).not.toContain(SERVER_TOKEN);
    expect(await (await page.request.get(`${proxy.url}/page.js`)).text()).not.toContain(SERVER_TOKEN);
  });
});
