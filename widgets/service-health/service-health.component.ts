import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  TONE_ICONS,
  emit,
  hostContext,
  kitStyles,
  safeHref,
  skeleton,
  statusPill,
  themeStyles,
  worstTone,
  type PlatformHost,
  type PwSummaryDetail,
  type Theme,
  type Tone,
  type WidgetState,
} from '../kit/index.js';
import { OVERALL_LABELS, lineText, lineTone, parseTools, toolName, worstFirst, type Line, type ToolConfig } from './service-health.model.js';
import { serviceHealthStyles } from './service-health.styles.js';

/** A tool whose code the page has not loaded after this long shows as unknown, not as loading for ever. */
export const DEFINE_TIMEOUT_MS = 15_000;

/**
 * The whole service in one card: one line per configured tool, worst first ("Argo CD: ✕
 * OutOfSync · ✓ Healthy", "Kubernetes: 1 pod CrashLoopBackOff"), each linking to the tool and
 * to the full card. It composes the tools' own widgets in their badge form (hidden, by tag
 * name, never imported) and reads their `pw-summary` events, so its requests are the cards'
 * requests, shared through the kit's page-wide cache. A tool that fails shows as
 * "unknown: <reason>", never as healthy.
 *
 * @summary Service health roll-up over the configured tools.
 * @attr tools - JSON list: `[{"tag": "argo-status", "attributes": {"app-name": "guestbook"}, "card": "#argo"}]` (the widget's tag, its card's attributes, where the full card is).
 * @attr service - The service's name, shown in the title.
 * @attr refresh-interval - Seconds between refreshes, passed to every tool (default 30, 0 = off).
 * @attr theme - `light` or `dark` (default: the reader's preference).
 * @csspart card - The widget's frame.
 * @csspart header - Title row.
 * @csspart line - One tool's line.
 * @event pw-state - The roll-up changed state: `{ state, stale, reason? }`.
 * @event pw-elements-needed - The roll-up needs these widget tags defined: `{ tags }`.
 */
export class ServiceHealth extends LitElement {
  static override styles = [themeStyles, kitStyles, serviceHealthStyles];

  /** The host contract, passed on to every tool (else they find `<pw-host>` or `configure()` themselves). */
  @property({ attribute: false }) host?: PlatformHost;
  @property({ converter: { fromAttribute: (value) => parseTools(value) } }) tools: readonly ToolConfig[] = [];
  @property() service?: string;
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval?: number;
  @property({ reflect: true }) theme?: Theme;

  @consume({ context: hostContext, subscribe: true })
  @state()
  private contextHost?: PlatformHost;

  @state() private summaries: ReadonlyMap<number, PwSummaryDetail> = new Map();
  private themeFromHost?: Theme;
  private configured: ToolConfig[] = [];
  private sourcesKey = '';
  private sources: HTMLElement[] = [];
  private lastEmitted = '';

