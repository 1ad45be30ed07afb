import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  actionButton,
  ActionController,
  actionStatusNote,
  buildUrl,
  externalLink,
  firstN,
  followUntil,
  kitStyles,
  moreNote,
  relativeTime,
  statusPill,
  themeStyles,
  WidgetElement,
  type ActionStatus,
  type LoadContext,
  type Tone,
} from '../kit/index.js';
import { formatExact, formatRelative, parseTime, type BadgePart, type BadgeSummary } from '../kit/index.js';
import {
  appLink,
  getApplication,
  getRevisionMetadata,
  historyLink,
  historyNewestFirst,
  isHelm,
  listApplications,
  resourceLink,
  selectorLink,
  shortRevision,
  sourcesOf,
  syncApplication,
  type AppQuery,
  type Application,
  type ArgoResource,
  type HistoryEntry,
  type RevisionMetadata,
} from './argo-status.api.js';
import { ManifestViews, getManifest, manifestKey, manifestPanel, manifestToggle } from './argo-status.manifest.js';
import { argoStatusStyles } from './argo-status.styles.js';

export const ARGO_ACTIONS = { refresh: 'argocd.application.refresh', sync: 'argocd.application.sync' } as const;

export const SYNC_TONES: Readonly<Record<string, Tone>> = { Synced: 'ok', OutOfSync: 'warn', Unknown: 'unknown' };
export const HEALTH_TONES: Readonly<Record<string, Tone>> = {
  Healthy: 'ok',
  Progressing: 'progress',
  Degraded: 'error',
  Missing: 'warn',
  Suspended: 'info',
  Unknown: 'unknown',
};
export const RESOURCE_FILTERS = ['all', 'out-of-sync', 'unhealthy'] as const;
type ResourceFilter = (typeof RESOURCE_FILTERS)[number];

export type ArgoData = { mode: 'app'; app: Application } | { mode: 'list'; apps: Application[] };

const HISTORY_WITH_COMMITS = 5;
/** Argo CD keeps 10 history entries by default; a larger revisionHistoryLimit is cut here. */
const HISTORY_LIMIT = 25;
const SYNC_POLL_MS = 2_000;
const SYNC_POLL_LIMIT = 30;
/** Refresh and Sync report in one place. */
const ACTION_STATUS = 'app';

function syncPill(status: string | null | undefined): TemplateResult {
  const label = status ?? 'Unknown';
  return statusPill(SYNC_TONES[label] ?? 'unknown', label === 'OutOfSync' ? 'Out of sync' : label);
}

function healthPill(status: string | null | undefined, message?: string | null): TemplateResult {
  const label = status ?? 'Unknown';
  return statusPill(HEALTH_TONES[label] ?? 'unknown', label, message ?? undefined);
}

/**
 * Argo CD application status: sync, health, last sync, revisions, images,
 * live resources, history with commits, and gated Refresh/Sync actions.
 * With `app-selector`, a compact list of the matching applications.
 *
 * @summary Argo CD application sync and health.
 * @attr app-name - Application name (annotation `argocd/app-name`).
 * @attr app-selector - Label selector for several applications (annotation `argocd/app-selector`); not with app-name.
 * @attr project - Argo CD project (annotation `argocd/project-name`).
 * @attr app-namespace - Namespace of the Application object, for apps in any namespace (annotation `argocd/app-namespace`).
 * @attr instance - Named Argo CD instance (`endpoints["argocd:<instance>"]`).
 * @attr refresh-interval - Seconds between refreshes (default 30, 0 = off).
 * @attr theme - `light` or `dark` (default: the host's, else the reader's preference).
 * @csspart card - The widget's frame.
 * @csspart header - Title row.
 * @csspart status - A status pill.
 * @csspart action - An action button.
 * @csspart degraded - The deep-link fallback.
 * @event pw-state - The widget changed state: `{ state, stale, reason? }`.
 * @event pw-error - A load failed: `{ system, kind, status?, reason }`.
 * @event pw-action - Refresh or Sync was requested, succeeded, failed or cancelled.
 * @cssproperty --pw-list-height - Height of scrolling lists (default 320px).
 */
export class ArgoStatus extends WidgetElement<ArgoData> {
  static override styles = [themeStyles, kitStyles, argoStatusStyles];

