// `node scripts/bench/render-run.mjs`: only the render timings of `npm run bench` (no sizes,
// memory, load or request measures): <k8s-pods> with 5,000 pods and the <argo-status> selector
// with 500 apps, from minified standalone builds, each figure beside its floor, judged against
// the timing goals (goals.mjs). For comparing one change before and after on the same machine.
// Environment: BENCH_RENDER_RUNS (default 10), BENCH_UPDATE_RUNS (default 20), CHROME_PATH.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { K8S_PAGE, benchData, podBenchData } from './data.mjs';
import { TIMING_GOALS, judge } from './goals.mjs';
import { measureRendering } from './render.mjs';
import { bundle } from './sizes.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const importTs = async (path) => (await runnerImport(join(root, path), { root, logLevel: 'silent' })).module;
const renderRuns = Math.max(3, Number(process.env.BENCH_RENDER_RUNS ?? 10));
const updateRuns = Math.max(3, Number(process.env.BENCH_UPDATE_RUNS ?? 20));
const outDir = mkdtempSync(join(tmpdir(), 'pw-render-'));
try {
  const [{ launchOptions }, { manyApps }, { manyPods }, { LIST_LIMIT }] = await Promise.all([
    importTs('scripts/browser.ts'),
    importTs('widgets/argo-status/fixtures/applications.ts'),
    importTs('widgets/k8s-pods/fixtures/pods.ts'),
    importTs('widgets/kit/ui/bounded.ts'),
  ]);
  const runs = { renderRuns, updateRuns, launchOptions };
  const pods = await bundle({ root, outDir, name: 'k8s-pods', entry: 'widgets/k8s-pods/k8s-pods.ts' });
  const argo = await bundle({ root, outDir, name: 'argo-status', entry: 'widgets/argo-status/argo-status.ts' });
  const k8s = await measureRendering({ ...runs, bundleFile: pods.file, data: podBenchData(manyPods), page: K8S_PAGE });
  const selector = await measureRendering({ ...runs, bundleFile: argo.file, data: benchData(manyApps, LIST_LIMIT) });
  const series = { k8sRender: k8s.renders, k8sUpdate: k8s.updates, argoRender: selector.renders, argoUpdate: selector.updates };
  console.table(TIMING_GOALS.map((goal) => {
    const { what, medianMs, floorMs, ratio, goal: target, verdict } = judge(goal, series[goal.series]);
    return { what, medianMs, floorMs, ratio: ratio.median, ratioQ1: ratio.lowerQuartile, goal: target, verdict };
  }));
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