  /** Reloads every tool; `fresh` (default) skips the short-lived cache. */
  refresh(fresh = true): void {
    for (const source of this.sources) (source as HTMLElement & { refresh?: (fresh?: boolean) => void }).refresh?.(fresh);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tools')) this.configured = parseTools(this.tools);
    // Follow the host's theme unless the page set one on the element itself (as the widgets do).
    if (this.theme === this.themeFromHost) {
      this.themeFromHost = (this.host ?? this.contextHost)?.theme;
      this.theme = this.themeFromHost;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const key = JSON.stringify(this.configured);
    if (key !== this.sourcesKey) {
      this.sourcesKey = key;
      this.buildSources();
    } else if (changed.has('host') || changed.has('refreshInterval')) {
      for (const source of this.sources) this.configureSource(source);
    }
    this.emitState();
  }

  override render(): TemplateResult {
    const current = this.rollupState;
    const title = this.service ? `Service health · ${this.service}` : 'Service health';
    return html`<section class="card" part="card" aria-label=${title} aria-busy=${current === 'loading' ? 'true' : 'false'} data-state=${current}>
      <div class="head" part="header">
        <h2 class="title">${title}</h2>
        ${this.renderOverall(current)}
      </div>
      ${current === 'not-configured'
        ? html`<div class="notice" part="not-configured" role="note"><strong>Not configured.</strong> Set tools: the widgets (by tag) and the attributes their cards get (in Backstage, the entity's annotations).</div>`
        : html`${current === 'degraded' ? html`<p class="notice" part="degraded" role="status">No tool answered: each line says why and links to the tool.</p>` : nothing}${this.renderLines()}`}
      <div class="sources" hidden @pw-summary=${this.onSummary} @pw-state=${stop}></div>
    </section>`;
  }

  private get lines(): Line[] {
    return this.configured.map((tool, index) => ({ index, tool, summary: this.summaries.get(index) }));
  }

  private get rollupState(): WidgetState {
    const lines = this.lines;
    if (!lines.length) return 'not-configured';
    if (lines.some((line) => lineTone(line) === undefined)) return 'loading';
    return lines.every((line) => line.summary?.state === 'degraded') ? 'degraded' : 'ready';
  }

  private renderOverall(current: WidgetState): unknown {
    if (current === 'not-configured') return nothing;
    const tone = worstTone(this.lines.flatMap((line) => lineTone(line) ?? []));
    if (!tone) return nothing;
    const attention = this.lines.filter((line) => (lineTone(line) ?? 'ok') !== 'ok' && lineTone(line) !== 'info').length;
    return html`${statusPill(tone, OVERALL_LABELS[tone])}<span class="meta">${attention ? `${attention} of ${this.lines.length} need a look` : `${this.lines.length} tools`}</span>`;
  }

  private renderLines(): TemplateResult {
    const lines = worstFirst(this.lines);
    const repeated = new Set(this.configured.map((tool) => tool.tag).filter((tag, index, all) => all.indexOf(tag) !== index));
    return html`<ul class="lines" aria-label="Tools, worst first">
      ${repeat(lines, (line) => line.index, (line) => this.renderLine(line, repeated.has(line.tool.tag)))}
    </ul>`;
  }

  private renderLine(line: Line, showLabel: boolean): TemplateResult {
    const tone: Tone | undefined = lineTone(line);
    const name = line.summary?.tool ?? toolName(line.tool.tag);
    const label = showLabel && line.summary?.label ? ` (${line.summary.label})` : '';
    const href = safeHref(line.summary?.href);
    const card = safeHref(line.tool.card);
    return html`<li class="line tone-${tone ?? 'progress'}" part="line" data-tool=${line.tool.tag} data-tone=${tone ?? 'loading'}>
      <span class="icon" aria-hidden="true">${tone ? TONE_ICONS[tone] : '…'}</span>
      <span class="text"><strong>${name}${label}:</strong> ${tone ? lineText(line) : html`<span class="inline-skeleton">${skeleton(1, `Loading ${name}`)}</span>`}</span>
      <span class="links">
        ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">Open<span class="visually-hidden"> ${name}${label} (opens in a new tab)</span><span aria-hidden="true"> ↗</span></a>` : nothing}
        ${card ? html`<a href=${card}>Full card<span class="visually-hidden"> for ${name}${label}</span></a>` : nothing}
      </span>
    </li>`;
  }

  private readonly onSummary = (event: CustomEvent<PwSummaryDetail>): void => {
    event.stopPropagation();
    const index = this.sources.indexOf(event.target as HTMLElement);
    if (index < 0) return;
    const next = new Map(this.summaries);
    next.set(index, event.detail);
    this.summaries = next;
  };

  /** The tools' widgets in badge form, hidden: they load, poll and share requests like the cards. */
  private buildSources(): void {
    const container = this.renderRoot.querySelector('.sources');
    if (!container) return;
    container.replaceChildren();
    this.summaries = new Map();
    this.sources = this.configured.map((tool) => {
      const element = document.createElement(tool.tag);
      for (const [name, value] of Object.entries(tool.attributes)) element.setAttribute(name, value);
      element.setAttribute('variant', 'badge');
      this.configureSource(element);
      return element;
    });
    container.append(...this.sources);
    const missing = [...new Set(this.configured.map((tool) => tool.tag))].filter((tag) => !customElements.get(tag));
    if (missing.length) emit(this, 'pw-elements-needed', { tags: missing });
    for (const tag of missing) void this.awaitDefinition(tag, this.sourcesKey);
  }

  private configureSource(element: HTMLElement): void {
    const source = element as HTMLElement & { host?: PlatformHost };
    if (this.host) source.host = this.host;
    if (this.refreshInterval !== undefined) element.setAttribute('refresh-interval', String(this.refreshInterval));
  }

  /** A tag the page never defines becomes "unknown: …" rather than a line loading for ever. */
  private async awaitDefinition(tag: string, key: string): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const defined = await Promise.race([
      customElements.whenDefined(tag).then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), DEFINE_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    if (defined || key !== this.sourcesKey) return;
    const next = new Map(this.summaries);
    this.configured.forEach((tool, index) => {
      if (tool.tag === tag && !next.has(index)) {
        next.set(index, { tool: toolName(tag), label: '', state: 'degraded', tone: 'unknown', text: 'the widget’s code did not load', stale: false });
      }
    });
    this.summaries = next;
  }

  private emitState(): void {
    const current = this.rollupState;
    if (current === this.lastEmitted) return;
    this.lastEmitted = current;
    emit(this, 'pw-state', current === 'degraded' ? { state: current, stale: false, reason: 'No tool answered' } : { state: current, stale: false });
  }
}

function stop(event: Event): void {
  event.stopPropagation();
}

