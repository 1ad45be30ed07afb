// The adopter test: a Backstage app made with @backstage/create-app (pinned), the packed
// tarballs of this repository installed with Yarn, the README's lines applied, built, started,
// and checked in Chromium (adopter.check.ts). Run with Node >= 22 (scripts/run-node22.sh).
//
//   node scripts/adopter/run.mjs            the pinned create-app / Backstage release
//   node scripts/adopter/run.mjs --latest   the newest create-app and `yarn up '@backstage/*'`;
//                                           reports the version skew against the pin
//
// Caches (Yarn's package cache, the tools) stay in .cache/adopter/, so a second run is faster.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CREATE_APP_VERSION = '0.9.2';
export const BACKSTAGE_RELEASE = '1.55.0';
const YARN_VERSION = '1.22.22';
const PINNED_LOCK = fileURLToPath(new URL('yarn.lock', import.meta.url));

/**
 * The pin as root `resolutions`: every @backstage/* package that has one version in the pinned
 * lockfile, at that version (a fresh template's own ranges would otherwise resolve some
 * packages to older or newer releases than the lockfile holds).
 */
function pinsFrom(lock) {
  const versions = new Map();
  for (const block of lock.split('\n\n')) {
    const name = /^"?(@backstage\/[^@"]+)@/.exec(block)?.[1];
    const version = /\n {2}version: ([^\n]+)/.exec(block)?.[1];
    if (name && version) versions.set(name, new Set([...(versions.get(name) ?? []), version]));
  }
  return Object.fromEntries([...versions].filter(([, found]) => found.size === 1).map(([name, found]) => [name, [...found][0]]));
}

