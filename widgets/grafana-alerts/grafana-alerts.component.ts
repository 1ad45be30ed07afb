import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  annotationsOf,
  externalLink,
  firstN,
  kitStyles,
  loadSection,
  moreNote,
  relativeTime,
  statusPill,
  themeStyles,
  WidgetElement,
  type LoadContext,
  type Section,
} from '../kit/index.js';
import {
  alertListLink,
  listAlerts,
  listRules,
  listSilences,
  newSilenceLink,
  parseLabelSelector,
  ruleLink,
  silencesLink,
  type LabelPairs,
  type Silence,
} from './grafana-alerts.api.js';
import {
  ALERT_LABELS,
  ALERT_TONES,
  RULE_LABELS,
  RULE_TONES,
  byUrgency,
  countAlerts,
  rulesFor,
  toAlertView,
  type AlertView,
  type RuleView,
  type SilenceView,
} from './grafana-alerts.model.js';
import { grafanaAlertsStyles } from './grafana-alerts.styles.js';
import type { BadgePart, BadgeSummary } from '../kit/index.js';
import { grafanaAlertsDescriptor } from './grafana-alerts.descriptor.js';

export interface GrafanaAlertsData {
  /** Every alert matching the selector, most urgent first. */
  alerts: AlertView[];
  /** The rules carrying the selector's labels (Prometheus-style rules API). */
  rules: Section<RuleView[]>;
  /** Who silenced what; only read when an alert is silenced. */
  silences: { ok: true } | { ok: false; reason: string } | { ok: 'not-needed' };
}


/** Alerts drawn at most (an alert carries labels, links and silences). */
const ALERT_LIMIT = 50;

/**
 * The Grafana alerts of a service, chosen by labels: what fires (name, severity, summary,
 * description, since when, runbook), links to each alert rule and to a new silence
 * pre-filled with the alert's labels, and which alerts are silenced, by whom and until when.
 * Alerts come from Grafana's built-in Alertmanager (v2 API); rules and silences are
 * sections of their own: when they cannot be read the alerts still show.
 *
 * @summary Firing and silenced Grafana alerts of a service, with rule, silence and runbook links.
 * @attr label-selector - Labels the alerts carry, `k=v,k=v`.
 * @csspart alert - One alert.
 * @csspart rules - The alert rules section.
 * @csspart empty - The "no firing alerts" notice.
 * @cssproperty --pw-list-height - Height of the scrolling alert list (default 320px).
 */
export class GrafanaAlerts extends WidgetElement<GrafanaAlertsData> {
  static override styles = [themeStyles, kitStyles, grafanaAlertsStyles];

  @property({ attribute: 'label-selector' }) labelSelector?: string;

  protected readonly system = 'grafana' as const;
  protected override readonly openLinkLabel = 'Open alerts in Grafana';
  protected override readonly skeletonLines = 5;

  get selector(): LabelPairs | undefined {
    return parseLabelSelector(this.labelSelector);
  }

  protected missingConfig(): string | undefined {
    const annotation = annotationsOf(grafanaAlertsDescriptor, 'label-selector');
    if (!this.labelSelector?.trim()) return `Set label-selector (annotation ${annotation}), e.g. team=payments,service=checkout.`;
    return this.selector ? undefined : `label-selector must be label=value pairs separated by commas (annotation ${annotation}).`;
  }

  protected configKey(): string {
    return JSON.stringify(this.selector ?? []);
  }

  protected resourceLabel(): string {
    return this.selector?.map(([name, value]) => `${name}=${value}`).join(', ') ?? '';
  }

  protected async load({ host, signal, fresh }: LoadContext): Promise<GrafanaAlertsData> {
    const selector = this.selector ?? [];
    const call = { host, signal, fresh, instance: this.instance };
    // The rules are a section of their own: asked at once, and never a reason to fail.
    const rules = loadSection(signal, async () => rulesFor(await listRules(call), selector));
    // Handled here too: when the alerts fail first, nobody awaits the rules (an abort would go unhandled).
    rules.catch(() => undefined);
    const alerts = await listAlerts({ ...call, selector });
    const silenced = alerts.some((alert) => alert.status.silencedBy?.length);
    const silences = silenced ? loadSection(signal, () => listSilences(call)) : undefined;
    const [ruleSection, silenceSection] = await Promise.all([rules, silences]);
    const byId = new Map<string, Silence>(silenceSection?.ok ? silenceSection.value.map((silence) => [silence.id, silence]) : []);
    const ruleUids = new Map(ruleSection.ok ? ruleSection.value.flatMap((rule) => (rule.uid ? [[rule.name, rule.uid] as const] : [])) : []);
    return {
      alerts: alerts.map((alert) => toAlertView(alert, selector, byId, ruleUids)).sort(byUrgency),
      rules: ruleSection,
      silences: silenceSection === undefined
        ? { ok: 'not-needed' }
        : silenceSection.ok ? { ok: true } : silenceSection,
    };
  }

  protected isEmpty(data: GrafanaAlertsData): boolean {
    return data.alerts.length === 0;
  }

  protected deepLink(): string | undefined {
    return alertListLink(this.ui, this.selector);
  }

  protected override renderSummary(data: GrafanaAlertsData): unknown {
    const counts = countAlerts(data.alerts);
    return html`${counts.firing ? statusPill('error', `${counts.firing} firing`) : statusPill('ok', 'None firing')}
    ${counts.silenced ? statusPill('unknown', `${counts.silenced} silenced`) : nothing}
    ${counts.inhibited ? statusPill('info', `${counts.inhibited} inhibited`) : nothing}`;
  }

