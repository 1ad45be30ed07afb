import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { APP_SUMMARY_FIELDS } from '../../widgets/argo-status/argo-status.api.js';
import { selectFields } from '../../widgets/argo-status/fixtures/fields.js';

const UPSTREAM_ARGOCD = '../shared/fixtures/upstream/argocd';
const bytes = (text: string) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text).length });

/**
 * Bytes per refresh of the <argo-status> selector with 500 real-size apps: the real upstream
 * Applications (the shared fixtures) in turn, each with its own name and uid (identical copies
 * would compress unrealistically well). Whole, as an Argo CD that ignores `fields` sends them
 * (and every Argo CD did before the widget asked), and with the fields the list asks for.
 * gzip = what a Backstage backend (it compresses) puts on the wire; for the whole answer it is
 * optimistic (three Applications repeated compress far better than 500 different ones).
 */
export function argoSelectorRefreshBytes(count = 500) {
  const files = existsSync(UPSTREAM_ARGOCD) ? readdirSync(UPSTREAM_ARGOCD).filter((name) => name.endsWith('.json')).sort() : [];
  const bases = files.length
    ? files.map((name) => JSON.parse(readFileSync(`${UPSTREAM_ARGOCD}/${name}`, 'utf8')) as { metadata: Record<string, unknown> })
    : [{ metadata: { name: 'guestbook', namespace: 'argocd' }, status: { sync: { status: 'Synced' }, health: { status: 'Healthy' } } }];
  const apps = Array.from({ length: count }, (_, i) => {
    const base = bases[i % bases.length]!;
    return { ...base, metadata: { ...base.metadata, name: `svc-${randomUUID().slice(0, 8)}-${i}`, uid: randomUUID() } };
  });
  return {
    apps: count,
    upstreamAppFixtures: files.length,
    fields: APP_SUMMARY_FIELDS,
    whole: bytes(JSON.stringify({ metadata: { resourceVersion: '1' }, items: apps })),
    withFields: bytes(JSON.stringify(selectFields(apps, APP_SUMMARY_FIELDS))),
  };
}
