// `npm run bench:profile`: CPU profiles (Chromium, CDP Profiler) of the bench pages, from
// unminified builds so that function names are readable: <k8s-pods> with 5,000 pods and the
// <argo-status> selector with 500 apps, each a first render and a series of refreshes.
// Prints the functions with the most self time. The same renders timed against their goals,
// without profiler and with minified builds: `node scripts/bench/render-run.mjs`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { K8S_PAGE, benchData, podBenchData } from './data.mjs';
import { measureRendering } from './render.mjs';
import { bundle } from './sizes.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const importTs = async (path) => (await runnerImport(join(root, path), { root, logLevel: 'silent' })).module;
// Kept after the run: the profile's file:line:column point into these files.
const outDir = join(root, '.reports', 'profile');
mkdirSync(outDir, { recursive: true });
{
  const [{ launchOptions }, { manyApps }, { manyPods }, { LIST_LIMIT }] = await Promise.all([
    importTs('scripts/browser.ts'),
    importTs('widgets/argo-status/fixtures/applications.ts'),
    importTs('widgets/k8s-pods/fixtures/pods.ts'),
    importTs('widgets/kit/ui/bounded.ts'),
  ]);
  const runs = { renderRuns: 1, updateRuns: 10, launchOptions, profile: true };
  const pods = await bundle({ root, outDir, name: 'k8s-pods', entry: 'widgets/k8s-pods/k8s-pods.ts', minify: false });
  const argo = await bundle({ root, outDir, name: 'argo-status', entry: 'widgets/argo-status/argo-status.ts', minify: false });
  const k8s = await measureRendering({ ...runs, bundleFile: pods.file, data: podBenchData(manyPods), page: K8S_PAGE });
  const selector = await measureRendering({ ...runs, bundleFile: argo.file, data: benchData(manyApps, LIST_LIMIT) });
  for (const [what, profiles] of [['<k8s-pods> 5,000 pods', k8s.profiles], ['<argo-status> selector, 500 apps', selector.profiles]]) {
    for (const phase of ['render', 'updates']) {
      console.log(`\n${what}: ${phase === 'render' ? 'set host → listed' : 'refreshes (changed rows)'}, top self time`);
      console.table(profiles[phase]);
    }
  }
  console.log(`\n(unminified bundles the lines refer to: ${outDir})`);
}