  protected override summarize(data: GrafanaAlertsData): BadgeSummary {
    const counts = countAlerts(data.alerts);
    const parts: BadgePart[] = [counts.firing ? { tone: 'error', text: `${counts.firing} firing` } : { tone: 'ok', text: 'none firing' }];
    if (counts.silenced) parts.push({ tone: 'unknown', text: `${counts.silenced} silenced` });
    if (counts.inhibited) parts.push({ tone: 'info', text: `${counts.inhibited} inhibited` });
    return { parts, tone: counts.firing ? 'error' : 'ok' };
  }

  protected renderEmpty(data: GrafanaAlertsData): unknown {
    return html`<p class="notice" part="empty">
        <strong>No firing alerts</strong>: nothing fires or is silenced for <code>${this.resourceLabel()}</code>.
      </p>
      ${this.renderRules(data.rules)}
      <p class="row foot">${this.openLink()}</p>`;
  }

  protected renderReady(data: GrafanaAlertsData): unknown {
    const { shown, more } = firstN(data.alerts, ALERT_LIMIT);
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${`Alerts for ${this.resourceLabel()}, most urgent first`}>
        <ul class="alerts">${repeat(shown, (alert) => alert.key, (alert) => this.renderAlert(alert, data))}</ul>
      </div>
      ${moreNote(more, this.locale, 'narrow the label selector')}
      ${this.renderRules(data.rules)}
      <p class="row foot">
        ${this.openLink()}
        ${data.silences.ok === false ? html`<span class="meta">Silence details unavailable: ${data.silences.reason}</span>` : nothing}
      </p>`;
  }


  private renderAlert(alert: AlertView, data: GrafanaAlertsData): TemplateResult {
    const rule = alert.ruleUid ? ruleLink(this.ui, alert.ruleUid) : undefined;
    return html`<li class="alert state-${alert.state}" part="alert" data-alert=${alert.name}>
      <div class="row">
        ${statusPill(ALERT_TONES[alert.state], ALERT_LABELS[alert.state])}
        ${alert.severity ? html`<span class="severity">${alert.severity}</span>` : nothing}
        <strong class="name">${alert.name}</strong>
        <span class="meta">since ${relativeTime(alert.since, this.locale, 'unknown')}</span>
      </div>
      ${alert.summary ? html`<p class="summary">${alert.summary}</p>` : nothing}
      ${alert.description ? html`<p class="description muted">${alert.description}</p>` : nothing}
      ${alert.detailLabels.length
        ? html`<p class="labels">${alert.detailLabels.map(([name, value]) => html`<code>${`${name}=${value}`}</code> `)}</p>`
        : nothing}
      ${alert.state === 'silenced' ? this.renderSilenced(alert, data) : nothing}
      <p class="row links">
        ${rule ? externalLink(rule, html`Alert rule<span class="visually-hidden"> of ${alert.name}</span>`) : nothing}
        ${!rule && alert.sourceHref
          ? externalLink(alert.sourceHref, html`Source<span class="visually-hidden"> of ${alert.name}</span>`)
          : nothing}
        ${this.renderRunbook(alert)} ${this.renderSilenceLink(alert)}
      </p>
    </li>`;
  }

  private renderRunbook(alert: AlertView): unknown {
    if (alert.runbookHref) {
      return externalLink(alert.runbookHref, html`Runbook<span class="visually-hidden"> for ${alert.name}</span>`);
    }
    return alert.runbookText ? html`<span class="runbook-text">Runbook: ${alert.runbookText}</span>` : nothing;
  }

  private renderSilenceLink(alert: AlertView): unknown {
    if (alert.state === 'silenced') {
      const href = silencesLink(this.ui, alert.silenceIds);
      return href
        ? externalLink(href, html`Manage silence<span class="visually-hidden"> of ${alert.name}</span>`)
        : nothing;
    }
    const href = newSilenceLink(this.ui, alert.labels);
    return href
      ? externalLink(href, html`Silence<span class="visually-hidden"> ${alert.name}</span>`, 'silence')
      : nothing;
  }

  private renderSilenced(alert: AlertView, data: GrafanaAlertsData): unknown {
    if (!alert.silences.length) {
      const why = data.silences.ok === false ? 'details unavailable' : 'details not found';
      return html`<p class="silenced muted">${`Silenced (${why}).`}</p>`;
    }
    return alert.silences.map((silence) => this.renderSilence(silence));
  }

  private renderSilence(silence: SilenceView): TemplateResult {
    const by = silence.createdBy ? html` by <strong>${silence.createdBy}</strong>` : nothing;
    const ends = silence.endsAt ? html`, ends ${relativeTime(silence.endsAt, this.locale)}` : nothing;
    const why = silence.comment ? html` — <q class="comment">${silence.comment}</q>` : nothing;
    return html`<p class="silenced">Silenced${by}${ends}${why}</p>`;
  }

  private renderRules(rules: GrafanaAlertsData['rules']): TemplateResult {
    if (!rules.ok) return html`<p class="meta rules-note" part="rules">Alert rules unavailable: ${rules.reason}</p>`;
    if (!rules.value.length) return html`<p class="meta rules-note" part="rules">No alert rule carries these labels.</p>`;
    return html`<section class="rules" part="rules" aria-label=${`Alert rules for ${this.resourceLabel()}`}>
      <h3>Alert rules</h3>
      <ul>
        ${firstN(rules.value).shown.map((rule) => {
          const href = rule.uid ? ruleLink(this.ui, rule.uid) : undefined;
          return html`<li data-rule=${rule.name}>
            ${statusPill(RULE_TONES[rule.state], RULE_LABELS[rule.state], rule.lastError)}
            ${href ? externalLink(href, html`${rule.name}`) : html`<span>${rule.name}</span>`}
            ${rule.firingInstances > 1 ? html`<span class="meta">${`${rule.firingInstances} instances firing`}</span>` : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }
}
