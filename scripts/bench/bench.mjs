// `npm run bench`: bundle sizes of <argo-status> (standalone, kit, lit) against the size
// budget, and its render/update timings in real Chromium. Prints tables, then the JSON it
// also writes to .reports/bench.json. Exits 1 when over budget or when the bundle fails.
//
// Environment: BENCH_RENDER_RUNS (default 10), BENCH_UPDATE_RUNS (default 20),
// CHROME_PATH (see scripts/browser.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { rolldownVersion, runnerImport, version as viteVersion } from 'vite';
import { measureLoading } from './load.mjs';
import { measureRendering } from './render.mjs';
import { bundle, composition } from './sizes.mjs';

const started = performance.now();
const loadBefore = loadavg()[0]; // 1-minute load average, before the bench adds its own
const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

/** Standalone gzip budget: 20 kB = 20 000 bytes (kB as Vite prints it). */
const BUDGET_GZIP = 20_000;
const APPS = 500;
const CHANGED = 5;
const RENDER_RUNS = Math.max(7, Number(process.env.BENCH_RENDER_RUNS ?? 10));
const LOAD_RUNS = Math.max(3, Number(process.env.BENCH_LOAD_RUNS ?? 5));
const UPDATE_RUNS = Math.max(7, Number(process.env.BENCH_UPDATE_RUNS ?? 20));

/** TypeScript sources the bench reuses, loaded through Vite's module runner (no tsx needed). */
async function importTs(path) {
  const { module } = await runnerImport(join(root, path), { root, logLevel: 'silent' });
  return module;
}

