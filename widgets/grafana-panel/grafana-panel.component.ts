import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import {
  externalLink,
  kitStyles,
  settle,
  themeStyles,
  toWidgetError,
  WidgetElement,
  type LoadContext,
  type WidgetError,
  type WidgetState,
} from '../kit/index.js';
import { searchDashboards, taggedDashboardsLink, type SearchHit } from './grafana-panel.api.js';
import { DEFAULT_EMBED_TIMEOUT_S, refusalFailure } from './grafana-panel.embed.js';
import { grafanaTheme, parseSelector, resolveTarget, type DashboardTarget, type PanelConfig } from './grafana-panel.model.js';
import { grafanaPanelStyles } from './grafana-panel.styles.js';
import { checkFrame, confirmPanel, type PanelCheck } from './grafana-panel.checks.js';
import { FrameWatch } from './grafana-panel.frame.js';
import { dashboardList, tagList } from './grafana-panel.list.js';
import type { BadgePart, BadgeSummary } from '../kit/index.js';

export interface GrafanaData {
  /** Dashboards matching `dashboard-selector`; undefined when no selector is set or the search failed beside a panel. */
  dashboards?: SearchHit[];
  /** Why the list is missing beside a dashboard link or panel (the search failed). */
  searchProblem?: string;
  /** The API confirmed that the dashboard holds the panel: only then is the frame shown. */
  panelConfirmed?: boolean;
  /** Beside a dashboard list: why the panel is not shown (dashboard or panel not found, API failure). */
  panelProblem?: string;
}

/**
 * A service's Grafana dashboard: a link by pattern, an embedded panel, and the dashboards a
 * selector finds.
 *
 * Link patterns — `service`: `{ui}/d/{uid}?var-namespace={ns}&var-service={svc}`;
 * `database`: `{ui}/d/{uid}?var-instance={db-instance}`; `custom`: `dashboard-url` as given,
 * http(s) and only on the configured Grafana UI. Without `pattern`, a `dashboard-url` means
 * custom, a `db-instance` database, else service.
 *
 * With `panel-id`, the widget first asks Grafana's API for the dashboard
 * (`GET /api/dashboards/uid/{uid}` through the API endpoint, the token only to the API base) and
 * shows the panel only when the dashboard holds that panel (top level or inside a row, collapsed
 * or not): a 404 is "Dashboard not found", a missing panel "Panel N not found on the dashboard",
 * any other failure its usual reason, each with the dashboard link. Then it asks the panel's
 * page itself (`GET {api}/d-solo/{uid}[/{slug}]?panelId=…&orgId=…&theme=…&from=…&to=…`, no
 * `var-*`) and reads its status and framing headers: `X-Frame-Options` DENY (or SAMEORIGIN on
 * another origin) or a CSP `frame-ancestors` that leaves this page out is "Grafana refuses to be
 * embedded here" with the setting to change, a 404 "Panel or dashboard not found", a redirect
 * "Redirected — sign-in in front of Grafana?", other failures their usual reasons; where the
 * check cannot be made (an API base on another origin without CORS for it) the frame shows as
 * before. Then the panel is embedded from `{ui}/d-solo/{uid}?panelId=…&from=…&to=…&theme=…`
 * plus the pattern's variables, in a sandboxed iframe (`allow-scripts allow-same-origin` only,
 * no referrer, lazy) that never carries the token; its theme follows the widget's. If the
 * panel's `load` does not arrive within `embed-timeout` seconds of becoming visible, or the
 * host calls `embedRefused()`, the panel gives way to the dashboard link with the reason and
 * the Grafana setting to change (`[security] allow_embedding = true`, `cookie_samesite` for
 * signed-in embeds). Browsers fire `load` even for a frame Grafana refused, so a host that
 * knows embedding is off should say so.
 *
 * Modes and their states:
 * - **link** (`dashboard-uid` or `dashboard-url`, no `panel-id`, no selector): makes no API request.
 *   *ready*: the link; never *empty*.
 * - **panel** (with `panel-id`, no selector): one `GET /api/dashboards/uid/{uid}` to confirm the
 *   dashboard and panel, then one `GET /d-solo/…` frame check. *ready*: the link and the panel;
 *   *degraded*: the dashboard or panel was not found, the API failed, Grafana refuses to be
 *   framed here, or the panel was refused or timed out (the link with the reason).
 * - **selector** (`dashboard-selector` only): one `GET /api/search?type=dash-db&tag=…` through
 *   the API endpoint. *ready*: the matching dashboards; *empty*: none match (link to Grafana's
 *   dashboard browser for the tags); *degraded*: the search failed.
 * - **both**: the link and panel as above, and the list below them; a failed search only
 *   notes that the list is unavailable, the panel stays; a failed panel check shows the link and
 *   reason in the panel's place, the list stays.
 *
 * @summary Grafana dashboard link, embedded panel and tagged dashboards of a service.
 * @attr dashboard-uid - Dashboard uid.
 * @attr panel-id - Panel to embed.
 * @attr pattern - `service`, `database` or `custom`.
 * @attr namespace - `var-namespace` of the service pattern.
 * @attr service - `var-service` of the service pattern.
 * @attr db-instance - `var-instance` of the database pattern.
 * @attr dashboard-url - Dashboard URL of the custom pattern.
 * @attr dashboard-selector - `tag:<tag>` or a tag, comma-separated.
 * @attr from - Start of the time range (default `now-6h`).
 * @attr to - End of the time range (default `now`).
 * @attr embed-timeout - Seconds a visible panel may take to load before the link replaces it (default 10).
 * @attr refresh-interval - Seconds between refreshes of the dashboard list (default 30, 0 = off).
 * @attr theme - `light` or `dark` (default: the host's, else the reader's preference); the panel follows it.
 * @csspart panel - The embedded panel's frame.
 * @csspart dashboards - The list of matching dashboards.
 * @event pw-error - A load or the embed failed: `{ system, kind, status?, reason }`.
 * @cssproperty --pw-panel-height - Height of the embedded panel (default 300px).
 */
