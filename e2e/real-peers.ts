import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real Prometheus and Alertmanager (Debian's packages) for integration tests: each on a
 * loopback port with a temporary config and data folder, stopped (and the folder removed)
 * by `stop()` whatever happened.
 */

export const PROMETHEUS_BIN = process.env['PROMETHEUS_PATH'] ?? '/usr/bin/prometheus';
export const ALERTMANAGER_BIN = process.env['ALERTMANAGER_PATH'] ?? '/usr/bin/prometheus-alertmanager';

export function peersInstalled(): boolean {
  return existsSync(PROMETHEUS_BIN) && existsSync(ALERTMANAGER_BIN);
}

export interface Peer {
  name: string;
  url: string;
  /** What the process wrote, for the failure message. */
  output: () => string;
  stop: () => Promise<void>;
}

async function startProcess(name: string, binary: string, args: readonly string[], url: string, folder: string): Promise<Peer> {
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const peer: Peer = {
    name,
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killed = setTimeout(() => child.kill('SIGKILL'), 3_000);
        await exited;
        clearTimeout(killed);
      }
      await rm(folder, { recursive: true, force: true });
    },
  };
  try {
    await waitUntilReady(`${url}/-/ready`, () => child.exitCode !== null);
  } catch (error) {
    await peer.stop();
    throw new Error(`${name} did not start: ${String(error)}\n${output}`, { cause: error });
  }
  return peer;
}

async function waitUntilReady(url: string, died: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (died()) throw new Error('the process exited');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`);
}

/** Alertmanager with one receiver that sends nothing, and clustering off. */
export async function startAlertmanager(port: number): Promise<Peer> {
  const folder = await mkdtemp(join(tmpdir(), 'pw-alertmanager-'));
  const config = join(folder, 'alertmanager.yml');
  await writeFile(config, ['route:', '  receiver: nowhere', '  group_wait: 1s', 'receivers:', '  - name: nowhere', ''].join('\n'));
  return startProcess('Alertmanager', ALERTMANAGER_BIN, [
    `--config.file=${config}`,
    `--storage.path=${join(folder, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--cluster.listen-address=',
    '--log.level=warn',
  ], `http://127.0.0.1:${port}`, folder);
}

/** Prometheus evaluating `rules` (a rule-file YAML text) every second, sending to the Alertmanager. */
export async function startPrometheus(port: number, alertmanagerPort: number, rules: string): Promise<Peer> {
  const folder = await mkdtemp(join(tmpdir(), 'pw-prometheus-'));
  const config = join(folder, 'prometheus.yml');
  await writeFile(join(folder, 'rules.yml'), rules);
  await writeFile(config, [
    'global:',
    '  evaluation_interval: 1s',
    'rule_files:',
    `  - ${join(folder, 'rules.yml')}`,
    'alerting:',
    '  alertmanagers:',
    '    - static_configs:',
    `        - targets: ['127.0.0.1:${alertmanagerPort}']`,
    '',
  ].join('\n'));
  return startProcess('Prometheus', PROMETHEUS_BIN, [
    `--config.file=${config}`,
    `--storage.tsdb.path=${join(folder, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
  ], `http://127.0.0.1:${port}`, folder);
}

export interface SeenRequest {
  /** Path and query as the browser asked the proxy. */
  url: string;
  /** Headers the browser sent to the proxy. */
  browserHeaders: IncomingHttpHeaders;
  /** Where the proxy sent it, and with which Authorization. */
  upstream?: string;
  upstreamAuthorization?: string | null;
}

export interface ProxyServer {
  url: string;
  seen: SeenRequest[];
  close: () => Promise<void>;
}

export interface ProxyOptions {
  port: number;
  /** `/proxy/grafana/api/alertmanager/grafana/api/v2/*` → `{alertmanager}/api/v2/*`. */
  alertmanager: string;
  /** `/proxy/grafana/api/prometheus/grafana/api/v1/*` → `{prometheus}/api/v1/*`. */
  prometheus: string;
  /** The token only the server knows; added to every upstream request. */
  token: string;
  /** Static files: path → [content type, body]. */
  files: ReadonlyMap<string, readonly [string, string]>;
}

const ROUTES = [
  { prefix: '/proxy/grafana/api/alertmanager/grafana/api/v2/', target: 'alertmanager', path: '/api/v2/' },
  { prefix: '/proxy/grafana/api/prometheus/grafana/api/v1/', target: 'prometheus', path: '/api/v1/' },
] as const;

/**
 * A page server with a proxy in front of Prometheus and Alertmanager, the way a Backstage
 * proxy stands in front of Grafana: the browser asks Grafana's paths on its own origin; the
 * server forwards them (GET only) with its own token and without the browser's cookies.
 */
export async function startProxy(options: ProxyOptions): Promise<ProxyServer> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    const route = ROUTES.find((candidate) => url.startsWith(candidate.prefix));
    if (!route) {
      const file = options.files.get(url.split('?')[0] ?? '/');
      response.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' });
      response.end(file?.[1] ?? 'not found');
      return;
    }
    const entry: SeenRequest = { url, browserHeaders: request.headers };
    seen.push(entry);
    if (request.method !== 'GET') {
      response.writeHead(405, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: 'read-only proxy' }));
      return;
    }
    const upstream = `${options[route.target]}${route.path}${url.slice(route.prefix.length)}`;
    const headers = new Headers({ accept: 'application/json', authorization: `Bearer ${options.token}` });
    entry.upstream = upstream;
    entry.upstreamAuthorization = headers.get('authorization');
    fetch(upstream, { headers }).then(
      async (answer) => {
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        response.end(await answer.text());
      },
      (error: unknown) => {
        response.writeHead(502, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: String(error) }));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${options.port}`,
    seen,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
