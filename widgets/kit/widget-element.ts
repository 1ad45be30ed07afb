import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { badgeView, loadBadgeView, loadingBadge, summaryText, summaryTone, type BadgeSummary, type Variant } from './badge.js';
import { decideSafely } from './decide.js';
import { watchServerStale, type ServerStale } from './server-stale.js';
import { WidgetError, toWidgetError } from './errors.js';
import { emit, type PwEventMap, type WidgetState } from './events.js';
import {
  HOST_CONFIGURED_EVENT,
  SYSTEM_NAMES,
  configuredHost,
  endpointKey,
  hostContext,
  resolveEndpoint,
  type Decision,
  type Endpoint,
  type PlatformHost,
  type SystemId,
  type Theme,
  type WidgetDescriptor,
} from './host.js';
import { ConfirmController } from './ui/confirm.js';
import { externalLink } from './ui/external-link.js';
import { missingRequired } from './required.js';
import { skeleton } from './ui/skeleton.js';
import { formatRelative, relativeTime } from './ui/time.js';
import { DEFAULT_REFRESH_MS, RefreshController } from './refresh.js';
import { kitStyles } from './styles.js';
import { parseBase, safeHref } from './urls.js';
import { themeStyles } from './theme.js';
import type { ActionDecision } from './ui/action-button.js';
import type { CallContext } from './client.js';

/** What the kit hands a widget's `load`. */
export interface LoadContext extends CallContext {
  signal: AbortSignal;
  fresh: boolean;
}

interface Loaded<T> {
  key: string;
  data: T;
  at: number;
  decisions: ReadonlyMap<string, Decision>;
  /** The server answered with a kept copy because the tool failed. */
  serverStale?: ServerStale;
}

interface Failure {
  key: string;
  error: WidgetError;
  at: number;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * What every widget stands on: host lookup (property, context, configure()),
 * the load task, polling, the five states, stale data, permission decisions
 * and events. A widget supplies what to load and how to draw it.
 *
 * @csspart card - The widget's frame.
 * @csspart header - Title row.
 * @csspart status - A status pill.
 * @csspart degraded - The deep-link fallback.
 * @event pw-state - The widget changed state: `{ state, stale, reason? }`.
 * @event pw-error - A load failed: `{ system, kind, status?, reason }`.
 */
export abstract class WidgetElement<T> extends LitElement {
  static override styles: CSSResultGroup = [themeStyles, kitStyles];

  /** The host contract. Else the nearest `<pw-host>`, else `configure()`. */
  @property({ attribute: false }) host?: PlatformHost;
  /** Named instance of the widget's tool: `endpoints["<system>:<instance>"]`. */
  @property() instance?: string;
  /** Seconds between refreshes (default 30, 0 = off). */
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval?: number;
  /** `light` or `dark` (default: the host's, else the reader's preference). */
  @property({ reflect: true }) theme?: Theme;
  /** `card` (default) or `badge`: one line, no card, for tables, headers and wiki pages. Same data and requests. */
  @property({ reflect: true }) variant?: Variant;

  @consume({ context: hostContext, subscribe: true })
  @state()
  private contextHost?: PlatformHost;

  @state() private globalHost = configuredHost();

  // ---- What a widget must say ---------------------------------------------------------

  /** The tool it talks to. */
  protected abstract readonly system: SystemId;
  /** What is missing from the attributes, as a sentence naming them; undefined when complete. */
  protected abstract missingConfig(): string | undefined;
  /** Everything the data depends on; a change reloads. */
  protected abstract configKey(): string;
  /** Fetches and shapes the data; throws (a `WidgetError`, or anything) to degrade. */
  protected abstract load(context: LoadContext): Promise<T>;
  protected abstract isEmpty(data: T): boolean;
  protected abstract renderReady(data: T): unknown;
  protected abstract renderEmpty(data: T): unknown;
  /** The tool's UI for exactly this resource (or the closest page). */
  protected abstract deepLink(): string | undefined;
  /** What this widget shows, e.g. an application name. */
  protected abstract resourceLabel(): string;

