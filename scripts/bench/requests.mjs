// Request count for `npm run bench` (also `node scripts/bench/requests.mjs` alone): do the
// badges and the <service-health> roll-up make any API request the cards would not already
// make? In real Chromium, one page holds the demo service's cards; another the same cards plus
// a badge per tool and the roll-up; a third only the badges and the roll-up. The tools answer
// from their fixtures; every request the host's fetch sees is recorded.
/* global window */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { runnerImport } from 'vite';
import { servePage } from './load.mjs';
import { bundle } from './sizes.mjs';

const LAYOUTS = ['cards', 'cards+badges+rollup', 'badges+rollup'];
const SCENARIOS = ['healthy', 'troubled', 'outage'];

function count(calls) {
  const counts = new Map();
  for (const call of calls) counts.set(call, (counts.get(call) ?? 0) + 1);
  return counts;
}

/**
 * @param {{ root: string, launchOptions: object }} options
 * @returns per scenario and layout: requests, distinct URLs, requests the cards do not make, URLs asked twice
 */
export async function measureRequests({ root, launchOptions }) {
  const outDir = mkdtempSync(join(tmpdir(), 'pw-bench-requests-'));
  const browser = await chromium.launch(launchOptions);
  let server;
  try {
    await bundle({ root, outDir, name: 'requests-page', entry: 'scripts/bench/requests-page.ts', minify: false });
    server = await servePage(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>requests</title><link rel="icon" href="data:,"><script type="module" src="/page.js"></script></head><body></body></html>',
      { '/page.js': join(outDir, 'requests-page.js') },
    );
    const { origin } = server;
    const results = [];
    for (const scenario of SCENARIOS) {
      const byLayout = {};
      for (const layout of LAYOUTS) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(origin);
        await page.waitForFunction(() => typeof window.benchRequests === 'function');
        const result = await page.evaluate(([l, s]) => window.benchRequests(l, s), [layout, scenario]);
        await context.close();
        if (!result.ok) throw new Error(`${scenario} / ${layout}: ${result.reason}`);
        byLayout[layout] = result.calls;
      }
      const cards = new Set(byLayout.cards);
      for (const layout of LAYOUTS) {
        const calls = byLayout[layout];
        results.push({
          scenario,
          layout,
          requests: calls.length,
          distinct: count(calls).size,
          notMadeByCards: [...new Set(calls.filter((call) => !cards.has(call)))],
          askedTwice: [...count(calls)].filter(([, n]) => n > 1).map(([call]) => call),
        });
      }
    }
    return { version: browser.version(), results };
  } finally {
    await browser.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Prints the table; exits 1 when a badge or the roll-up asked for something the cards did not. */
export function reportRequests({ results }) {
  console.log('\nAPI requests: the demo service (6 tools), kit default cache, refresh off');
  console.log('scenario   layout                 requests  distinct  not made by the cards  asked twice');
  for (const row of results) {
    console.log(
      `${row.scenario.padEnd(10)} ${row.layout.padEnd(22)} ${String(row.requests).padStart(8)}  ${String(row.distinct).padStart(8)}  ${String(row.notMadeByCards.length).padStart(21)}  ${String(row.askedTwice.length).padStart(11)}`,
    );
  }
  return results.every((row) => row.notMadeByCards.length === 0 && row.askedTwice.length === 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const { module } = await runnerImport(join(root, 'scripts/browser.ts'), { root, logLevel: 'silent' });
  const measured = await measureRequests({ root, launchOptions: module.launchOptions });
  const pass = reportRequests(measured);
  for (const row of measured.results) {
    if (row.notMadeByCards.length) console.log(`  ${row.scenario}/${row.layout} not made by the cards:`, row.notMadeByCards);
    if (row.askedTwice.length) console.log(`  ${row.scenario}/${row.layout} asked twice:`, row.askedTwice);
  }
  process.exitCode = pass ? 0 : 1;
}