export class GrafanaPanel extends WidgetElement<GrafanaData> {
  static override styles = [themeStyles, kitStyles, grafanaPanelStyles];

  @property({ attribute: 'dashboard-uid' }) dashboardUid?: string;
  @property({ attribute: 'panel-id' }) panelId?: string;
  @property() pattern?: string;
  @property() namespace?: string;
  @property() service?: string;
  @property({ attribute: 'db-instance' }) dbInstance?: string;
  @property({ attribute: 'dashboard-url' }) dashboardUrl?: string;
  @property({ attribute: 'dashboard-selector' }) dashboardSelector?: string;
  @property() from?: string;
  @property() to?: string;
  @property({ type: Number, attribute: 'embed-timeout' }) embedTimeout?: number;

  protected readonly system = 'grafana' as const;

  private readonly frame = new FrameWatch(this, (failure) =>
    this.notify('pw-error', { system: this.system, kind: failure.kind, reason: failure.reason }),
  );
  /** The src the embed state belongs to; a new src (theme, attributes) starts over. */
  private embedSrc?: string;

  /** The host knows Grafana refuses embedding (e.g. from its settings): show the link instead. */
  embedRefused(detail?: string): void {
    this.frame.fail(refusalFailure(detail));
  }

  override refresh(fresh = true): void {
    // Automatic polls leave a showing panel alone; a reload or retry loads it again.
    if (fresh || this.frame.failure) this.frame.restart();
    super.refresh(fresh);
  }

  get config(): PanelConfig {
    return {
      pattern: this.pattern,
      dashboardUid: this.dashboardUid,
      panelId: this.panelId,
      namespace: this.namespace,
      service: this.service,
      dbInstance: this.dbInstance,
      dashboardUrl: this.dashboardUrl,
      from: this.from,
      to: this.to,
    };
  }

  /** The dashboard named by the attributes (undefined in selector-only mode or when misconfigured). */
  get target(): DashboardTarget | undefined {
    const resolved = resolveTarget(this.config, this.ui, this.panelTheme);
    return 'target' in resolved ? resolved.target : undefined;
  }

