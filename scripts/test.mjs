// Runs the whole test suite in order and ends with one line: "total: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = '.reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/** node --test: readable output on the terminal, TAP in .reports/<name>.tap for the counts. */
const nodeTestReport = (name) => ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${reports}/${name}.tap`];
function countTap(name) {
  const tap = readFileSync(`${reports}/${name}.tap`, 'utf8');
  const read = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  return { passed: read('pass'), failed: read('fail') + read('cancelled'), skipped: read('skipped') + read('todo') };
}

/** @type {Array<{ name: string, command: string, args: string[], env?: Record<string, string>, count?: () => { passed: number, failed: number, skipped: number } }>} */
const steps = [
  { name: 'browser', command: 'bash', args: ['scripts/ensure-chromium.sh'] },
  // Real Prometheus and Alertmanager for the end-to-end real-peers test (installed with apt when missing).
  { name: 'prometheus + alertmanager', command: 'bash', args: ['scripts/ensure-prometheus.sh'] },
  // Redis for the backend replicas test, Node >= 22 for the Backstage backend (from the npm registry when the machine's is older).
  { name: 'redis', command: 'bash', args: ['scripts/ensure-redis.sh'] },
  { name: 'node 22', command: 'bash', args: ['scripts/ensure-node22.sh'] },
  { name: 'types', command: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'lint', command: 'npx', args: ['eslint', '--max-warnings', '0', '.'] },
  { name: 'manifest', command: 'npm', args: ['run', '--silent', 'cem'] },
  // The files collected from the widgets' descriptors (allowlist, annotation table, package tags, README tables) are current.
  { name: 'generated files', command: 'npx', args: ['tsx', 'scripts/generate/widgets.ts', '--check'] },
  {
    name: 'components + stories',
    command: 'npx',
    args: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`],
    count: () => {
      const result = JSON.parse(readFileSync(`${reports}/vitest.json`, 'utf8'));
      return { passed: result.numPassedTests, failed: result.numFailedTests, skipped: result.numPendingTests + result.numTodoTests };
    },
  },
  {
    name: 'backend units (real Backstage test backend)',
    command: 'bash',
    args: ['scripts/run-node22.sh', '--import', 'tsx', '--test', '--test-concurrency=1', ...nodeTestReport('backend-units'), 'host-adapter/backend/test/*.test.ts'],
    count: () => countTap('backend-units'),
  },
  {
    name: 'backend end-to-end (dev backend, permission framework, Redis, two replicas)',
    command: 'bash',
    args: ['scripts/run-node22.sh', '--import', 'tsx', '--test', '--test-concurrency=1', ...nodeTestReport('backend-e2e'), 'e2e/backend/*.e2e.ts'],
    count: () => countTap('backend-e2e'),
  },
  { name: 'storybook build', command: 'npm', args: ['run', '--silent', 'build-storybook'] },
  // The demo portal and the embed spec load the built remote (dist/remote) and loader (dist/embed).
  { name: 'remote + embed build', command: 'npm', args: ['run', '--silent', 'build'] },
  {
    // @platform-widgets/elements packed, installed with npm outside the repository, in a Vite + React page (tsc, build, Chromium).
    name: 'react page (packed @platform-widgets/elements)',
    command: 'node',
    args: ['e2e/react-page/run.mjs'],
    count: () => {
      const { stats } = JSON.parse(readFileSync(`${reports}/react-page.json`, 'utf8'));
      return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
    },
  },
  {
    // A new app from @backstage/create-app (pinned: 0.9.2 = Backstage 1.55.0), both frontend systems, with the packed
    // plugin, backend plugin and common package installed by Yarn, built, started and checked in Chromium.
    name: 'adopter (create-app 0.9.2, Backstage 1.55.0, packed plugins)',
    command: 'bash',
    args: ['scripts/run-node22.sh', 'scripts/adopter/run.mjs'],
    count: () => {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const part of ['nfs', 'legacy', 'dynamic']) {
        const { stats } = JSON.parse(readFileSync(`${reports}/adopter-${part}.json`, 'utf8'));
        totals.passed += stats.expected + stats.flaky;
        totals.failed += stats.unexpected;
        totals.skipped += stats.skipped;
      }
      return totals;
    },
  },
  {
    name: 'end-to-end',
    command: 'npx',
    args: ['playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` },
    count: () => {
      const { stats } = JSON.parse(readFileSync(`${reports}/e2e.json`, 'utf8'));
      return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
    },
  },
];

const rows = [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.command} ${step.args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(step.command, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let counts = { passed: run.status === 0 ? 1 : 0, failed: run.status === 0 ? 0 : 1, skipped: 0 };
  if (step.count) {
    try {
      counts = step.count();
      if (run.status !== 0 && counts.failed === 0) counts.failed = 1; // the runner failed outside any test
    } catch {
      counts = { passed: 0, failed: 1, skipped: 0 };
    }
  }
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  rows.push({ step: step.name, ok: run.status === 0 ? 'ok' : 'FAILED', passed: counts.passed, failed: counts.failed, skipped: counts.skipped, seconds });
}

console.log('\nSummary (checks such as types and lint count as one test each):');
console.table(rows);
if (!existsSync('/usr/bin/chromium') && !process.env.CHROME_PATH) console.log('(browser: Playwright’s own Chromium)');
console.log(`total: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