  @property({ attribute: 'app-name' }) appName?: string;
  @property({ attribute: 'app-selector' }) appSelector?: string;
  @property() project?: string;
  @property({ attribute: 'app-namespace' }) appNamespace?: string;

  @state() private resourceFilter: ResourceFilter = 'all';
  @state() private resourceText = '';
  /** Live manifests, fetched only when a resource's "Manifest" is opened. */
  private readonly manifests = new ManifestViews(this);
  private readonly actionRuns = new ActionController(this, this.confirm, (detail) => this.notify('pw-action', detail));

  protected readonly system = 'argocd' as const;
  protected override readonly skeletonLines = 7;
  private hardRefresh = false;
  private readonly commitCache = new Map<string, RevisionMetadata | null>();

  private readonly commits = new Task(this, {
    task: async ([host, key], { signal }) => {
      const app = this.data?.mode === 'app' ? this.data.app : undefined;
      if (!host || !app || !key) return new Map<string, RevisionMetadata | null>();
      const entries = this.commitTargets(app);
      await Promise.all(
        entries.map(async ({ revision, sourceIndex, versionId }) => {
          const cacheKey = `${app.metadata.name}@${revision}`;
          if (this.commitCache.has(cacheKey)) return;
          try {
            const meta = await getRevisionMetadata({ host, signal, query: this.appQuery(), revision, sourceIndex, versionId });
            this.commitCache.set(cacheKey, meta);
          } catch (error) {
            if (signal.aborted) throw error;
            this.commitCache.set(cacheKey, null);
          }
        }),
      );
      return this.commitCache;
    },
    args: () => [this.effectiveHost, this.commitKey()] as const,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.commits.abort();
  }

  protected missingConfig(): string | undefined {
    if (this.appName && this.appSelector) {
      return 'Set either app-name or app-selector, not both (annotations argocd/app-name and argocd/app-selector).';
    }
    if (!this.appName && !this.appSelector) {
      return 'Set app-name (annotation argocd/app-name) or app-selector (annotation argocd/app-selector).';
    }
    return undefined;
  }

  protected configKey(): string {
    return JSON.stringify([this.appName, this.appSelector, this.project, this.appNamespace]);
  }

  protected resourceLabel(): string {
    return this.appName ?? this.appSelector ?? '';
  }

  protected override resourceRef(): string {
    const base = this.instance ? `argocd:${this.instance}` : 'argocd';
    return `${base}/applications/${this.appNamespace ? `${this.appNamespace}/` : ''}${this.appName ?? this.appSelector ?? ''}`;
  }

  protected override actions(): readonly string[] {
    return this.appName ? [ARGO_ACTIONS.refresh, ARGO_ACTIONS.sync] : [];
  }

  protected async load({ host, signal, fresh }: LoadContext): Promise<ArgoData> {
    if (this.appSelector) {
      const query = { instance: this.instance, selector: this.appSelector, project: this.project, appNamespace: this.appNamespace };
      return { mode: 'list', apps: await listApplications({ host, signal, fresh, query }) };
    }
    const hardRefresh = this.hardRefresh;
    this.hardRefresh = false;
    return { mode: 'app', app: await getApplication({ host, signal, fresh, hardRefresh, query: this.appQuery() }) };
  }

  protected isEmpty(data: ArgoData): boolean {
    return data.mode === 'list' ? data.apps.length === 0 : !data.app.status;
  }

  protected deepLink(): string | undefined {
    const ui = this.ui;
    if (this.appName) return appLink(ui, this.appName, this.appNamespace);
    if (this.appSelector) return selectorLink(ui, this.appSelector);
    return buildUrl(ui, ['applications']);
  }

  protected override renderSummary(data: ArgoData): unknown {
    if (data.mode === 'app') {
      const status = data.app.status;
      return html`${syncPill(status?.sync?.status)} ${healthPill(status?.health?.status, status?.health?.message)}`;
    }
    const count = (predicate: (app: Application) => boolean) => data.apps.filter(predicate).length;
    const outOfSync = count((app) => app.status?.sync?.status !== 'Synced');
    const unhealthy = count((app) => app.status?.health?.status !== 'Healthy');
    return html`<span class="meta">${data.apps.length} apps</span>
      ${outOfSync ? statusPill('warn', `${outOfSync} not synced`) : statusPill('ok', 'All synced')}
      ${unhealthy ? statusPill('error', `${unhealthy} not healthy`) : statusPill('ok', 'All healthy')}`;
  }

  protected override summarize(data: ArgoData): BadgeSummary {
    if (data.mode === 'list') {
      const outOfSync = data.apps.filter((app) => app.status?.sync?.status !== 'Synced').length;
      const unhealthy = data.apps.filter((app) => app.status?.health?.status !== 'Healthy').length;
      if (!data.apps.length) return { parts: [{ tone: 'info', text: 'no applications match' }] };
      return { parts: [{ text: `${data.apps.length} apps` },
        outOfSync ? { tone: 'warn', text: `${outOfSync} out of sync` } : { tone: 'ok', text: 'all synced' },
        unhealthy ? { tone: 'error', text: `${unhealthy} not healthy` } : { tone: 'ok', text: 'all healthy' }] };
    }
    const status = data.app.status;
    if (!status) return { parts: [{ tone: 'unknown', text: 'no status yet' }] };
    const [sync, health, operation] = [status.sync?.status ?? 'Unknown', status.health?.status ?? 'Unknown', status.operationState];
    const at = parseTime(operation?.finishedAt ?? operation?.startedAt);
    const parts: BadgePart[] = [
      { tone: SYNC_TONES[sync] ?? 'unknown', text: sync },
      { tone: HEALTH_TONES[health] ?? 'unknown', text: health, title: status.health?.message ?? undefined },
    ];
    if (operation?.phase === 'Failed' || operation?.phase === 'Error') parts.push({ tone: 'error', text: 'last sync failed', title: operation.message ?? undefined });
    if (at) parts.push({ text: formatRelative(at, this.locale), title: `Last sync ${formatExact(at, this.locale)}` });
    return { parts };
  }

  protected renderEmpty(data: ArgoData): unknown {
    const message = data.mode === 'list'
      ? html`No applications match <code>${this.appSelector}</code>.`
      : html`Argo CD has not reported a status for this application yet.`;
    return html`<p class="notice" part="empty">${message}</p>${this.openLink()}`;
  }

  protected renderReady(data: ArgoData): unknown {
    return data.mode === 'list' ? this.renderList(data.apps) : this.renderApp(data.app);
  }


  private appQuery(): AppQuery {
    return { instance: this.instance, appName: this.appName ?? '', project: this.project, appNamespace: this.appNamespace };
  }

  private openLink(): TemplateResult {
    const href = this.deepLink();
    return href
      ? externalLink(href, 'Open in Argo CD')
      : html``;
  }

  // ---- One application --------------------------------------------------------------

  private renderApp(app: Application): TemplateResult {
    return html`<div class="stack">
      ${this.renderOperation(app)} ${this.renderHealthMessage(app)} ${this.renderConditions(app)} ${this.renderDetails(app)} ${this.renderActions()}
      ${this.renderResources(app)} ${this.renderHistory(app)}
    </div>`;
  }

  private renderOperation(app: Application): unknown {
    const operation = app.status?.operationState;
    if (!operation) return html`<p class="operation muted">No sync has run yet.</p>`;
    const phase = operation.phase ?? 'Unknown';
    if (phase === 'Running' || phase === 'Terminating') {
      return html`<p class="operation">${statusPill('progress', 'Sync running')} ${operation.message ?? ''}
        <span class="meta">started ${relativeTime(operation.startedAt, this.locale)}</span></p>`;
    }
    if (phase === 'Failed' || phase === 'Error') {
      return html`<p class="operation">${statusPill('error', `Last sync ${phase.toLowerCase()}`)} ${operation.message ?? ''}
        <span class="meta">${relativeTime(operation.finishedAt, this.locale)}</span></p>`;
    }
    return html`<p class="operation">Last synced ${relativeTime(operation.finishedAt ?? operation.startedAt, this.locale)}
      <span class="meta">(${phase})</span></p>`;
  }

  /** The reason behind a non-healthy status, as text (a tooltip is out of reach for keyboard and touch). */
  private renderHealthMessage(app: Application): unknown {
    const health = app.status?.health;
    return health?.message && health.status !== 'Healthy'
      ? html`<p class="operation">${healthPill(health.status)} ${health.message}</p>`
      : nothing;
  }

  private renderConditions(app: Application): unknown {
    const conditions = app.status?.conditions ?? [];
    if (!conditions.length) return nothing;
    return html`<ul class="conditions" aria-label="Conditions">
      ${firstN(conditions, 50).shown.map((c) => html`<li>${statusPill(/Error/.test(c.type ?? '') ? 'error' : 'warn', c.type ?? 'Condition')} ${c.message ?? ''}</li>`)}
    </ul>`;
  }

  private renderDetails(app: Application): TemplateResult {
    const sources = sourcesOf(app);
    const synced = app.status?.sync?.revisions?.length ? app.status.sync.revisions : [app.status?.sync?.revision];
    const destination = app.spec?.destination;
    const images = app.status?.summary?.images ?? [];
    return html`<dl class="facts">
      ${sources.map((source, index) => html`
        <dt>${sources.length > 1 ? `Source ${index + 1}` : 'Source'}</dt>
        <dd>${isHelm(source)
          ? html`chart <code>${source.chart}</code> from <code>${source.repoURL ?? '–'}</code>`
          : html`<code>${source.repoURL ?? '–'}</code>${source.path ? html` · <code>${source.path}</code>` : nothing}`}</dd>
        <dt>Target</dt>
        <dd><code>${source.targetRevision || 'HEAD'}</code>
          ${synced[index] ? html`<span class="meta">synced at</span> <code title=${synced[index] ?? ''}>${shortRevision(synced[index])}</code>` : nothing}</dd>`)}
      ${destination ? html`<dt>Destination</dt><dd>${destination.name ?? destination.server ?? '–'} · ${destination.namespace ?? '–'}</dd>` : nothing}
      ${app.spec?.project ? html`<dt>Project</dt><dd>${app.spec.project}</dd>` : nothing}
      ${images.length ? html`<dt>Images</dt><dd><ul class="images">${firstN(images, 50).shown.map((image) => html`<li><code>${image}</code></li>`)}</ul></dd>` : nothing}
    </dl>`;
  }

  private renderActions(): TemplateResult {
    return html`<div class="row" role="group" aria-label="Actions">
      ${actionButton({
        id: 'argo-refresh',
        label: 'Refresh',
        busyLabel: 'Refreshing…',
        decision: this.decision(ARGO_ACTIONS.refresh),
        busy: this.actionRuns.running === 'refresh',
        deniedReason: 'Refresh: no permission',
        onClick: () => void this.runRefresh(),
      })}
      ${actionButton({
        id: 'argo-sync',
        label: 'Sync',
        busyLabel: 'Syncing…',
        decision: this.decision(ARGO_ACTIONS.sync),
        busy: this.actionRuns.running === 'sync',
        deniedReason: 'Sync: no permission',
        onClick: () => void this.runSync(),
      })}
      ${this.openLink()}
      ${actionStatusNote(this.actionRuns.status(ACTION_STATUS))}
    </div>`;
  }

  private renderResources(app: Application): unknown {
    const all = app.status?.resources ?? [];
    if (!all.length) return html`<h3>Resources</h3><p class="muted">No resources.</p>`;
    const text = this.resourceText.trim().toLowerCase();
    const shown = all.filter((r) => {
      if (this.resourceFilter === 'out-of-sync' && r.status === 'Synced') return false;
      if (this.resourceFilter === 'unhealthy' && (!r.health || r.health.status === 'Healthy')) return false;
      return !text || `${r.kind} ${r.namespace ?? ''}/${r.name}`.toLowerCase().includes(text);
    });
    const name = { name: app.metadata.name, appNamespace: this.appNamespace };
    const { shown: rows, more } = firstN(shown);
    return html`<h3 id="resources-title">Resources <span class="meta">${shown.length} of ${all.length}</span></h3>
      <div class="filters">
        <input type="search" aria-label="Filter resources by kind or name" placeholder="Filter"
          .value=${this.resourceText} @input=${(e: Event) => (this.resourceText = (e.target as HTMLInputElement).value)} />
        <select aria-label="Show resources" @change=${(e: Event) => (this.resourceFilter = (e.target as HTMLSelectElement).value as ResourceFilter)}>
          <option value="all" ?selected=${this.resourceFilter === 'all'}>All</option>
          <option value="out-of-sync" ?selected=${this.resourceFilter === 'out-of-sync'}>Out of sync</option>
          <option value="unhealthy" ?selected=${this.resourceFilter === 'unhealthy'}>Unhealthy</option>
        </select>
      </div>
      <div class="scroll" tabindex="0" role="region" aria-label=${`Resources of ${app.metadata.name}`}>
        <table>
          <thead><tr><th scope="col">Kind</th><th scope="col">Name</th><th scope="col">Sync</th><th scope="col">Health</th><th scope="col">Manifest</th></tr></thead>
          <tbody>${repeat(rows, manifestKey, (r) => this.renderResource(name, r))}</tbody>
        </table>
      </div>
      ${moreNote(more, this.locale)}
      ${rows.map((r) => manifestPanel(this.manifests, r, resourceLink(this.ui, name, r)))}`;
  }

  private renderResource(app: { name: string; appNamespace?: string }, resource: ArgoResource): TemplateResult {
    const href = resourceLink(this.ui, app, resource);
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
    const host = this.effectiveHost;
    if (!host) return;
    const app = { name: this.appName ?? '', appNamespace: this.appNamespace, project: this.project, instance: this.instance };
    this.manifests.toggle(manifestKey(resource), (signal) => getManifest({ host, app, resource, signal }));
  }

  private renderHistory(app: Application): unknown {
    const all = historyNewestFirst(app);
    if (!all.length) return nothing;
    const { shown: history, more } = firstN(all, HISTORY_LIMIT);
    const link = historyLink(this.ui, app.metadata.name, this.appNamespace);
    return html`<h3 id="history-title">History ${link ? html`<a class="meta" href=${link} target="_blank" rel="noopener noreferrer">all in Argo CD</a>` : nothing}</h3>
      <div class="scroll" tabindex="0" role="region" aria-label=${`History of ${app.metadata.name}`}>
        <table>
          <thead><tr><th scope="col">Revision</th><th scope="col">Deployed</th><th scope="col">By</th><th scope="col">Commit</th></tr></thead>
          <tbody>${history.map((entry, index) => this.renderHistoryEntry(app, entry, index))}</tbody>
        </table>
      </div>
      ${moreNote(more, this.locale, 'older entries are in Argo CD')}`;
  }

  private renderHistoryEntry(app: Application, entry: HistoryEntry, index: number): TemplateResult {
    const revisions = entry.revisions?.length ? entry.revisions : [entry.revision];
    const sources = entry.sources?.length ? entry.sources : [entry.source];
    const by = entry.initiatedBy?.automated ? 'automated' : (entry.initiatedBy?.username ?? '–');
    return html`<tr>
      <td>${revisions.map((revision, i) => html`<code title=${revision ?? ''}>${shortRevision(revision)}</code>${i < revisions.length - 1 ? ', ' : ''}`)}</td>
      <td>${relativeTime(entry.deployedAt, this.locale)}</td>
      <td>${by}</td>
      <td>${this.renderCommit(app, sources, revisions, index)}</td>
    </tr>`;
  }

  private renderCommit(
    app: Application,
    sources: ReadonlyArray<{ chart?: string | null } | null | undefined>,
    revisions: ReadonlyArray<string | null | undefined>,
    index: number,
  ): TemplateResult {
    const gitIndex = sources.findIndex((source) => !isHelm(source));
    if (gitIndex < 0) {
      const chart = sources[0]?.chart;
      return html`<span class="muted">Helm chart ${chart ?? ''} ${revisions[0] ?? ''}</span>`;
    }
    if (index >= HISTORY_WITH_COMMITS) return html`<span class="muted">–</span>`;
    const revision = revisions[gitIndex];
    const cached = revision ? this.commitCache.get(`${app.metadata.name}@${revision}`) : null;
    if (cached === undefined) {
      return this.commits.status === TaskStatus.PENDING ? html`<span class="muted">loading…</span>` : html`<span class="muted">–</span>`;
    }
    if (cached === null) return html`<span class="muted">commit details unavailable</span>`;
    const author = (cached.author ?? '').replace(/\s*<[^>]*>\s*$/, '');
    return html`<span class="commit" title=${`${cached.author ?? ''}: ${cached.message ?? ''}`}>${author}: ${cached.message ?? ''}</span>`;
  }

  private commitTargets(app: Application): Array<{ revision: string; sourceIndex?: number; versionId?: number | string }> {
    return historyNewestFirst(app)
      .slice(0, HISTORY_WITH_COMMITS)
      .flatMap((entry) => {
        const sources = entry.sources?.length ? entry.sources : [entry.source];
        const multi = Boolean(entry.sources?.length);
        const gitIndex = sources.findIndex((source) => !isHelm(source));
        const revision = multi ? entry.revisions?.[gitIndex] : entry.revision;
        if (gitIndex < 0 || !revision) return [];
        return [multi ? { revision, sourceIndex: gitIndex, versionId: entry.id ?? undefined } : { revision }];
      });
  }

  private commitKey(): string {
    const app = this.data?.mode === 'app' && !this.compact ? this.data.app : undefined;
    return app ? this.commitTargets(app).map((t) => t.revision).join(',') : '';
  }

  // ---- Actions ------------------------------------------------------------------------

  private runRefresh(): Promise<void> {
    return this.actionRuns.run('refresh', {
      action: ARGO_ACTIONS.refresh,
      resourceRef: this.resourceRef(),
      send: () => {
        this.hardRefresh = true;
        return this.reload();
      },
      outcome: () => {
        const failed = this.error;
        return Promise.resolve(
          failed ? { tone: 'error', message: `Refresh failed: ${failed.reason}` } : { tone: 'ok', message: 'Refreshed from Git' },
        );
      },
      failure: 'Refresh failed',
    }, ACTION_STATUS);
  }

  private runSync(): Promise<void> {
    const host = this.effectiveHost;
    const app = this.data?.mode === 'app' ? this.data.app : undefined;
    if (!host || !app) return Promise.resolve();
    const target = sourcesOf(app).map((s) => s.targetRevision || 'HEAD').join(', ');
    return this.actionRuns.run('sync', {
      action: ARGO_ACTIONS.sync,
      resourceRef: this.resourceRef(),
      confirm: {
        title: `Sync ${app.metadata.name}?`,
        body: html`Argo CD will apply revision <code>${target}</code> to
          ${app.spec?.destination?.namespace ?? 'its destination'}. Resources are not pruned.`,
        confirmLabel: 'Sync now',
      },
      progress: { requested: 'Sync requested…', running: 'Sync running…' },
      send: () => syncApplication({ host, query: this.appQuery() }).then(() => undefined),
      outcome: () => this.followSync(),
      failure: 'Sync failed',
    }, ACTION_STATUS);
  }

  /** Polls the application until its operation has finished (bounded). */
  private followSync(): Promise<ActionStatus> {
    return followUntil({
      reload: () => this.reload(),
      settled: () => {
        const operation = this.data?.mode === 'app' ? this.data.app.status?.operationState : undefined;
        const phase = operation?.phase;
        if (phase === 'Succeeded') return { tone: 'ok', message: 'Sync succeeded' };
        if (phase === 'Failed' || phase === 'Error') return { tone: 'error', message: `Sync failed: ${operation?.message ?? phase}` };
        return undefined;
      },
      active: () => this.isConnected,
      attempts: SYNC_POLL_LIMIT,
      intervalMs: SYNC_POLL_MS,
      stillRunning: { tone: 'info', message: 'Sync still running: follow it in Argo CD' },
    });
  }

  // ---- Several applications -----------------------------------------------------------

  private renderList(apps: Application[]): TemplateResult {
    const { shown, more } = firstN(apps);
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${`Applications matching ${this.appSelector ?? ''}`}>
      <table>
        <thead><tr><th scope="col">Application</th><th scope="col">Sync</th><th scope="col">Health</th><th scope="col">Last sync</th></tr></thead>
        <tbody>${repeat(shown, (app) => `${app.metadata.namespace}/${app.metadata.name}`, (app) => this.renderListRow(app))}</tbody>
      </table>
    </div>${moreNote(more, this.locale, 'narrow the selector')}`;
  }

  private renderListRow(app: Application): TemplateResult {
    const href = appLink(this.ui, app.metadata.name, this.appNamespace ? app.metadata.namespace : undefined);
    const status = app.status;
    return html`<tr>
      <td>${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${app.metadata.name}</a>` : app.metadata.name}</td>
      <td>${syncPill(status?.sync?.status)}</td>
      <td>${healthPill(status?.health?.status, status?.health?.message)}</td>
      <td>${relativeTime(status?.operationState?.finishedAt, this.locale)}</td>
    </tr>`;
  }
}