/** The lockfile without this repository's own packages (their tarballs, and paths, change with every build). */
function withoutOwnPackages(lock) {
  return lock
    .split('\n\n')
    .filter((block) => !/^"?@platform-widgets\//m.test(block))
    .join('\n\n')
    .split('\n')
    .filter((line) => !line.includes('@platform-widgets/'))
    .join('\n');
}

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cache = join(repo, '.cache/adopter');
const tools = join(cache, 'tools');
const tarballs = join(repo, '.cache/tarballs');
const latest = process.argv.includes('--latest');
const ports = { backend: Number(process.env['ADOPTER_PORT'] ?? 7207) };
ports.remote = ports.backend + 1;
ports.argocd = ports.backend + 2;

const node22 = process.execPath;
if (Number(process.versions.node.split('.')[0]) < 22) throw new Error('run with Node >= 22: bash scripts/run-node22.sh scripts/adopter/run.mjs');
const env = {
  ...process.env,
  PATH: `${dirname(node22)}:${join(tools, 'node_modules/.bin')}:${process.env['PATH']}`,
  YARN_CACHE_FOLDER: join(cache, 'yarn-cache'),
  YARN_ENABLE_GLOBAL_CACHE: 'false',
  YARN_ENABLE_TELEMETRY: '0',
  YARN_ENABLE_PROGRESS_BARS: 'false',
  // Native modules are built against Node 22's headers (the `node` package ships them).
  npm_config_nodedir: resolve(dirname(node22), '..'),
  BACKSTAGE_TELEMETRY_DISABLED: 'true',
};
const timings = [];
function run(label, command, args, cwd, extra = {}) {
  const started = Date.now();
  console.log(`adopter: ${label}`);
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...env, ...extra } });
  const seconds = (Date.now() - started) / 1000;
  timings.push([label, seconds]);
  console.log(`adopter: ${label} (${seconds.toFixed(1)} s)`);
}
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const writeJson = (path, value) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
const edit = (path, change) => {
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${path} changed nothing: has the template changed?`);
  writeFileSync(path, after);
};

// 1. Tools: Yarn 1 (it hands off to the app's own Yarn 4) and create-app.
const createApp = latest ? 'latest' : CREATE_APP_VERSION;
mkdirSync(tools, { recursive: true });
if (!existsSync(join(tools, 'package.json'))) writeJson(join(tools, 'package.json'), { name: 'adopter-tools', private: true });
const installed = existsSync(join(tools, 'node_modules/@backstage/create-app/package.json')) ? readJson(join(tools, 'node_modules/@backstage/create-app/package.json')).version : '';
if (installed !== createApp || !existsSync(join(tools, 'node_modules/.bin/yarn'))) {
  run(`tools: yarn ${YARN_VERSION}, @backstage/create-app ${createApp}`, 'npm', ['install', '--silent', '--no-audit', '--no-fund', `yarn@${YARN_VERSION}`, `@backstage/create-app@${createApp}`], tools);
}
const createAppVersion = readJson(join(tools, 'node_modules/@backstage/create-app/package.json')).version;

// 2. The packed tarballs (prepack builds each package the way it is published).
if (!existsSync(join(repo, 'dist/remote/mf-manifest.json'))) run('the widgets remote (npm run build)', 'npm', ['run', '--silent', 'build'], repo);
mkdirSync(tarballs, { recursive: true });
const packed = {};
for (const name of ['@platform-widgets/backstage-plugin-common', '@platform-widgets/backstage-plugin-backend', '@platform-widgets/backstage-plugin']) {
  const started = Date.now();
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', tarballs, '-w', name], { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const [info] = JSON.parse(output.slice(output.lastIndexOf('\n[') + 1));
  packed[name] = join(tarballs, info.filename);
  timings.push([`npm pack ${name}`, (Date.now() - started) / 1000]);
  console.log(`adopter: packed ${info.filename} (${(info.size / 1024).toFixed(1)} kB)`);
}

async function adopt(template) {
// 3. A new app, as `npx @backstage/create-app` makes it.
  const app = join(cache, `${latest ? 'latest-' : ''}${template}`);
  // --reuse: the app of the previous run as it is (faster when working on the check itself).
  const reuse = process.argv.includes('--reuse') && existsSync(join(app, 'node_modules'));
  if (!reuse) rmSync(app, { recursive: true, force: true });
  let started = Date.now();
  release = reuse ? readJson(join(app, 'backstage.json')).version : release;
  if (!reuse) {
    execFileSync('sh', ['-c', `printf 'backstage\\n' | backstage-create-app ${template === 'legacy' ? '--legacy ' : ''}--path ${JSON.stringify(app)} --skip-install`], { cwd: cache, env, stdio: ['ignore', 'inherit', 'inherit'] });
    timings.push([`${template}: create-app`, (Date.now() - started) / 1000]);
    release = readJson(join(app, 'backstage.json')).version;
    console.log(`adopter: @backstage/create-app ${createAppVersion} → Backstage ${release}`);
    if (!latest && release !== BACKSTAGE_RELEASE) throw new Error(`create-app ${createAppVersion} made Backstage ${release}, expected ${BACKSTAGE_RELEASE}`);

    // 4. The README's install lines. `yarn --cwd packages/<x> add <pkg>` is a dependency line in
    //    that package.json plus one install; here the packages come from the tarballs.
    const root = readJson(join(app, 'package.json'));
    root.resolutions = {
      ...root.resolutions,
      // Prebuilt for Node 22/24: no native build (Backstage's own range is ^12, built from source).
      'better-sqlite3': '13.2.0',
      // Not on the registry yet: the backend's and the frontend's dependency comes from the tarball.
      '@platform-widgets/backstage-plugin-common': `file:${packed['@platform-widgets/backstage-plugin-common']}`,
    };
    writeJson(join(app, 'package.json'), root);
    const frontend = readJson(join(app, 'packages/app/package.json'));
    frontend.dependencies['@platform-widgets/backstage-plugin'] = `file:${packed['@platform-widgets/backstage-plugin']}`;
    writeJson(join(app, 'packages/app/package.json'), frontend);
    const backend = readJson(join(app, 'packages/backend/package.json'));
    backend.dependencies['@platform-widgets/backstage-plugin-backend'] = `file:${packed['@platform-widgets/backstage-plugin-backend']}`;
    backend.dependencies['@platform-widgets/backstage-plugin-common'] = `file:${packed['@platform-widgets/backstage-plugin-common']}`;
    writeJson(join(app, 'packages/backend/package.json'), backend);


    if (template === 'legacy') {
      // README, legacy frontend system: the EntityPage.tsx lines.
      edit(join(app, 'packages/app/src/components/catalog/EntityPage.tsx'), (text) =>
        text
          .replace(/^/, "import { EntityArgoStatusCard, isPlatformWidgetAvailable } from '@platform-widgets/backstage-plugin/legacy';\n")
          .replace(
            '    <Grid item md={6}>\n      <EntityAboutCard />\n    </Grid>\n',
            '    <Grid item md={6}>\n      <EntityAboutCard />\n    </Grid>\n' + LEGACY_CARD,
          ),
      );
    }

    // The backend plugin and the permission policy (README: "Backend" and "Permission policy").
    cpSync(join(repo, 'scripts/adopter/files'), app, { recursive: true });
    edit(join(app, 'packages/backend/src/index.ts'), (text) =>
      text
        .replace("backend.add(\n  import('@backstage/plugin-permission-backend-module-allow-all-policy'),\n);", "backend.add(import('./permissionPolicy'));")
        .replace('backend.start();', "backend.add(import('@platform-widgets/backstage-plugin-backend'));\n\nbackend.start();"),
    );

    // Annotations on the template's example-website (owned by `guests`, the signed-in guest's
    // group), and a second component owned by another team, where the guest may not act.
    edit(join(app, 'examples/entities.yaml'), (text) =>
      // The legacy template's example-website has annotations already (techdocs): add to them.
      (text.includes('metadata:\n  name: example-website\n  annotations:\n')
        ? text.replace('metadata:\n  name: example-website\n  annotations:\n', 'metadata:\n  name: example-website\n  annotations:\n    argocd/app-name: guestbook\n')
        : text.replace('metadata:\n  name: example-website\n', 'metadata:\n  name: example-website\n  annotations:\n    argocd/app-name: guestbook\n')) +
        [
          '---',
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata:',
          '  name: payments',
          '  annotations:',
          '    argocd/app-name: payments',
          'spec:',
          '  type: service',
          '  lifecycle: production',
          '  owner: payments-team',
          '  system: examples',
          '',
        ].join('\n'),
    );

    // app-config.local.yaml: the README's app-config with this test's local URLs.
    const remoteOrigin = `http://127.0.0.1:${ports.remote}`;
    writeFileSync(
      join(app, 'app-config.local.yaml'),
      `app:
  baseUrl: http://127.0.0.1:${ports.backend}
backend:
  baseUrl: http://127.0.0.1:${ports.backend}
  listen: { host: 127.0.0.1, port: ${ports.backend} }
  database: { client: better-sqlite3, connection: ':memory:' }
  cors: { origin: http://127.0.0.1:${ports.backend} }
  csp:
    script-src: ["'self'", "'unsafe-eval'", '${remoteOrigin}']
    connect-src: ["'self'", 'http:', 'https:', '${remoteOrigin}']
auth:
  providers:
    guest:
      userEntityRef: user:default/guest
      ownershipEntityRefs: [user:default/guest, group:default/guests]
permission:
  enabled: true
platformWidgets:
  remote:
    url: ${remoteOrigin}/mf-manifest.json
  endpoints:
    argocd:
      target: http://127.0.0.1:${ports.argocd}
      ui: https://argocd.example.com
      headers:
        Authorization: Bearer adopter-test-argocd-token
`,
    );

    // 5. Install, build, start, check.
    // The pin: create-app's template, and every package as locked in scripts/adopter/yarn.lock
    // (made by `yarn up '@backstage/*'`: the template's own ranges mix releases, which kills
    // the backend with "httpRouter.addWebSocketHandler is not a function").
    if (!latest && existsSync(PINNED_LOCK)) {
      const pinned = readFileSync(PINNED_LOCK, 'utf8');
      const manifest = readJson(join(app, 'package.json'));
      manifest.resolutions = { ...pinsFrom(pinned), ...manifest.resolutions };
      writeJson(join(app, 'package.json'), manifest);
      writeFileSync(join(app, 'yarn.lock'), pinned);
      run(`${template}: ` + 'yarn install (pinned yarn.lock)', 'yarn', ['install', '--no-immutable'], app);
    } else {
      run(`${template}: ` + "yarn install + yarn up '@backstage/*'", 'sh', ['-c', "yarn install --no-immutable && yarn up '@backstage/*'"], app);
      if (!latest) writeFileSync(PINNED_LOCK, withoutOwnPackages(readFileSync(join(app, 'yarn.lock'), 'utf8')));
    }
  }
  run(`${template}: ` + 'yarn tsc', 'yarn', ['tsc'], app);
  run(`${template}: ` + 'yarn workspace app build', 'yarn', ['workspace', 'app', 'build'], app);

  function start(label, command, args, cwd) {
    const logFile = join(cache, `${label}-${template}.log`);
    const out = openSync(logFile, 'w');
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', out, out] });
    child.on('exit', (code, signal) => {
      if (code && !signal && !stopping) console.error(`adopter: ${label} exited with ${code}; its log: ${logFile}`);
    });
    children.push(child);
    return { child, log: () => readFileSync(logFile, 'utf8') };
  }
  start('remote', node22, [join(repo, 'scripts/serve-static.mjs'), join(repo, 'dist/remote'), String(ports.remote)], repo);
  started = Date.now();
  const server = start('backend', 'yarn', ['workspace', 'backend', 'start'], app);
  let ready = false;
  while (!ready && Date.now() - started < 240_000) {
    await new Promise((done) => setTimeout(done, 2000));
    ready = await fetch(`http://127.0.0.1:${ports.backend}/.backstage/health/v1/readiness`).then((response) => response.ok, () => false);
    if (server.child.exitCode !== null) break;
  }
  if (!ready) {
    console.error(server.log().slice(-6000));
    throw new Error('the backend did not become ready');
  }
  timings.push([`${template}: backend start (to ready)`, (Date.now() - started) / 1000]);
  console.log(`adopter: backend ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  try {
    run(`${template}: ` + 'Chromium', 'npx', ['playwright', 'test', '-c', 'scripts/adopter/playwright.config.ts'], repo, {
      ADOPTER_TEMPLATE: template,
      ADOPTER_URL: `http://127.0.0.1:${ports.backend}`,
      ADOPTER_ARGOCD_PORT: String(ports.argocd),
    });
  } catch {
    failed.push(template);
    console.error(`adopter: the check failed; the backend log is in .cache/adopter/backend-${template}.log`);
  }

  stopAll();
  children.length = 0;
  await new Promise((done) => setTimeout(done, 3000));
  if (template === 'nfs' && !process.argv.includes('--no-dynamic')) await dynamicFeatures(app, start);
  return app;
}