  // ---- What a widget may override ------------------------------------------------------

  /** The words of the link to `deepLink()` under a ready or empty card, e.g. "Open in Argo CD". */
  protected readonly openLinkLabel: string = 'Open in the tool';

  /** Actions gated by `decide`. */
  protected actions(): readonly string[] {
    return [];
  }
  /** The resource the actions act on, passed to `decide`. */
  protected resourceRef(): string {
    return `${endpointKey(this.system, this.endpointInstance())}/${this.configKey()}`;
  }
  /**
   * The named instance whose endpoint is used: the `instance` attribute unless a widget
   * derives it from other attributes (e.g. a registry host inside a repository slug).
   */
  protected endpointInstance(): string | undefined {
    return this.instance;
  }
  /** Whether the widget needs the endpoint's `api` (false for widgets that only link or embed the UI). */
  protected needsApi(): boolean {
    return true;
  }
  /**
   * Every tool the widget reads. One by default (`system`); a widget that follows something
   * across tools lists them all: it is configured as soon as one of them has an endpoint, and
   * shows the others as gaps itself (see {@link usableEndpoint}).
   */
  protected systems(): readonly SystemId[] {
    return [this.system];
  }
  /** The endpoint of `system` when the host has one with a usable api (the named instance applies to `system` only). */
  protected usableEndpoint(system: SystemId, platformHost = this.effectiveHost): Endpoint | undefined {
    const endpoint = resolveEndpoint(platformHost, system, system === this.system ? this.endpointInstance() : undefined);
    return endpoint && (!this.needsApi() || parseBase(endpoint.api)) ? endpoint : undefined;
  }
  /** The UI the deep links open, when it is not the tool's own (e.g. a Kubernetes dashboard). */
  protected linkToolName(): string {
    return this.toolName;
  }
  /** A summary beside the title in the ready state (e.g. status pills). */
  protected renderSummary(_data: T): unknown {
    return nothing;
  }
  /**
   * The data in one line: the badge, and this tool's line in a roll-up. Widgets say what matters
   * (e.g. `✓ Synced · ✓ Healthy`); the default only says whether there is anything.
   */
  protected summarize(data: T): BadgeSummary {
    return { parts: [{ tone: 'info', text: this.isEmpty(data) ? 'nothing to show' : 'data available' }] };
  }
  /** Lines of the loading skeleton, about the height of the ready card. */
  protected readonly skeletonLines: number = 4;

  // ---- What the kit gives a widget (with `data`, `error`, `decision()`, `reload()` and `notify()` below) ----

  /** "Set … (annotation …)." naming the descriptor's required attributes this element lacks; undefined when none. */
  protected unsetRequired(descriptor: Pick<WidgetDescriptor, 'attributes' | 'requires'>): string | undefined {
    const properties = (this.constructor as typeof LitElement).elementProperties;
    const values = this as unknown as Record<PropertyKey, unknown>;
    return missingRequired(descriptor, (attribute) => {
      const key = [...properties].find(([name, options]) => (options.attribute === undefined || options.attribute === true ? String(name).toLowerCase() : options.attribute) === attribute)?.[0];
      const value = key === undefined ? undefined : values[key];
      return typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null;
    });
  }

  /** The link to the tool's own page for this resource (`deepLink()`), opening in a new tab; nothing without one. */
  protected openLink(): TemplateResult | typeof nothing {
    return externalLink(this.deepLink(), this.openLinkLabel);
  }

  /** The tool's UI base for this widget's endpoint, for deep links. */
  protected get ui(): string | undefined {
    return resolveEndpoint(this.effectiveHost, this.system, this.endpointInstance())?.ui;
  }
  /** The badge: a widget skips what only the card shows (extra requests, frames). */
  protected get compact(): boolean {
    return this.variant === 'badge';
  }
  protected readonly confirm = new ConfirmController(this);
  protected readonly refresher = new RefreshController(this, {
    refresh: () => this.refresh(false),
    abort: () => this.task.abort(),
  });