/** Nearest-rank percentile of ms values. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const round = (ms) => Math.round(ms * 10) / 10;
const stats = (values) => ({
  runs: values.length,
  median: round(percentile(values, 50)),
  p90: round(percentile(values, 90)),
  min: round(Math.min(...values)),
  max: round(Math.max(...values)),
});

/** The list manyApps(500) and the same list with 5 healthy, synced apps turned degraded and out of sync. */
function benchData(manyApps) {
  const initial = manyApps(APPS);
  const changedIndexes = [];
  for (let k = 0; k < CHANGED; k += 1) {
    let index = Math.round((k * (APPS - 1)) / (CHANGED - 1));
    const fits = (i) => initial[i]?.status?.health?.status === 'Healthy' && initial[i]?.status?.sync?.status === 'Synced';
    while (index > 0 && (!fits(index) || changedIndexes.includes(index))) index -= 1;
    if (!fits(index)) throw new Error('manyApps() has no healthy, synced app to change');
    changedIndexes.push(index);
  }
  const changed = JSON.parse(JSON.stringify(initial));
  for (const index of changedIndexes) {
    const status = changed[index].status;
    status.sync = { ...status.sync, status: 'OutOfSync' };
    status.health = { status: 'Degraded', message: 'Deployment exceeded its progress deadline' };
  }
  return {
    initial,
    changed,
    changedIndexes,
    expect: { initial: { sync: 'Synced', health: 'Healthy' }, changed: { sync: 'Out of sync', health: 'Degraded' } },
  };
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

const outDir = mkdtempSync(join(tmpdir(), 'pw-bench-'));
let exitCode = 0;
try {
  // 1 + 2. Sizes: each entry on its own, everything inlined.
  const standalone = await bundle({ root, outDir, name: 'argo-status', entry: 'widgets/argo-status/argo-status.ts' });
  const kit = await bundle({ root, outDir, name: 'kit', entry: 'widgets/kit/index.ts' });
  const lit = await bundle({ root, outDir, name: 'lit', entry: 'scripts/bench/lit-entry.js' });
  const widgetOwn = { raw: standalone.raw - kit.raw, gzip: standalone.gzip - kit.gzip };
  // Every widget the same way: standalone, and its own cost over the whole kit.
  const widgetNames = readdirSync(join(root, 'widgets'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'kit' && existsSync(join(root, 'widgets', entry.name, `${entry.name}.ts`)))
    .map((entry) => entry.name)
    .sort();
  const perWidget = [];
  for (const name of widgetNames) {
    const built = name === 'argo-status' ? standalone : await bundle({ root, outDir, name, entry: `widgets/${name}/${name}.ts` });
    perWidget.push({ widget: name, raw: built.raw, gzip: built.gzip, ownGzip: built.gzip - kit.gzip });
  }
  const parts = await composition({ root, entry: standalone.entry });
  const pass = standalone.gzip <= BUDGET_GZIP;

  // 3. Timings in Chromium, with the bundle just built.
  const [{ launchOptions }, { manyApps }] = await Promise.all([
    importTs('scripts/browser.ts'),
    importTs('widgets/argo-status/fixtures/applications.ts'),
  ]);
  const data = benchData(manyApps);
  const measured = await measureRendering({
    bundleFile: standalone.file,
    data,
    launchOptions,
    renderRuns: RENDER_RUNS,
    updateRuns: UPDATE_RUNS,
  });
  // 4. Load cost through the built outputs (npm run build): Module Federation and the embed loader.
  const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('npm run build failed');
  const loading = await measureLoading({ root, launchOptions, apps: manyApps(5), runs: LOAD_RUNS });
  if (loading.litCopies !== 1) throw new Error(`expected one lit on the federation host page, saw ${loading.litCopies}`);
  const loadSummary = (samples) => ({
    requests: samples[0].requests,
    gzipBytes: samples[0].gzip,
    files: samples[0].files,
    ms: stats(samples.map((s) => s.ms)),
  });

  const loadAfter = loadavg()[0];
  // Other work on the machine: load before the bench over the cores, or after it (which
  // includes the bench's own builds and Chromium, about 2) over the cores plus 2.
  const busy = loadBefore > availableParallelism() || loadAfter > availableParallelism() + 2;
  const wrongRows = measured.renders.find((r) => r.rows !== APPS);
  if (wrongRows) throw new Error(`expected ${APPS} rows, saw ${wrongRows.rows}`);

  const results = {
    date: new Date().toISOString(),
    environment: {
      node: process.version,
      chromium: measured.version,
      chromiumPath: launchOptions.executablePath ?? "(Playwright's own)",
      cpus: cpus().length,
      availableParallelism: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      os: `${process.platform} ${release()} ${process.arch}`,
      vite: viteVersion,
      rolldown: rolldownVersion,
      playwright: require('playwright/package.json').version,
      loadAverage1m: { before: round(loadBefore), after: round(loadAfter), busy },
    },
    sizes: {
      budget: { gzipBytes: BUDGET_GZIP, pass },
      note: 'One ES module per entry, all dependencies inlined, minified (oxc, incl. whitespace); gzip = node:zlib level 9.',
      standalone: { entry: standalone.entry, raw: standalone.raw, gzip: standalone.gzip },
      kit: { entry: kit.entry, raw: kit.raw, gzip: kit.gzip },
      lit: { entry: 'lit (main module)', raw: lit.raw, gzip: lit.gzip },
      widgetOwn: { note: 'standalone − kit', ...widgetOwn },
      perWidget: { note: 'each widget standalone; ownGzip = standalone − kit (all exports), what a page with the kit already loaded pays', widgets: perWidget },
      composition: {
        note: 'Estimate: the standalone build split into one chunk per part, each gzipped on its own (sums to a little more than the single file).',
        parts,
      },
    },
    timings: {
      note: `ms; median and p90 (nearest rank). "dom" = until the DOM shows it (MutationObserver), "painted" = after the next frame. Fake host fetch from memory, cacheTtlMs 0, refresh-interval 0.`,
      initialRender: {
        what: `set host → ${APPS} rows (manyApps(${APPS})), fresh page per run, 1 warm-up run dropped`,
        dom: stats(measured.renders.map((r) => r.dom)),
        painted: stats(measured.renders.map((r) => r.painted)),
      },
      update: {
        what: `refresh() → ${CHANGED} of ${APPS} apps show a changed status (alternating there and back), same page, 2 warm-ups dropped`,
        changedIndexes: data.changedIndexes,
        dom: stats(measured.updates.map((r) => r.dom)),
        painted: stats(measured.updates.map((r) => r.painted)),
      },
    },
    loading: {
      note: `<argo-status app-selector> (5 apps, host fetch from memory) from "load it" to the first painted ready state, built outputs served on 127.0.0.1, cold browser cache, ${LOAD_RUNS} runs after 1 warm-up. Bytes: each fetched file gzipped (level 9), summed.`,
      moduleFederation: { what: 'host page (lit already on it, handed to the share scope) → loadRemote()', ...loadSummary(loading.federation) },
      moduleFederationPlainPage: { what: 'the same with no lit to share: the remote fetches its own (what an embed loader built on Module Federation would cost, plus the runtime in the loader)', ...loadSummary(loading.federationNoLit) },
      hostRuntime: { what: "the host page's own bundle: @module-federation/runtime + lit + @lit/* (already on a host page)", gzipBytes: loading.hostBundleGzip },
      embed: loading.embed ? { what: 'plain page → <script type="module" src="dist/embed/platform-widgets.js"> (its own small build, lit included)', ...loadSummary(loading.embed) } : undefined,
      litCopiesOnHostPage: loading.litCopies,
    },
    benchSeconds: 0,
  };
  results.benchSeconds = Math.round((performance.now() - started) / 100) / 10;

  const env = results.environment;
  console.log(`\nEnvironment: Node ${env.node} · Chromium ${env.chromium} · ${env.cpus} cores (${env.cpuModel}, load ${env.loadAverage1m.before}) · ${env.os} · Vite ${env.vite} (rolldown ${env.rolldown}) · Playwright ${env.playwright}\n`);
  console.log('Bundle sizes (one minified ES module each, dependencies inlined; gzip level 9)');
  console.log(
    table(
      ['bundle', 'entry', 'raw', 'gzip'],
      [
        ['<argo-status> standalone', standalone.entry, kb(standalone.raw), kb(standalone.gzip)],
        ['kit, all exports (+ lit, @lit/*, zod/mini)', kit.entry, kb(kit.raw), kb(kit.gzip)],
        ['lit alone (reference)', 'lit', kb(lit.raw), kb(lit.gzip)],
        ['widget own = standalone − kit', '', kb(widgetOwn.raw), kb(widgetOwn.gzip)],
      ],
    ),
  );
  console.log('\nEvery widget, standalone (own = standalone − kit)');
  console.log(table(['widget', 'raw', 'gzip', 'own gzip'], perWidget.map((w) => [`<${w.widget}>`, kb(w.raw), kb(w.gzip), kb(w.ownGzip)])));
  console.log('\nWhat the standalone is made of (estimate: split into one chunk per part, each gzipped on its own)');
  console.log(table(['part', 'raw', 'gzip'], parts.map((p) => [p.part, kb(p.raw), kb(p.gzip)])));
  console.log(`\nBudget: standalone gzip ${kb(standalone.gzip)} ≤ ${kb(BUDGET_GZIP)} → ${pass ? 'PASS' : 'FAIL'}\n`);
  const t = results.timings;
  console.log(`Render timings in Chromium, ms (${APPS} apps; bundle verified to run: no page errors, rows rendered)`);
  console.log(
    table(
      ['measure', 'runs', 'median', 'p90', 'min', 'max'],
      [
        ['(a) set host → 500 rows in DOM', ...Object.values(t.initialRender.dom)],
        ['(a) … and painted', ...Object.values(t.initialRender.painted)],
        ['(b) refresh() → 5 changed in DOM', ...Object.values(t.update.dom)],
        ['(b) … and painted', ...Object.values(t.update.painted)],
      ],
    ),
  );
  const l = results.loading;
  console.log(`\nLoad cost: request → first painted ready <argo-status> (built output on loopback, cold cache; ${LOAD_RUNS} runs)`);
  console.log(
    table(
      ['path', 'requests', 'gzip', 'median ms', 'p90 ms'],
      [
        ['Module Federation (host shares its lit)', l.moduleFederation.requests, kb(l.moduleFederation.gzipBytes), l.moduleFederation.ms.median, l.moduleFederation.ms.p90],
        ['Module Federation, page without lit', l.moduleFederationPlainPage.requests, kb(l.moduleFederationPlainPage.gzipBytes), l.moduleFederationPlainPage.ms.median, l.moduleFederationPlainPage.ms.p90],
        ...(l.embed ? [['embed loader (dist/embed)', l.embed.requests, kb(l.embed.gzipBytes), l.embed.ms.median, l.embed.ms.p90]] : []),
      ],
    ),
  );
  console.log(`(host's own federation runtime + lit bundle: ${kb(l.hostRuntime.gzipBytes)} gzip; lit copies on the host page: ${l.litCopiesOnHostPage})`);
  if (busy) {
    console.log(`\nWARNING: load average ${round(loadBefore)} before, ${round(loadAfter)} after, on ${availableParallelism()} cores: other work was running, the timings are not reliable.`);
  }
  console.log(`\nBench took ${results.benchSeconds} s.\n`);

  const json = JSON.stringify(results, null, 2);
  mkdirSync(join(root, '.reports'), { recursive: true });
  writeFileSync(join(root, '.reports', 'bench.json'), `${json}\n`);
  console.log(json);
  console.log('\n(written to .reports/bench.json)');
  if (!pass) {
    console.error(`\nFAIL: <argo-status> standalone is ${kb(standalone.gzip)} gzip, over the ${kb(BUDGET_GZIP)} budget.`);
    exitCode = 1;
  }
} catch (error) {
  console.error(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  exitCode = 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
process.exit(exitCode);
