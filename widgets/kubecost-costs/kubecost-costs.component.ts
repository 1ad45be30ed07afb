import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  diagnose,
  externalLink,
  kitStyles,
  renderDiagnoses,
  type LoadContext,
  themeStyles,
  WidgetElement,
} from '../kit/index.js';
import { KUBECOST_RULES, usageByName, type Usage } from './kubecost-costs.diagnosis.js';
import { allocationsLink, costFilter, getDailyAllocations, type Aggregate, type ApiFlavor, type CostQuery } from './kubecost-costs.api.js';
import { sparkline, stackedBar, swatch } from './kubecost-costs.charts.js';
import { DEFAULT_WINDOW, WINDOWS, configProblem, windowLabel } from './kubecost-costs.config.js';
import { dayFormat, moneyFormat, percentFormat, type MoneyFormat } from './kubecost-costs.format.js';
import { kubecostCostsStyles } from './kubecost-costs.styles.js';
import type { BadgePart, BadgeSummary } from '../kit/index.js';
import { CATEGORIES, CATEGORY_LABELS, summarize, type CostSummary } from './kubecost-costs.summary.js';

export interface CostData {
  summary: CostSummary;
  /** The window these figures cover. */
  window: string;
  /** Everything but the window: data for another scope is never shown, not even while loading. */
  scope: string;
  /** Requests against usage per allocation, for the right-sizing problems. */
  usage: Usage[];
}

/** Cost data moves hourly: poll every five minutes unless told otherwise. */
const DEFAULT_REFRESH_SECONDS = 300;
const NAMES_SHOWN = 5;

/**
 * Kubecost (or OpenCost) cost of a namespace or deployment: the window's total,
 * its split by resource with shares, efficiency, and a daily trend. The reader
 * can switch between 1, 7 and 30 days; money is shown in the host's currency.
 *
 * @summary Kubecost / OpenCost cost allocation for a namespace or deployment.
 * @attr namespace - Namespace whose cost is shown.
 * @attr deployment - Deployment whose cost is shown, filtered by controller.
 * @attr label - Extra `key=value` label filter.
 * @attr window - Initial window (default `7d`); the reader can switch between 1d, 7d and 30d.
 * @attr aggregate - `namespace` (default) or `controller`: how Kubecost groups the allocations.
 * @attr api-flavor - `kubecost` (default, `/model/allocation`) or `opencost` (`/allocation/compute`).
 * @attr refresh-interval - Seconds between refreshes (default 300, 0 = off).
 * @csspart window - The window selector.
 * @csspart total - The window's total.
 * @csspart split - The stacked bar of the cost split.
 * @csspart sparkline - The daily trend.
 * @cssproperty --pw-cost-cpu - Fill of the CPU segment (also --pw-cost-ram, -gpu, -pv, -network, -shared, -other).
 */
export class KubecostCosts extends WidgetElement<CostData> {
  static override styles = [themeStyles, kitStyles, kubecostCostsStyles];

  @property() namespace?: string;
  @property() deployment?: string;
  @property({ attribute: 'label' }) labelFilter?: string;
  @property({ attribute: 'window' }) timeWindow?: string;
  @property() aggregate?: string;
  @property({ attribute: 'api-flavor' }) apiFlavor?: string;

  /** The window the reader picked; the `window` attribute until they do. */
  @state() private chosenWindow?: string;

  protected readonly system = 'kubecost' as const;
  protected override readonly skeletonLines = 9;
  private previous?: CostData;

  constructor() {
    super();
    this.refreshInterval = DEFAULT_REFRESH_SECONDS;
  }

  get effectiveWindow(): string {
    return this.chosenWindow ?? (this.timeWindow || DEFAULT_WINDOW);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new window from the page wins over the reader's earlier pick.
    if (changed.has('timeWindow') && this.hasUpdated) this.chosenWindow = undefined;
    super.willUpdate(changed);
  }

  protected missingConfig(): string | undefined {
    return configProblem({
      namespace: this.namespace,
      deployment: this.deployment,
      label: this.labelFilter,
      window: this.timeWindow,
      aggregate: this.aggregate,
      apiFlavor: this.apiFlavor,
    });
  }

  protected configKey(): string {
    return JSON.stringify([this.scopeKey(), this.effectiveWindow]);
  }