  private loaded?: Loaded<T>;
  private failure?: Failure;
  private fresh = false;
  private aborted = false;
  private lastEmitted = '';
  private lastSummary = '';
  private themeFromHost?: Theme;

  private readonly task = new Task(this, {
    task: async ([platformHost, key], { signal }) => {
      if (!platformHost || this.configProblem(platformHost)) return initialState;
      const fresh = this.fresh;
      this.fresh = false;
      let serverStale: ServerStale | undefined;
      const host = watchServerStale(platformHost, (stale) => (serverStale = serverStale && serverStale.ageSeconds > stale.ageSeconds ? serverStale : stale));
      try {
        const [data, decisions] = await Promise.all([this.load({ host, signal, fresh }), this.decideAll(platformHost)]);
        const at = Date.now() - (serverStale?.ageSeconds ?? 0) * 1000;
        return { key, data, at, decisions, serverStale } satisfies Loaded<T>;
      } catch (error) {
        // Only this run's own abort is silent (a newer run or a reconnect follows it). Anything
        // else that aborted the load under the widget is a failure with a reason: ignored, it
        // would leave the card on "Loading" for ever.
        if (isAbort(error) && !signal.aborted) throw new WidgetError('network', 'The request was aborted, not by the widget', { cause: error });
        throw error;
      }
    },
    args: () => [this.effectiveHost, this.stateKey()] as const,
    onComplete: (loaded) => {
      this.loaded = loaded;
      this.failure = undefined;
      this.refresher.succeeded();
    },
    onError: (error) => {
      if (isAbort(error)) return;
      const failure = toWidgetError(error);
      this.failure = { key: this.stateKey(), error: failure, at: Date.now() };
      this.refresher.failed(failure.retryAfterMs);
      this.notify('pw-error', { system: this.system, kind: failure.kind, status: failure.status, reason: failure.reason });
    },
  });

  get effectiveHost(): PlatformHost | undefined {
    return this.host ?? this.contextHost ?? this.globalHost;
  }

  /** The tool's display name. */
  get toolName(): string {
    return SYSTEM_NAMES[this.system];
  }

  /** Milliseconds until the next automatic refresh (undefined when none is planned). */
  get nextRefreshIn(): number | undefined {
    return this.refresher.nextDelay;
  }

  /** Reloads now; `fresh` (default) skips the short-lived cache. */
  refresh(fresh = true): void {
    this.fresh = fresh;
    void this.task.run();
  }

