import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  annotationsOf,
  actionButton,
  ActionController,
  actionStatusNote,
  diagnose,
  renderDiagnoses,
  buildUrl,
  followUntil,
  kitStyles,
  relativeTime,
  statusPill,
  themeStyles,
  WidgetElement,
  type ActionStatus,
  type LoadContext,
} from '../kit/index.js';
import { formatExact, formatRelative, parseTime, type BadgePart, type BadgeSummary } from '../kit/index.js';
import {
  appLink,
  getApplication,
  listApplications,
  selectorLink,
  sourcesOf,
  syncApplication,
  type AppQuery,
  type AppSummary,
  type Application,
} from './argo-status.api.js';
import { AppList, appListStyles } from './argo-status.app-list.js';
import { AppHistory } from './argo-status.history.js';
import { HEALTH_TONES, SYNC_TONES, healthPill, syncPill } from './argo-status.pills.js';
import { appConditions, appDetails } from './argo-status.details.js';
import { AppResources } from './argo-status.resources.js';
import { ARGO_RULES } from './argo-status.diagnosis.js';
import { argoStatusStyles } from './argo-status.styles.js';
import { argoStatusDescriptor } from './argo-status.descriptor.js';

export const ARGO_ACTIONS = { refresh: 'argocd.application.refresh', sync: 'argocd.application.sync' } as const;
/** The one-app view's buttons, in order. */
const ARGO_BUTTONS = [
  { name: 'refresh', label: 'Refresh', busyLabel: 'Refreshing…' },
  { name: 'sync', label: 'Sync', busyLabel: 'Syncing…' },
] as const;

export { HEALTH_TONES, SYNC_TONES } from './argo-status.pills.js';
export { RESOURCE_FILTERS } from './argo-status.resources.js';

export type ArgoData = { mode: 'app'; app: Application } | { mode: 'list'; apps: AppSummary[] };

const SYNC_POLL_MS = 2_000;
const SYNC_POLL_LIMIT = 30;
/** Refresh and Sync report in one place. */
const ACTION_STATUS = 'app';

/**
 * Argo CD application status: sync, health, last sync, revisions, images,
 * live resources, history with commits, and gated Refresh/Sync actions.
 * With `app-selector`, a compact list of the matching applications.
 *
 * @summary Argo CD application sync and health.
 * @attr app-name - Application name.
 * @attr app-selector - Label selector for several applications; not with app-name.
 * @attr project - Argo CD project.
 * @attr app-namespace - Namespace of the Application object, for apps in any namespace.
 * @csspart action - An action button.
 * @event pw-action - Refresh or Sync was requested, succeeded, failed or cancelled.
 * @cssproperty --pw-list-height - Height of scrolling lists (default 320px).
 */
export class ArgoStatus extends WidgetElement<ArgoData> {
  static override styles = [themeStyles, kitStyles, argoStatusStyles, appListStyles];

  @property({ attribute: 'app-name' }) appName?: string;
  @property({ attribute: 'app-selector' }) appSelector?: string;
  @property() project?: string;
  @property({ attribute: 'app-namespace' }) appNamespace?: string;

  private readonly actionRuns = new ActionController(this, this.confirm, (detail) => this.notify('pw-action', detail));

  protected readonly system = 'argocd' as const;
  protected override readonly openLinkLabel = 'Open in Argo CD';
  protected override readonly skeletonLines = 7;
  private hardRefresh = false;
  private readonly appList = new AppList(this, {
    ui: () => this.ui,
    appNamespace: () => this.appNamespace,
    selector: () => this.appSelector ?? '',
    locale: () => this.locale,
  });
  private readonly resources = new AppResources(this, {
    host: () => this.effectiveHost,
    app: () => ({ name: this.appName ?? '', appNamespace: this.appNamespace, project: this.project, instance: this.instance }),
    ui: () => this.ui,
    locale: () => this.locale,
  });
  private readonly history = new AppHistory(this, {
    host: () => this.effectiveHost,
    app: () => (this.data?.mode === 'app' && !this.compact ? this.data.app : undefined),
    query: () => this.appQuery(),
    ui: () => this.ui,
    appNamespace: () => this.appNamespace,
    locale: () => this.locale,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.history.abort();
  }

  protected missingConfig(): string | undefined {
    if (this.appName && this.appSelector) {
      const annotations = ['app-name', 'app-selector'].map((attribute) => annotationsOf(argoStatusDescriptor, attribute));
      return `Set either app-name or app-selector, not both (annotations ${annotations.join(' and ')}).`;
    }
    return this.unsetRequired(argoStatusDescriptor);
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
    return this.appList.summary(data.apps);
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
    return data.mode === 'list' ? this.appList.render(data.apps) : this.renderApp(data.app);
  }

  private appQuery(): AppQuery {
    return { instance: this.instance, appName: this.appName ?? '', project: this.project, appNamespace: this.appNamespace };
  }

  // ---- One application --------------------------------------------------------------

  private renderApp(app: Application): TemplateResult {
    const problems = diagnose(ARGO_RULES, { app, ui: this.ui, appNamespace: this.appNamespace });
    return html`<div class="stack">
      ${renderDiagnoses(problems, { label: this.resourceLabel(), tool: 'Argo CD', locale: this.locale })}
      ${this.renderOperation(app)} ${this.renderHealthMessage(app)} ${appConditions(app)} ${appDetails(app)} ${this.renderActions()}
      ${this.resources.render(app)} ${this.history.render(app)}
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

  private renderActions(): TemplateResult {
    return html`<div class="row" role="group" aria-label="Actions">
      ${ARGO_BUTTONS.map(({ name, label, busyLabel }) =>
        actionButton({
          id: `argo-${name}`,
          label,
          busyLabel,
          decision: this.decision(ARGO_ACTIONS[name]),
          busy: this.actionRuns.running === name,
          deniedReason: `${label}: no permission`,
          onClick: () => void (name === 'sync' ? this.runSync() : this.runRefresh()),
        }),
      )}
      ${this.openLink()}
      ${actionStatusNote(this.actionRuns.status(ACTION_STATUS))}
    </div>`;
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


}