/**
 * The frontend plugin's Module Federation build, installed for run-time loading: the backend's
 * `dynamicPluginsFeatureLoader` finds it under `dynamicPlugins.rootDirectory` and lists it at
 * /.backstage/dynamic-features/remotes. Counted as one check (.reports/adopter-dynamic.json).
 */
async function dynamicFeatures(app, start) {
  const root = join(app, 'dynamic-plugins-root');
  let ok = false;
  try {
    run('dynamic: the frontend plugin built with --module-federation', 'bash', ['scripts/build-plugin-mf.sh', join(root, 'platform-widgets-backstage-plugin')], repo);
    const backendPackage = readJson(join(app, 'packages/backend/package.json'));
    if (!backendPackage.dependencies['@backstage/backend-dynamic-feature-service']) {
      run('dynamic: yarn workspace backend add @backstage/backend-dynamic-feature-service', 'yarn', ['workspace', 'backend', 'add', '@backstage/backend-dynamic-feature-service'], app);
      edit(join(app, 'packages/backend/src/index.ts'), (text) =>
        text
          .replace("import { createBackend } from '@backstage/backend-defaults';", "import { createBackend } from '@backstage/backend-defaults';\nimport { dynamicPluginsFeatureLoader } from '@backstage/backend-dynamic-feature-service';")
          .replace('backend.start();', 'backend.add(dynamicPluginsFeatureLoader);\n\nbackend.start();'),
      );
      writeFileSync(join(app, 'app-config.local.yaml'), `${readFileSync(join(app, 'app-config.local.yaml'), 'utf8')}dynamicPlugins:\n  rootDirectory: ${root}\n`);
    }
    const started = Date.now();
    const server = start('backend-dynamic', 'yarn', ['workspace', 'backend', 'start'], app);
    let ready = false;
    while (!ready && Date.now() - started < 240_000 && server.child.exitCode === null) {
      await new Promise((done) => setTimeout(done, 2000));
      ready = await fetch(`http://127.0.0.1:${ports.backend}/.backstage/health/v1/readiness`).then((response) => response.ok, () => false);
    }
    if (!ready) throw new Error('the backend with the dynamic feature loader did not become ready');
    timings.push(['dynamic: backend start (to ready)', (Date.now() - started) / 1000]);
    const response = await fetch(`http://127.0.0.1:${ports.backend}/.backstage/dynamic-features/remotes`);
    const body = await response.text();
    console.log(`adopter: /.backstage/dynamic-features/remotes → ${response.status} ${body.slice(0, 600)}`);
    ok = response.ok && body.includes('@platform-widgets/backstage-plugin');
  } catch (error) {
    console.error(`adopter: dynamic features: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`adopter: dynamic features: ${ok ? 'listed' : 'NOT listed'}`);
  mkdirSync(join(repo, '.reports'), { recursive: true });
  writeJson(join(repo, '.reports/adopter-dynamic.json'), { stats: { expected: ok ? 1 : 0, unexpected: ok ? 0 : 1, flaky: 0, skipped: 0 } });
  if (!ok) failed.push('dynamic');
  stopAll();
  children.length = 0;
  await new Promise((done) => setTimeout(done, 3000));
}

const children = [];
let stopping = false;
function stopAll() {
  stopping = true;
  setTimeout(() => (stopping = false), 5000);
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}
process.on('exit', stopAll);
const failed = [];
/** The README's legacy lines, indented for overviewContent's <Grid container>. */
const LEGACY_CARD = [
  '    <EntitySwitch>',
  "      <EntitySwitch.Case if={isPlatformWidgetAvailable('argo-status')}>",
  '        <Grid item md={6}>',
  '          <EntityArgoStatusCard />',
  '        </Grid>',
  '      </EntitySwitch.Case>',
  '    </EntitySwitch>',
  '',
].join('\n');
const templates = process.argv.includes('--legacy-only') ? ['legacy'] : process.argv.includes('--nfs-only') ? ['nfs'] : ['nfs', 'legacy'];
let app = '';
let release = '';
for (const template of templates) app = await adopt(template);

// 6. Report: the release and, with --latest, the skew against the pin.
const lock = readFileSync(join(app, 'yarn.lock'), 'utf8');
const versionOf = (name) => [...lock.matchAll(new RegExp(`^"${name.replace('/', '\\/')}@npm:[^"]*":\\n  version: ([^\\n]+)`, 'gm'))].map((match) => match[1]);
const report = {
  createApp: createAppVersion,
  backstageRelease: release,
  pinned: { createApp: CREATE_APP_VERSION, backstageRelease: BACKSTAGE_RELEASE },
  resolved: Object.fromEntries(['@backstage/cli', '@backstage/backend-defaults', '@backstage/backend-plugin-api', '@backstage/frontend-plugin-api', '@backstage/frontend-defaults', '@backstage/core-plugin-api', '@backstage/plugin-catalog-react'].map((name) => [name, [...new Set(versionOf(name))].join(', ')])),
  timings: Object.fromEntries(timings.map(([label, seconds]) => [label, Number(seconds.toFixed(1))])),
};
// The skew: every @backstage/* package whose version differs from the pinned lockfile's.
if (existsSync(PINNED_LOCK)) {
  const pinned = pinsFrom(readFileSync(PINNED_LOCK, 'utf8'));
  const now = pinsFrom(lock);
  report.skew = Object.fromEntries(
    [...new Set([...Object.keys(pinned), ...Object.keys(now)])]
      .filter((name) => pinned[name] !== now[name])
      .sort()
      .map((name) => [name, `${pinned[name] ?? '-'} → ${now[name] ?? '-'}`]),
  );
  console.log(`adopter: ${Object.keys(report.skew).length} @backstage/* package(s) differ from the pin`);
}
writeJson(join(cache, latest ? 'report-latest.json' : 'report.json'), report);
console.log(JSON.stringify(report, null, 2));
process.exit(failed.length ? 1 : 0);
