// A CommonJS copy of a package's entry points (dist/<name>.cjs), beside backstage-cli's ES
// modules. A Backstage backend is CommonJS: a module of the app's backend that `require`s this
// package while the (ES module) backend plugin `import()`s it would otherwise hit Node's
// require(esm) race ("Cannot require() ES Module … because it is not yet fully loaded").
// Usage (in the package folder): node ../../scripts/build-cjs.mjs name=src/file.ts …
import { build } from 'esbuild';

const entryPoints = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split('=')));
await build({
  entryPoints,
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
