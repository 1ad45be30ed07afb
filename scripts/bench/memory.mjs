// Memory bench: mounts and removes <argo-status> and <k8s-pods> 1,000 times each with polling on
// (refresh-interval 1 s), in real Chromium, then forces GC (CDP HeapProfiler.collectGarbage) and
// reports the heap growth over a warmed-up baseline and the requests made after all were removed.
/* global window */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { serve } from './render.mjs';

export const MEMORY_GOALS = { heapGrowthBytes: 1_000_000, requestsAfterRemoval: 0 };
const WARM_UP = 20;
/** Longer than the refresh interval twice over: a timer left behind would have fired. */
const QUIET_MS = 2_500;

/**
 * @param {{ launchOptions: object, times: number, widgets: Array<{ tag: string, bundleFile: string, attributes: Record<string, string>, answers: Record<string, string> }> }} options
 */
export async function measureMemory({ launchOptions, times, widgets }) {
  const browser = await chromium.launch({ ...launchOptions, headless: true });
  const results = [];
  try {
    for (const widget of widgets) {
      const js = 'text/javascript; charset=utf-8';
      const server = await serve({
        '/': {
          type: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>memory</title><link rel="icon" href="data:,"><script type="module" src="/widget.js"></script><script type="module" src="/memory-page.js"></script></head><body></body></html>`,
        },
        '/widget.js': { type: js, body: readFileSync(widget.bundleFile) },
        '/memory-page.js': { type: js, body: readFileSync(new URL('./memory-page.js', import.meta.url)) },
      });
      try {
        const page = await browser.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(server.origin);
        await page.waitForFunction(() => 'memoryBench' in window);
        const cdp = await page.context().newCDPSession(page);
        const heap = async () => {
          await cdp.send('HeapProfiler.collectGarbage');
          await cdp.send('HeapProfiler.collectGarbage');
          return (await cdp.send('Runtime.getHeapUsage')).usedSize;
        };
        await page.evaluate((answers) => Object.assign(window.memoryBench.state.answers, answers), widget.answers);
        const run = (count) => page.evaluate(([tag, attributes, n]) => window.memoryBench.cycle(tag, attributes, n), [widget.tag, widget.attributes, count]);
        await run(WARM_UP);
        await page.evaluate((ms) => window.memoryBench.requestsWithin(ms), QUIET_MS);
        const before = await heap();
        const requestsBefore = await page.evaluate(() => window.memoryBench.state.requests);
        const started = Date.now();
        await run(times);
        const seconds = (Date.now() - started) / 1000;
        const requests = (await page.evaluate(() => window.memoryBench.state.requests)) - requestsBefore;
        const requestsAfterRemoval = await page.evaluate((ms) => window.memoryBench.requestsWithin(ms), QUIET_MS);
        const after = await heap();
        if (errors.length) throw new Error(`<${widget.tag}> memory page failed: ${errors.join('; ')}`);
        results.push({ tag: widget.tag, mounts: times, requests, seconds, heapBefore: before, heapAfter: after, heapGrowth: after - before, requestsAfterRemoval });
        await page.close();
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}
