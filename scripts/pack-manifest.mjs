// prepack: points package.json at the built dist/ (its `publishConfig` fields), keeping the
// source manifest beside it; postpack puts the source manifest back. Inside this repository
// the packages resolve to their TypeScript sources; their tarballs resolve to dist/.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const [phase] = process.argv.slice(2);
const saved = 'package.json.source';
if (phase === 'prepack') {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  const { publishConfig = {}, ...rest } = manifest;
  const published = { ...rest };
  for (const field of ['main', 'types', 'module', 'exports']) if (field in publishConfig) published[field] = publishConfig[field];
  for (const [field, value] of Object.entries(publishConfig)) if (!['main', 'types', 'module', 'exports'].includes(field)) published.publishConfig = { ...published.publishConfig, [field]: value };
  renameSync('package.json', saved);
  writeFileSync('package.json', `${JSON.stringify(published, null, 2)}\n`);
} else if (phase === 'postpack') {
  if (existsSync(saved)) renameSync(saved, 'package.json');
} else {
  console.error('usage: pack-manifest.mjs prepack|postpack');
  process.exit(2);
}