  private get tags(): string[] | undefined {
    const selector = parseSelector(this.dashboardSelector);
    return selector && 'tags' in selector ? selector.tags : undefined;
  }


  private get panelTheme(): 'light' | 'dark' {
    const theme = this.theme ?? (globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    return grafanaTheme(theme);
  }

  /** The panel is all there is to show: its failure is the widget's degraded state. */
  private get panelOnly(): boolean {
    return Boolean(this.target?.embed) && !this.tags;
  }

  /** A selector searches, and a panel is confirmed, through the API; a link alone needs only the UI. */
  protected override needsApi(): boolean {
    return this.tags !== undefined || Boolean(this.target?.embed);
  }

  protected override get widgetState(): WidgetState {
    const current = super.widgetState;
    return current === 'ready' && this.panelOnly && this.frame.failure ? 'degraded' : current;
  }

  protected override get error(): WidgetError | undefined {
    return super.error ?? (this.panelOnly ? this.frame.failure : undefined);
  }

  protected missingConfig(): string | undefined {
    const selector = parseSelector(this.dashboardSelector);
    if (selector && 'problem' in selector) return selector.problem;
    const resolved = resolveTarget(this.config, this.ui, this.panelTheme);
    if ('problem' in resolved) return resolved.problem;
    if (!resolved.target && !selector) {
      return 'Set dashboard-uid (annotation platform-widgets.io/grafana-dashboard-uid) with the service pattern (namespace, service) or the database pattern (db-instance), dashboard-url (annotation grafana/overview-dashboard), or dashboard-selector (annotation grafana/dashboard-selector).';
    }
    return undefined;
  }

  protected configKey(): string {
    const { pattern, dashboardUid, panelId, namespace, service, dbInstance, dashboardUrl, from, to } = this.config;
    return JSON.stringify([pattern, dashboardUid, panelId, namespace, service, dbInstance, dashboardUrl, from, to, this.tags]);
  }

  protected resourceLabel(): string {
    if (this.dashboardUrl && (this.pattern === 'custom' || !this.pattern)) {
      try {
        return new URL(this.dashboardUrl).pathname;
      } catch {
        return this.dashboardUrl;
      }
    }
    if (this.dashboardUid) return this.service || this.dbInstance || this.dashboardUid;
    return this.dashboardSelector ?? '';
  }

  protected async load({ host, signal, fresh }: LoadContext): Promise<GrafanaData> {
    const tags = this.tags;
    const target = this.target;
    const instance = this.instance;
    const uid = target?.embed ? target.uid : undefined;
    const panelId = target?.panelId;
    const embed = target?.embed;
    const frameCheck = target?.frameCheck;
    const panelReady = async (confirm: PanelCheck): Promise<void> => {
      await confirmPanel(confirm);
      if (embed && frameCheck) await checkFrame({ host, instance, check: frameCheck, embed, signal });
    };
    const [check, search] = await Promise.all([
      uid && panelId !== undefined ? settle(panelReady({ host, instance, uid, panelId, signal, fresh })) : undefined,
      tags ? settle(searchDashboards({ host, instance, tags, signal, fresh })) : undefined,
    ]);
    const data: GrafanaData = {};
    if (check?.ok) data.panelConfirmed = true;
    else if (check) {
      // Alone, the panel is all there is: its failure is the widget's. Beside a list, it takes the panel's place.
      if (signal.aborted || !tags) throw check.error;
      data.panelProblem = toWidgetError(check.error).reason;
    }
    if (search?.ok) data.dashboards = search.value;
    else if (search) {
      // Beside a dashboard of its own the list is extra: its failure must not hide the panel.
      if (signal.aborted || !target) throw search.error;
      data.searchProblem = toWidgetError(search.error).reason;
    }
    return data;
  }

  protected isEmpty(data: GrafanaData): boolean {
    return !this.target && (data.dashboards?.length ?? 0) === 0;
  }

  protected deepLink(): string | undefined {
    const target = this.target;
    if (target) return target.link;
    const tags = this.tags;
    return tags ? taggedDashboardsLink(this.ui, tags) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const src = this.target?.embed;
    if (src !== this.embedSrc) {
      const before = this.embedSrc;
      this.embedSrc = src;
      // A host's refusal holds until a manual retry (a said-so may come before the first render);
      // anything else starts over with the new src (theme, attributes).
      if (before !== undefined && this.frame.state !== 'refused') this.frame.restart();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.frame.watch(this.renderRoot.querySelector<HTMLIFrameElement>('iframe.panel-frame') ?? undefined, this.embedTimeoutSeconds);
  }

  protected override summarize(data: GrafanaData): BadgeSummary {
    const parts: BadgePart[] = [];
    if (data.panelConfirmed) parts.push({ tone: 'ok', text: 'panel available' });
    else if (data.panelProblem) parts.push({ tone: 'warn', text: data.panelProblem });
    else if (this.target) parts.push({ tone: 'info', text: 'dashboard' });
    if (data.dashboards) parts.push({ tone: data.dashboards.length ? 'info' : 'unknown', text: `${data.dashboards.length} dashboards` });
    if (data.searchProblem) parts.push({ tone: 'warn', text: `dashboard search failed: ${data.searchProblem}` });
    return { parts };
  }

  protected renderEmpty(): unknown {
    const tags = this.tags ?? [];
    const href = taggedDashboardsLink(this.ui, tags);
    return html`<p class="notice" part="empty">No dashboards tagged ${tagList(tags)}.</p>
      ${href ? externalLink(href, 'Browse dashboards in Grafana') : nothing}`;
  }

  protected renderReady(data: GrafanaData): unknown {
    const target = this.target;
    return html`${target ? this.renderTarget(target, data) : nothing} ${this.tags ? dashboardList(data, { tags: this.tags, ui: this.ui, from: this.from, to: this.to, locale: this.locale }) : nothing}`;
  }

  private renderTarget(target: DashboardTarget, data: GrafanaData): TemplateResult {
    return html`<div class="stack">
      <p class="row">
        ${externalLink(target.link, 'Open dashboard in Grafana')}
        <span class="meta">${target.pattern} pattern</span>
      </p>
      ${this.renderPanel(target, data)}
    </div>`;
  }

  private renderPanel(target: DashboardTarget, data: GrafanaData): unknown {
    if (target.embedProblem) return html`<p class="meta">${target.embedProblem}</p>`;
    if (!target.embed) return nothing;
    if (data.panelProblem) {
      // Only reached beside a dashboard list; alone, the widget itself is degraded.
      return html`<pw-deep-link .href=${target.link} .tool=${'Grafana'} .target=${'the dashboard'} .reason=${data.panelProblem}></pw-deep-link>`;
    }
    // The frame shows only once the API confirmed the dashboard holds the panel.
    if (!data.panelConfirmed) return nothing;
    if (this.frame.failure) {
      // Only reached beside a dashboard list; alone, the widget itself is degraded.
      return html`<pw-deep-link .href=${target.link} .tool=${'Grafana'} .target=${'the dashboard'} .reason=${this.frame.failure.reason}></pw-deep-link>`;
    }
    const title = `Grafana panel ${target.panelId ?? ''} of ${this.resourceLabel() || 'the dashboard'}`;
    // sandbox: Grafana is a script-driven app (allow-scripts) that reads its own session cookie
    // and storage (allow-same-origin); nothing else — no forms, popups, top navigation. With
    // both, a frame of this page's own origin could lift its sandbox, so the src is always the
    // Grafana UI (http/https, built by the safe URL builder), never a value passed through.
    return html`<div class="panel" part="panel">
      ${keyed(this.frame.run, html`<iframe
        class="panel-frame"
        src=${target.embed}
        title=${title}
        sandbox="allow-scripts allow-same-origin"
        referrerpolicy="no-referrer"
        loading="lazy"
        @load=${this.frame.loaded}
      ></iframe>`)}
      ${this.frame.state === 'pending' ? html`<span class="meta panel-status" role="status">Loading panel…</span>` : nothing}
    </div>`;
  }

  private get embedTimeoutSeconds(): number {
    const seconds = this.embedTimeout;
    return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_EMBED_TIMEOUT_S;
  }
}
