import { html, nothing } from 'lit';
import * as z from 'zod/mini';
import { WidgetError, apiRequest } from '../kit/index.js';
import type { ManifestQuery, View } from './argo-status.manifest.js';
import { lineDiff, toYaml, type DiffLine } from './argo-status.yaml.js';

const text = z.optional(z.nullable(z.string()));

/** `GET /api/v1/applications/{name}/managed-resources`: the states arrive as JSON text; only these fields are read. */
const managedResourcesSchema = z.object({
  items: z.optional(
    z.nullable(
      z.array(z.object({ kind: text, name: text, namespace: text, group: text, liveState: text, targetState: text, normalizedLiveState: text })),
    ),
  ),
});

export interface Manifest {
  /** The live state as YAML (Secrets' data as Argo CD returns it: redacted). */
  live: string | undefined;
  /** Live → desired, when the resource is out of sync and a desired state exists. */
  diff: DiffLine[] | undefined;
  /** Out of sync, but too large to compare in the page. */
  diffTooLarge: boolean;
}

function parseState(state: string | null | undefined): unknown {
  if (!state || state === 'null') return undefined;
  try {
    return JSON.parse(state) as unknown;
  } catch {
    throw new WidgetError('invalid-response', 'A managed resource state is not JSON', { path: 'items[0].liveState' });
  }
}

/** Fetched only when a manifest is opened: the one resource, filtered by Argo CD itself. */
export async function getManifest({ host, app, resource, signal }: ManifestQuery): Promise<Manifest> {
  const answer = await apiRequest(host, {
    system: 'argocd',
    instance: app.instance,
    path: ['api', 'v1', 'applications', app.name, 'managed-resources'],
    query: {
      name: resource.name,
      namespace: resource.namespace,
      kind: resource.kind,
      group: resource.group,
      version: resource.version,
      appNamespace: app.appNamespace,
      project: app.project,
    },
    schema: managedResourcesSchema,
    signal,
    fresh: true,
  });
  const item = (answer.items ?? []).find((entry) => entry.kind === resource.kind && entry.name === resource.name && (entry.namespace ?? '') === (resource.namespace ?? ''));
  if (!item) throw new WidgetError('not-found', `Argo CD returned no manifest for ${resource.kind} ${resource.name}`);
  const live = parseState(item.liveState);
  const target = parseState(item.targetState);
  const liveYaml = live === undefined ? undefined : toYaml(live);
  if (resource.status !== 'OutOfSync' || target === undefined) return { live: liveYaml, diff: undefined, diffTooLarge: false };
  const compared = parseState(item.normalizedLiveState) ?? live;
  const diff = lineDiff(compared === undefined ? '' : toYaml(compared), toYaml(target));
  return { live: liveYaml, diff, diffTooLarge: diff === undefined };
}

function renderDiff(diff: readonly DiffLine[]): unknown {
  const sign = { same: '  ', removed: '- ', added: '+ ' } as const;
  return html`<p class="meta">Differences: <span class="removed">- live</span> · <span class="added">+ desired (Git)</span></p>
    <pre class="manifest diff" tabindex="0" aria-label="Differences from the desired state">${diff.map(
      (line) => html`<span class=${line.kind}>${sign[line.kind]}${line.text}\n</span>`,
    )}</pre>`;
}

/** A fetched manifest in its panel: Copy, the live state as YAML, and the diff when out of sync. */
export function manifestReady(view: View & { status: 'ready' }, copy: () => void): unknown {
  const { manifest } = view;
  return html`<div class="manifest-tools">
      <button type="button" ?disabled=${manifest.live === undefined} @click=${copy}>Copy</button>
      <span role="status">${view.copied ?? ''}</span>
    </div>
    ${manifest.live === undefined ? html`<p class="muted">Not in the cluster (missing).</p>` : html`<pre class="manifest" tabindex="0" aria-label="Live manifest">${manifest.live}</pre>`}
    ${manifest.diff ? renderDiff(manifest.diff) : nothing}
    ${manifest.diffTooLarge ? html`<p class="muted">Too large to compare here: see the diff in Argo CD.</p>` : nothing}`;
}
