import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { firstN, moreNote, type PlatformHost } from '../kit/index.js';
import { resourceLink, type Application, type ArgoResource } from './argo-status.api.js';
import { ManifestViews, loadManifest, manifestKey, manifestPanel, manifestToggle, type ManifestQuery } from './argo-status.manifest.js';
import { healthPill, syncPill } from './argo-status.pills.js';

export const RESOURCE_FILTERS = ['all', 'out-of-sync', 'unhealthy'] as const;
type ResourceFilter = (typeof RESOURCE_FILTERS)[number];

export interface ResourcesContext {
  host(): PlatformHost | undefined;
  app(): ManifestQuery['app'];
  ui(): string | undefined;
  locale(): string | undefined;
}

/** The live resources of one application: filters, sync and health each, and their live manifests. */
export class AppResources {
  private filter: ResourceFilter = 'all';
  private text = '';
  /** Live manifests, fetched only when a resource's "Manifest" is opened. */
  private readonly manifests: ManifestViews;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly context: ResourcesContext,
  ) {
    this.manifests = new ManifestViews(host);
  }

  render(app: Application): unknown {
    const all = app.status?.resources ?? [];
    if (!all.length) return html`<h3>Resources</h3><p class="muted">No resources.</p>`;
    const text = this.text.trim().toLowerCase();
    const shown = all.filter((r) => {
      if (this.filter === 'out-of-sync' && r.status === 'Synced') return false;
      if (this.filter === 'unhealthy' && (!r.health || r.health.status === 'Healthy')) return false;
      return !text || `${r.kind} ${r.namespace ?? ''}/${r.name}`.toLowerCase().includes(text);
    });
    const name = { name: app.metadata.name, appNamespace: this.context.app().appNamespace ?? undefined };
    const { shown: rows, more } = firstN(shown);
    return html`<h3 id="resources-title">Resources <span class="meta">${shown.length} of ${all.length}</span></h3>
      <div class="filters">
        <input type="search" aria-label="Filter resources by kind or name" placeholder="Filter"
          .value=${this.text} @input=${(e: Event) => this.setText((e.target as HTMLInputElement).value)} />
        <select aria-label="Show resources" @change=${(e: Event) => this.setFilter((e.target as HTMLSelectElement).value as ResourceFilter)}>
          <option value="all" ?selected=${this.filter === 'all'}>All</option>
          <option value="out-of-sync" ?selected=${this.filter === 'out-of-sync'}>Out of sync</option>
          <option value="unhealthy" ?selected=${this.filter === 'unhealthy'}>Unhealthy</option>
        </select>
      </div>
      <div class="scroll" tabindex="0" role="region" aria-label=${`Resources of ${app.metadata.name}`}>
        <table>
          <thead><tr><th scope="col">Kind</th><th scope="col">Name</th><th scope="col">Sync</th><th scope="col">Health</th><th scope="col">Manifest</th></tr></thead>
          <tbody>${repeat(rows, manifestKey, (r) => this.renderRow(name, r))}</tbody>
        </table>
      </div>
      ${moreNote(more, this.context.locale())}
      ${rows.map((r) => manifestPanel(this.manifests, r, resourceLink(this.context.ui(), name, r)))}`;
  }

  private renderRow(app: { name: string; appNamespace?: string }, resource: ArgoResource): TemplateResult {
    const href = resourceLink(this.context.ui(), app, resource);
    const label = `${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
    return html`<tr>
      <td>${resource.kind}</td>
      <td>${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${label}</a>` : label}</td>
      <td>${syncPill(resource.status)}</td>
      <td>${resource.health ? healthPill(resource.health.status, resource.health.message) : html`<span class="muted">–</span>`}</td>
      <td>${manifestToggle(this.manifests, resource, () => this.openManifest(resource))}</td>
    </tr>`;
  }

  private openManifest(resource: ArgoResource): void {
    const host = this.context.host();
    if (!host) return;
    const app = this.context.app();
    this.manifests.toggle(manifestKey(resource), (signal) => loadManifest({ host, app, resource, signal }));
  }

  private setText(text: string): void {
    this.text = text;
    this.host.requestUpdate();
  }

  private setFilter(filter: ResourceFilter): void {
    this.filter = filter;
    this.host.requestUpdate();
  }
}