  /** Reloads and waits for the outcome (used by actions that follow a change). */
  protected async reload(fresh = true): Promise<void> {
    this.refresh(fresh);
    await this.task.taskComplete.catch(() => undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener(HOST_CONFIGURED_EVENT, this.onConfigured);
    if (this.aborted) {
      this.aborted = false;
      this.refresh(false);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener(HOST_CONFIGURED_EVENT, this.onConfigured);
    this.aborted = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('refreshInterval')) {
      const seconds = this.refreshInterval;
      this.refresher.interval = seconds === undefined || Number.isNaN(seconds) ? DEFAULT_REFRESH_MS : seconds * 1000;
    }
    // Follow the host's theme unless the page set one on the element itself.
    if (this.theme === this.themeFromHost) {
      this.themeFromHost = this.effectiveHost?.theme;
      this.theme = this.themeFromHost;
    }
  }

  protected get locale(): string | undefined {
    return this.effectiveHost?.locale;
  }

  /** The data for the current configuration, if any (kept while a refresh fails). */
  protected get data(): T | undefined {
    return this.loaded?.key === this.stateKey() ? this.loaded.data : undefined;
  }

  protected get error(): WidgetError | undefined {
    return this.failure?.key === this.stateKey() ? this.failure.error : undefined;
  }

  protected get busy(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** `allow` only on an explicit allow; no host answer means deny. */
  protected decision(action: string): ActionDecision {
    if (this.data === undefined) return 'pending';
    return this.loaded?.decisions.get(action) ?? 'deny';
  }

  protected get widgetState(): WidgetState {
    const platformHost = this.effectiveHost;
    if (!platformHost || this.configProblem(platformHost)) return 'not-configured';
    const data = this.data;
    if (data !== undefined) return this.isEmpty(data) ? 'empty' : 'ready';
    // A retry after a failure keeps the reason and the link on screen (marked "retrying…").
    if (this.error) return 'degraded';
    return 'loading';
  }

  /** Emits a `pw-*` event and tells the host's onEvent. Never carries a token. */
  protected notify<K extends keyof PwEventMap>(type: K, detail: PwEventMap[K]): void {
    emit(this, type, detail);
    this.effectiveHost?.onEvent?.({ type, widget: this.localName, detail: { ...detail } });
  }

  override render(): TemplateResult {
    const current = this.widgetState;
    if (this.compact) return this.renderCompact(current);
    return html`<section
        class="card"
        part="card"
        aria-label=${`${this.toolName}: ${this.resourceLabel() || 'not configured'}`}
        aria-busy=${current === 'loading' || (current === 'degraded' && this.busy) ? 'true' : 'false'}
        data-state=${current}
        @pw-retry=${() => this.refresh()}
      >
        ${this.renderHead()} ${this.renderBody(current)}
      </section>
      ${this.confirm.render()}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const state = this.widgetState;
    const serverStale = this.data !== undefined ? this.loaded?.serverStale : undefined;
    const stale = state !== 'degraded' && (this.error !== undefined || serverStale !== undefined);
    const reason = state === 'degraded' || stale ? (this.error?.reason ?? serverStale?.reason) : undefined;
    this.emitSummary(state, stale);
    const signature = `${state}|${stale}|${reason ?? ''}`;
    if (signature === this.lastEmitted) return;
    this.lastEmitted = signature;
    this.notify('pw-state', reason === undefined ? { state, stale } : { state, stale, reason });
  }

  /** The line a roll-up reads (`pw-summary`); only to listeners, not the host's telemetry. */
  private emitSummary(state: WidgetState, stale: boolean): void {
    const data = this.data;
    const summary = data !== undefined && (state === 'ready' || state === 'empty') ? this.summarize(data) : undefined;
    const text = summary ? summaryText(summary) : state === 'degraded' ? (this.error?.reason ?? '') : state === 'not-configured' ? (this.configProblem(this.effectiveHost) ?? '') : '';
    const tone = summary ? summaryTone(summary) : state === 'loading' ? 'progress' : 'unknown';
    const href = safeHref(this.deepLink());
    const detail = { tool: this.toolName, label: this.resourceLabel(), state, tone, text, stale, ...(href ? { href } : {}) };
    const signature = JSON.stringify(detail);
    if (signature === this.lastSummary) return;
    this.lastSummary = signature;
    emit(this, 'pw-summary', detail);
  }

  private renderCompact(state: WidgetState): TemplateResult {
    const data = this.data;
    const staleReason = this.error?.reason ?? this.loaded?.serverStale?.reason;
    const showsData = state === 'ready' || state === 'empty';
    const draw = badgeView();
    if (!draw) void loadBadgeView().then(() => this.requestUpdate());
    return (draw ?? loadingBadge)({
      state,
      tool: this.toolName,
      label: this.resourceLabel(),
      href: safeHref(this.deepLink()),
      summary: showsData && data !== undefined ? this.summarize(data) : undefined,
      reason: state === 'degraded' ? this.error?.reason : state === 'not-configured' ? this.configProblem(this.effectiveHost) : undefined,
      stale: showsData && staleReason && this.loaded ? { age: formatRelative(new Date(this.loaded.at), this.locale), reason: staleReason } : undefined,
      busy: this.busy,
      onRetry: () => this.refresh(),
    });
  }

  private renderHead(): TemplateResult {
    const data = this.data;
    const label = this.resourceLabel();
    return html`<div class="head" part="header">
      <h2 class="title">${this.toolName}${label ? html` <span class="muted">·</span> ${label}` : nothing}</h2>
      ${data !== undefined ? this.renderSummary(data) : nothing}
      ${this.loaded && data !== undefined
        ? html`<span class="meta">Updated ${relativeTime(this.loaded.at, this.locale)}</span>
            <button type="button" class="refresh" part="refresh" aria-label="Reload ${this.toolName} data"
              aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => !this.busy && this.refresh()}>
              ${this.busy ? 'Reloading…' : 'Reload'}
            </button>`
        : nothing}
    </div>`;
  }

  private renderBody(current: WidgetState): unknown {
    switch (current) {
      case 'not-configured':
        return html`<div class="notice" part="not-configured" role="note">
          <strong>Not configured.</strong> ${this.configProblem(this.effectiveHost)}
        </div>`;
      case 'loading':
        return skeleton(this.skeletonLines, `Loading ${this.toolName} data`);
      case 'degraded':
        return html`<pw-deep-link
            .href=${this.deepLink()}
            .tool=${this.linkToolName()}
            .target=${this.resourceLabel()}
            .reason=${this.error?.reason ?? ''}
            .retryable=${!this.busy}
          ></pw-deep-link>
          ${this.busy ? html`<p class="meta retrying" role="status" part="retrying">Retrying…</p>` : nothing}`;
      case 'empty':
        return html`${this.renderStale()}${this.renderEmpty(this.data as T)}`;
      case 'ready':
        return html`${this.renderStale()}${this.renderReady(this.data as T)}`;
    }
  }

  private renderStale(): unknown {
    const reason = this.error?.reason ?? this.loaded?.serverStale?.reason;
    if (!reason || !this.loaded) return nothing;
    return html`<div class="stale" role="status" part="stale">
      <strong>Stale</strong>
      <span>data from ${relativeTime(this.loaded.at, this.locale)}; refresh failed: ${reason}.</span>
      <button type="button" @click=${() => this.refresh()}>Retry</button>
    </div>`;
  }

  /** Why the widget cannot load: no host, no endpoint, or missing attributes. */
  private configProblem(platformHost: PlatformHost | undefined): string | undefined {
    if (!platformHost) return 'No host: put the widget inside <pw-host> or call configure().';
    const instance = this.endpointInstance();
    const systems = this.systems();
    if (systems.length > 1) {
      if (systems.some((system) => this.usableEndpoint(system, platformHost))) return this.missingConfig();
      return `No endpoint is configured for any of ${systems.map((system) => `${SYSTEM_NAMES[system]} (endpoints["${endpointKey(system, system === this.system ? instance : undefined)}"])`).join(', ')}.`;
    }
    const endpoint = resolveEndpoint(platformHost, this.system, instance);
    // The api must be http(s) (or a path on this page); `javascript:` and the like are not an api.
    if (!endpoint || (this.needsApi() && !parseBase(endpoint.api))) {
      return `No ${this.toolName} endpoint is configured (endpoints["${endpointKey(this.system, instance)}"]).`;
    }
    return this.missingConfig();
  }

  private stateKey(): string {
    return `${endpointKey(this.system, this.endpointInstance())}|${this.configKey()}`;
  }

  private async decideAll(platformHost: PlatformHost): Promise<ReadonlyMap<string, Decision>> {
    const actions = this.actions();
    const ref = this.resourceRef();
    const entries = await Promise.all(actions.map(async (action) => [action, await decideSafely(platformHost, action, ref)] as const));
    return new Map(entries);
  }

  private readonly onConfigured = (): void => {
    this.globalHost = configuredHost();
  };
}
