import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { commitMessages, healthyApp, helmApp, manyApps } from '../widgets/argo-status/fixtures/applications.js';
import { managedResources } from '../widgets/argo-status/fixtures/managed-resources.js';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A scripted answer that takes precedence over the fixtures (a 429, a failure). */
export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeArgoCd {
  /** Every request that reached the "real" Argo CD, with the headers the proxy sent. */
  seen: SeenRequest[];
  /** Answers a request before the fixtures do, when it returns something. */
  script?: (method: string, path: string) => ScriptedAnswer | undefined;
  close(): Promise<void>;
}

/**
 * A stand-in for a real Argo CD behind the dev server's proxy: plain HTTP on a fixed port,
 * answering the API paths the argo-status widget reads, from the widget's own fixtures.
 */
export async function startFakeArgoCd(port: number): Promise<FakeArgoCd> {
  const seen: SeenRequest[] = [];
  const fake: FakeArgoCd = { seen, close: () => Promise.resolve() };
  const apps = new Map([
    ['guestbook', healthyApp],
    ['redis-cache', helmApp],
    ['payments', { ...healthyApp, metadata: { ...healthyApp.metadata, name: 'payments' } }],
  ]);
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake-argocd');
    seen.push({ method: request.method ?? 'GET', url: url.pathname + url.search, headers: request.headers });
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const scripted = fake.script?.(request.method ?? 'GET', url.pathname);
    if (scripted) {
      response.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers });
      return response.end(JSON.stringify(scripted.body ?? {}));
    }
    const path = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    // /api/v1/applications[/name[/revisions/sha/metadata]]
    if (path[0] !== 'api' || path[1] !== 'v1' || path[2] !== 'applications') return json(404, { error: 'not found', code: 5 });
    const [, , , name, revisions, revision, metadata] = path;
    if (!name) return json(200, { metadata: {}, items: url.searchParams.get('selector') ? manyApps(3) : [...apps.values()] });
    if (revisions === 'revisions' && revision && metadata === 'metadata') {
      const commit = commitMessages[revision];
      return commit ? json(200, { ...commit, date: new Date().toISOString(), tags: [] }) : json(404, { error: 'revision not found', code: 5 });
    }
    const app = apps.get(name);
    if (app && revisions === 'managed-resources') return json(200, { items: managedResources(app).filter((item) => !url.searchParams.get('name') || item.name === url.searchParams.get('name')) });
    // POST …/sync: Argo CD answers the Application with the operation it started.
    if (app && revisions === 'sync' && request.method === 'POST') {
      return json(200, { ...app, operation: { sync: { revision: app.status?.sync?.revision ?? 'HEAD' }, initiatedBy: { username: 'platform-widgets' } } });
    }
    return app && !revisions ? json(200, app) : json(404, { error: 'not found', code: 5 });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  fake.seen = seen;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