  protected resourceLabel(): string {
    return [this.namespace, this.deployment].filter(Boolean).join('/');
  }

  protected async load({ host, signal, fresh }: LoadContext): Promise<CostData> {
    const query = this.query();
    const sets = await getDailyAllocations({ host, signal, fresh, query: { ...query, instance: this.instance } });
    return { summary: summarize(sets), window: query.window, scope: this.scopeKey(), usage: usageByName(sets) };
  }

  protected isEmpty(data: CostData): boolean {
    return data.summary.allocations === 0;
  }

  protected deepLink(): string | undefined {
    return allocationsLink(this.ui, this.query(), this.effectiveHost?.currency);
  }

  /**
   * While a newly chosen window loads, the previous window's figures stay up (marked as updating),
   * so the selector keeps the reader's focus instead of turning into a skeleton.
   */
  protected override get data(): CostData | undefined {
    const current = super.data;
    if (current !== undefined) return current;
    const previous = this.previous;
    return previous && previous.scope === this.scopeKey() && !this.error ? previous : undefined;
  }

  protected override summarize(data: CostData): BadgeSummary {
    const window = windowLabel(data.window);
    if (!data.summary.allocations) return { parts: [{ tone: 'info', text: `no cost in the last ${window}` }] };
    const parts: BadgePart[] = [{ tone: 'info', text: `${moneyFormat(this.effectiveHost?.currency, this.locale).format(data.summary.total)} / ${window}` }];
    const efficiency = data.summary.efficiency.total;
    if (efficiency !== undefined) parts.push({ text: `${percentFormat(this.locale)(efficiency)} efficient` });
    return { parts };
  }

  protected renderEmpty(data: CostData): unknown {
    this.previous = data;
    const what = this.deployment ? `deployment ${this.deployment}` : `namespace ${this.namespace ?? ''}`;
    const message = `${this.toolName} has no cost recorded for ${what} in the last ${windowLabel(data.window)}.`;
    return html`<div class="stack">
      ${this.renderToolbar(data)}
      <p class="notice" part="empty">${message}</p>
    </div>`;
  }

  protected renderReady(data: CostData): unknown {
    this.previous = data;
    const money = moneyFormat(this.effectiveHost?.currency, this.locale);
    const { summary } = data;
    const problems = diagnose(KUBECOST_RULES, { usage: data.usage, money: money.format, link: this.deepLink() });
    return html`<div class="stack" aria-busy=${this.switching(data) ? 'true' : 'false'}>
      ${renderDiagnoses(problems, { label: this.resourceLabel(), tool: this.toolName, locale: this.locale })}
      ${this.renderToolbar(data)} ${this.renderTotal(data, money)} ${this.renderTrend(summary, money)}
      ${this.renderSplit(summary, money)} ${this.renderNames(summary, money)}
    </div>`;
  }

  // ---- Parts ------------------------------------------------------------------------------

  private renderToolbar(data: CostData): TemplateResult {
    const options: string[] = [...WINDOWS];
    const configured = this.timeWindow || DEFAULT_WINDOW;
    if (!options.includes(configured)) options.push(configured);
    const href = this.deepLink();
    return html`<div class="toolbar">
      <fieldset class="windows" part="window">
        <legend>Window</legend>
        ${options.map((option) => html`<label class="window-option">
          <input type="radio" name="window" value=${option} .checked=${option === this.effectiveWindow}
            @change=${() => (this.chosenWindow = option)} />
          <span>${windowLabel(option)}</span>
        </label>`)}
      </fieldset>
      ${href
        ? externalLink(href, html`Open in ${this.toolName}`)
        : nothing}
      <span class="meta" role="status">${this.switching(data) ? `Loading ${windowLabel(this.effectiveWindow)}…` : ''}</span>
    </div>`;
  }

  private renderTotal(data: CostData, money: MoneyFormat): TemplateResult {
    const { summary } = data;
    const percent = percentFormat(this.locale);
    const day = dayFormat(this.locale);
    const range = summary.start && summary.end ? `${day(summary.start)} – ${day(summary.end)}` : '';
    const { total, cpu, ram } = summary.efficiency;
    return html`<dl class="figures">
      <div>
        <dt>Total, last ${windowLabel(data.window)}</dt>
        <dd class="total" part="total">${money.format(summary.total)}${money.currency ? nothing : html` <span class="meta">(currency unknown)</span>`}</dd>
        ${range ? html`<dd class="meta">${range}</dd>` : nothing}
      </div>
      <div>
        <dt>Efficiency</dt>
        <dd class="total">${percent(total)}</dd>
        <dd class="meta">CPU ${percent(cpu)} · RAM ${percent(ram)}</dd>
      </div>
    </dl>`;
  }

