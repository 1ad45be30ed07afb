import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { serveStatic } from '../scripts/serve-static.mjs';
import { manyApps } from '../widgets/argo-status/fixtures/applications.js';
import { CSP_HOST_PORT, CSP_REMOTE_PORT } from './servers.js';

/*
 * A Module Federation host under a strict CSP with Trusted Types: the federation runtime
 * (type: 'module' remote) must load the remote without inline scripts, eval or script
 * elements. The host page is the bench's (scripts/bench/load-page.ts: the runtime, lit in
 * the share scope, the host's fetch answering from memory).
 */
const REMOTE = `http://127.0.0.1:${CSP_REMOTE_PORT}`;
const HOST = `http://127.0.0.1:${CSP_HOST_PORT}`;
const CSP = [
  "default-src 'none'",
  `script-src 'self' ${REMOTE}`,
  `connect-src 'self' ${REMOTE}`,
  "style-src 'self'",
  "img-src data:",
  "base-uri 'none'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

test.describe('a federation host under a strict CSP and Trusted Types', () => {
  let outDir: string;
  let host: Server;
  let remote: { close: () => Promise<void> };

  test.beforeAll(async () => {
    expect(existsSync('dist/remote/mf-manifest.json'), 'run `npm run build` first').toBe(true);
    outDir = mkdtempSync(join(tmpdir(), 'pw-csp-host-'));
    await build({
      configFile: false,
      envDir: false,
      logLevel: 'warn',
      publicDir: false,
      build: {
        outDir,
        emptyOutDir: true,
        minify: true,
        reportCompressedSize: false,
        lib: { entry: 'scripts/bench/load-page.ts', formats: ['es'], fileName: () => 'host.js' },
        rolldownOptions: { output: { codeSplitting: false } },
      },
    });
    const page = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"><script type="module" src="/host.js"></script></head><body></body></html>';
    host = createServer((request, response) => {
      if (request.url === '/') return void response.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': CSP }).end(page);
      if (request.url === '/host.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(outDir, 'host.js')));
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => host.listen(CSP_HOST_PORT, '127.0.0.1', resolve));
    remote = await serveStatic({ dir: 'dist/remote', port: CSP_REMOTE_PORT });
  });
  test.afterAll(async () => {
    await remote.close();
    await new Promise((resolve) => host.close(resolve));
    rmSync(outDir, { recursive: true, force: true });
  });

  test('loadRemote → a ready <argo-status>, one lit, zero violations', async ({ page }) => {
    const problems: string[] = [];
    await page.addInitScript(() => {
      const found: string[] = [];
      Object.assign(window, { cspViolations: found });
      document.addEventListener('securitypolicyviolation', (event) => found.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy|Trusted Type/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));

    await page.goto(HOST);
    await page.waitForFunction(() => 'benchLoad' in window);
    const body = JSON.stringify({ items: manyApps(3) });
    const result = await page.evaluate(
      ([manifest, data]) => (window as unknown as { benchLoad: (m: string, d: string) => Promise<{ ok: boolean; reason?: string }> }).benchLoad(manifest, data),
      [`${REMOTE}/mf-manifest.json`, body] as const,
    );
    expect(result).toMatchObject({ ok: true });
    await expect(page.locator('argo-status section.card')).toHaveAttribute('data-state', 'ready');
    expect(await page.evaluate(() => (globalThis as { litElementVersions?: string[] }).litElementVersions)).toHaveLength(1);
    expect(await page.evaluate(() => document.querySelectorAll('script:not([src="/host.js"])').length), 'script elements added').toBe(0);
    expect([...problems, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))]).toEqual([]);
  });
});
