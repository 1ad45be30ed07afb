import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const backendDir = fileURLToPath(new URL('../../host-adapter/backend/', import.meta.url));

/** Extra app-config for a dev backend, written to a temporary file and merged over the dev config. */
export function writeConfig(data: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pw-backend-')), 'app-config.e2e.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}

export interface DevBackend {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} not ready within ${timeoutMs} ms:\n${output().slice(-3000)}`);
}

/**
 * Starts the real dev backend (`npm run backend:dev`'s entry) on Node 22 with extra config,
 * and waits until it is ready and its catalog knows alice (sign-in needs her entity).
 */
export async function startDevBackend(port: number, env: Record<string, string>, extraConfig: string[] = []): Promise<DevBackend> {
  const args = ['../../scripts/run-node22.sh', '--import', 'tsx', 'dev/index.ts', '--config', 'dev/app-config.yaml', ...extraConfig.flatMap((file) => ['--config', file])];
  const child = spawn('bash', args, {
    cwd: backendDir,
    env: { ...process.env, PW_BACKEND_PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const output = () => log;
  await waitFor(async () => (await fetch(`${url}/.backstage/health/v1/readiness`)).ok, 'dev backend', 90_000, output);
  await waitFor(async () => (await fetch(`${url}/api/auth/dev/refresh`, { headers: { 'x-dev-user': 'alice' } })).ok, 'dev catalog', 60_000, output);
  return {
    url,
    process: child,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** A real Redis from Debian on a loopback port, without persistence. */
export async function startRedis(port: number): Promise<{ stop(): Promise<void> }> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const { createConnection } = await import('node:net');
  await waitFor(
    () =>
      new Promise<boolean>((resolve) => {
        const socket = createConnection(port, '127.0.0.1', () => {
          socket.end();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      }),
    'redis',
    10_000,
    () => '',
  );
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

/** A user's Backstage token from a dev backend's dev sign-in. */
export async function signIn(backendUrl: string, user: string): Promise<string> {
  const response = await fetch(`${backendUrl}/api/auth/dev/refresh`, { headers: { 'x-dev-user': user } });
  const body = (await response.json()) as { backstageIdentity?: { token?: string } };
  const token = body.backstageIdentity?.token;
  if (!token) throw new Error(`no token for ${user}: HTTP ${response.status}`);
  return token;
}
