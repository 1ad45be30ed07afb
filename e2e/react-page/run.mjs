// The plain React page test: packs @platform-widgets/elements, installs the tarball the way an
// adopter does (npm, in a folder outside this repository, so nothing resolves from the repo's
// own node_modules), type-checks the page with tsc, builds it with Vite and checks it in
// Chromium (react-page.check.ts). npm's cache stays in .cache/react-page/ for faster re-runs.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cache = join(repo, '.cache/react-page');
const tarballs = join(repo, '.cache/tarballs');
mkdirSync(tarballs, { recursive: true });
const step = (label, command, args, cwd, env = {}) => {
  const started = Date.now();
  console.log(`react-page: ${label}`);
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  console.log(`react-page: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
};

const packOutput = execFileSync('npm', ['pack', '--json', '--pack-destination', tarballs, '-w', '@platform-widgets/elements'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
// The prepack build logs to stdout too: the JSON is the last top-level array.
const packed = JSON.parse(packOutput.slice(packOutput.lastIndexOf('\n[') + 1));
const tarball = join(tarballs, packed[0].filename);
console.log(`react-page: packed ${packed[0].filename} (${(packed[0].size / 1024).toFixed(1)} kB, ${packed[0].entryCount} files)`);

const app = mkdtempSync(join(tmpdir(), 'pw-react-page-'));
try {
  cpSync(join(repo, 'e2e/react-page/app'), app, { recursive: true });
  const manifest = {
    name: 'react-page',
    private: true,
    type: 'module',
    dependencies: { '@platform-widgets/elements': `file:${tarball}`, react: '18.3.1', 'react-dom': '18.3.1' },
    devDependencies: { '@types/react': '18.3.32', '@types/react-dom': '18.3.7', '@vitejs/plugin-react': '6.3.0', typescript: '5.9.3', vite: '8.3.8' },
  };
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  step('npm install', 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--cache', join(cache, 'npm')], app);
  step('tsc (the typed host, wrappers and JSX typings)', 'npx', ['tsc', '-p', '.'], app);
  step('vite build', 'npx', ['vite', 'build', '--logLevel', 'warn'], app);
  step('Chromium', 'npx', ['playwright', 'test', '-c', 'e2e/react-page/playwright.config.ts', ...process.argv.slice(2)], repo, { REACT_PAGE_APP: app });
} finally {
  if (!process.env['KEEP_REACT_PAGE']) rmSync(app, { recursive: true, force: true });
}