  private renderTrend(summary: CostSummary, money: MoneyFormat): unknown {
    const values = summary.days.map((day) => day.total);
    if (values.length < 2) return nothing;
    const last = values[values.length - 1] ?? 0;
    const label = `Daily cost over ${values.length} days: lowest ${money.format(Math.min(...values))}, `
      + `highest ${money.format(Math.max(...values))}, last day ${money.format(last)}`;
    return html`<div class="trend"><span class="meta" aria-hidden="true">Daily</span>${sparkline(values, label)}</div>`;
  }

  private renderSplit(summary: CostSummary, money: MoneyFormat): TemplateResult {
    const percent = percentFormat(this.locale);
    const rows = CATEGORIES.filter((key) => key !== 'other' || summary.amounts.other !== 0).map((key) => {
      const amount = summary.amounts[key];
      const share = summary.total > 0 ? amount / summary.total : undefined;
      return { key, label: CATEGORY_LABELS[key], amount, share, shareText: percent(share) };
    });
    const segments = rows.map((row) => ({ key: row.key, label: row.label, share: Math.max(0, row.share ?? 0), shareText: row.shareText }));
    const described = rows.filter((row) => (row.share ?? 0) > 0).map((row) => `${row.label} ${row.shareText}`).join(', ');
    return html`<div>
      ${summary.total > 0 ? stackedBar(segments, `Cost split: ${described}`) : nothing}
      <table class="split-table">
        <caption class="visually-hidden">Cost by resource</caption>
        <thead><tr><th scope="col">Resource</th><th scope="col" class="num">Cost</th><th scope="col" class="num">Share</th></tr></thead>
        <tbody>${rows.map((row) => html`<tr>
          <th scope="row">${swatch(row.key)}${row.label}</th>
          <td class="num">${money.format(row.amount)}</td>
          <td class="num">${row.shareText}</td>
        </tr>`)}</tbody>
        <tfoot><tr><th scope="row">Total</th><td class="num">${money.format(summary.total)}</td><td class="num">${summary.total > 0 ? percent(1) : '–'}</td></tr></tfoot>
      </table>
    </div>`;
  }

  private renderNames(summary: CostSummary, money: MoneyFormat): unknown {
    if (summary.byName.length < 2) return nothing;
    const title = this.aggregateBy === 'controller' ? 'By controller' : 'By namespace';
    const rest = summary.byName.length - NAMES_SHOWN;
    return html`<h3 id="names-title">${title}</h3>
      <table aria-labelledby="names-title">
        <thead><tr><th scope="col">Name</th><th scope="col" class="num">Cost</th></tr></thead>
        <tbody>${summary.byName.slice(0, NAMES_SHOWN).map((entry) => html`<tr><td><code>${entry.name}</code></td><td class="num">${money.format(entry.total)}</td></tr>`)}</tbody>
      </table>
      ${rest > 0 ? html`<p class="meta">and ${rest} more in ${this.toolName}</p>` : nothing}`;
  }

  // ---- Helpers ----------------------------------------------------------------------------

  private switching(data: CostData): boolean {
    return data.window !== this.effectiveWindow;
  }

  private get aggregateBy(): Aggregate {
    return this.aggregate === 'controller' ? 'controller' : 'namespace';
  }

  private get flavor(): ApiFlavor {
    return this.apiFlavor === 'opencost' ? 'opencost' : 'kubecost';
  }


  private scopeKey(): string {
    return JSON.stringify([this.namespace, this.deployment, this.labelFilter, this.aggregateBy, this.flavor]);
  }

  private query(): Omit<CostQuery, 'instance'> {
    return {
      flavor: this.flavor,
      window: this.effectiveWindow,
      aggregate: this.aggregateBy,
      filter: costFilter({ namespace: this.namespace, deployment: this.deployment, label: this.labelFilter }),
    };
  }
}
