import { parseTime, safeHref, type Tone } from '../kit/index.js';
import { isPrivateLabel, matchesSelector, type Alert, type LabelPairs, type Rule, type Silence } from './grafana-alerts.api.js';

/** How an alert instance stands: firing and heard, silenced, inhibited, or not yet routed. */
export const ALERT_STATES = ['firing', 'inhibited', 'silenced'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const ALERT_TONES: Readonly<Record<AlertState, Tone>> = { firing: 'error', silenced: 'unknown', inhibited: 'info' };
export const ALERT_LABELS: Readonly<Record<AlertState, string>> = { firing: 'Firing', silenced: 'Silenced', inhibited: 'Inhibited' };

/** Labels the card already shows (name, severity) or that Grafana adds to every alert (its folder). */
const SHOWN_ELSEWHERE = new Set(['alertname', 'severity', 'grafana_folder']);

/** Severities, most serious first; anything else sorts after them. */
const SEVERITY_ORDER = ['critical', 'error', 'high', 'warning', 'medium', 'low', 'info', 'none'];

export interface SilenceView {
  id: string;
  createdBy?: string;
  comment?: string;
  endsAt?: Date;
}

export interface AlertView {
  key: string;
  name: string;
  severity?: string;
  summary?: string;
  description?: string;
  /** A runbook that is a http(s) URL; else `runbookText` holds what was written. */
  runbookHref?: string;
  runbookText?: string;
  since?: Date;
  state: AlertState;
  /** Labels that tell this instance apart (not the selector's, not alertname/severity, not private ones). */
  detailLabels: ReadonlyArray<readonly [string, string]>;
  labels: Readonly<Record<string, string>>;
  /** Grafana-managed rule UID, when known. */
  ruleUid?: string;
  /** The alert's source (Grafana rule page or Prometheus graph), http(s) only. */
  sourceHref?: string;
  silenceIds: readonly string[];
  /** The silences that mute it, when the silences could be read. */
  silences: readonly SilenceView[];
}

export type RuleState = 'firing' | 'pending' | 'normal' | 'error' | 'nodata' | 'unknown';

export const RULE_TONES: Readonly<Record<RuleState, Tone>> = {
  firing: 'error',
  pending: 'warn',
  normal: 'ok',
  error: 'error',
  nodata: 'unknown',
  unknown: 'unknown',
};
export const RULE_LABELS: Readonly<Record<RuleState, string>> = {
  firing: 'Firing',
  pending: 'Pending',
  normal: 'Normal',
  error: 'Error',
  nodata: 'No data',
  unknown: 'Unknown',
};

export interface RuleView {
  name: string;
  uid?: string;
  state: RuleState;
  health?: string;
  lastError?: string;
  /** Alert instances of this rule firing for the selector's labels. */
  firingInstances: number;
}

function alertState(alert: Alert): AlertState {
  const { state, silencedBy, inhibitedBy } = alert.status;
  if (silencedBy?.length) return 'silenced';
  if (inhibitedBy?.length || state === 'suppressed') return 'inhibited';
  return 'firing';
}

function severityRank(severity: string | undefined): number {
  const index = SEVERITY_ORDER.indexOf((severity ?? '').toLowerCase());
  return index < 0 ? SEVERITY_ORDER.length : index;
}

/** Grafana writes a rule's UID on its alerts; older versions as `rule_uid`. */
function ruleUidOf(alertLabels: Readonly<Record<string, string>>): string | undefined {
  return alertLabels['__alert_rule_uid__'] ?? alertLabels['rule_uid'];
}

export function toSilenceView(silence: Silence): SilenceView {
  return {
    id: silence.id,
    createdBy: silence.createdBy || undefined,
    comment: silence.comment || undefined,
    endsAt: parseTime(silence.endsAt),
  };
}

export function toAlertView(alert: Alert, selector: LabelPairs, silences?: ReadonlyMap<string, Silence>, ruleUids?: ReadonlyMap<string, string>): AlertView {
  const annotations = alert.annotations ?? {};
  const name = alert.labels['alertname'] ?? '(unnamed alert)';
  const runbook = annotations['runbook_url'] ?? annotations['runbook'] ?? annotations['runbookURL'];
  const runbookHref = safeHref(runbook);
  const selected = new Set(selector.map(([key]) => key));
  const silenceIds = alert.status.silencedBy ?? [];
  return {
    key: alert.fingerprint ?? JSON.stringify(alert.labels),
    name,
    severity: alert.labels['severity'] ?? alert.labels['priority'],
    summary: annotations['summary'] ?? annotations['message'] ?? annotations['alert'],
    description: annotations['description'],
    runbookHref,
    runbookText: runbook && !runbookHref ? runbook : undefined,
    since: parseTime(alert.startsAt),
    state: alertState(alert),
    detailLabels: Object.entries(alert.labels)
      .filter(([key]) => !selected.has(key) && !SHOWN_ELSEWHERE.has(key) && !isPrivateLabel(key))
      .sort(([a], [b]) => a.localeCompare(b)),
    labels: alert.labels,
    ruleUid: ruleUidOf(alert.labels) ?? ruleUids?.get(name),
    sourceHref: safeHref(alert.generatorURL),
    silenceIds,
    silences: silenceIds.flatMap((id) => {
      const silence = silences?.get(id);
      return silence ? [toSilenceView(silence)] : [];
    }),
  };
}

/** Firing first, then inhibited, then silenced; within each, most severe, then longest firing. */
export function byUrgency(a: AlertView, b: AlertView): number {
  const order = (view: AlertView) => ALERT_STATES.indexOf(view.state);
  return order(a) - order(b)
    || severityRank(a.severity) - severityRank(b.severity)
    || (a.since?.getTime() ?? 0) - (b.since?.getTime() ?? 0)
    || a.name.localeCompare(b.name);
}

/** Grafana says `alerting`/`Alerting`/`normal`/`nodata`; Prometheus `firing`/`pending`/`inactive`. */
export function ruleState(rule: Rule): RuleState {
  const health = (rule.health ?? '').toLowerCase();
  if (health === 'error' || health === 'err') return 'error';
  const state = (rule.state ?? '').toLowerCase();
  if (state === 'firing' || state === 'alerting') return 'firing';
  if (state === 'pending') return 'pending';
  if (health === 'nodata') return 'nodata';
  if (state === 'inactive' || state === 'normal' || state === 'ok') return 'normal';
  return 'unknown';
}

function isFiring(state: string | null | undefined): boolean {
  const lower = (state ?? '').toLowerCase();
  return lower === 'firing' || lower === 'alerting';
}

/** The rules whose own labels, or one of whose alerts' labels, match the selector. */
export function rulesFor(rules: readonly Rule[], selector: LabelPairs): RuleView[] {
  return rules
    .filter((rule) => matchesSelector(rule.labels, selector) || (rule.alerts ?? []).some((alert) => matchesSelector(alert.labels, selector)))
    .map((rule) => ({
      name: rule.name,
      uid: rule.uid ?? rule.labels?.['__alert_rule_uid__'] ?? rule.labels?.['rule_uid'] ?? undefined,
      state: ruleState(rule),
      health: rule.health ?? undefined,
      lastError: rule.lastError || undefined,
      firingInstances: (rule.alerts ?? []).filter((alert) => isFiring(alert.state) && matchesSelector(alert.labels, selector)).length,
    }))
    .sort((a, b) => Object.keys(RULE_TONES).indexOf(a.state) - Object.keys(RULE_TONES).indexOf(b.state) || a.name.localeCompare(b.name));
}

export interface AlertCounts {
  firing: number;
  silenced: number;
  inhibited: number;
}

export function countAlerts(alerts: readonly AlertView[]): AlertCounts {
  const counts: AlertCounts = { firing: 0, silenced: 0, inhibited: 0 };
  for (const alert of alerts) counts[alert.state] += 1;
  return counts;
}
