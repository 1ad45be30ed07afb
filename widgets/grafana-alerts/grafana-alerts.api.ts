import * as z from 'zod/mini';
import { apiCall, buildUrl, optionalText as text, type CallContext } from '../kit/index.js';

const labels = z.optional(z.nullable(z.record(z.string(), z.string())));
const ids = z.optional(z.nullable(z.array(z.string())));

/** One alert of Alertmanager v2 `GET /api/v2/alerts` (Grafana's built-in Alertmanager speaks the same API). */
export const alertSchema = z.object({
  fingerprint: text,
  labels: z.record(z.string(), z.string()),
  annotations: labels,
  startsAt: text,
  endsAt: text,
  updatedAt: text,
  generatorURL: text,
  status: z.object({
    /** `active`, `suppressed` (silenced or inhibited) or `unprocessed`. */
    state: z.string(),
    silencedBy: ids,
    inhibitedBy: ids,
    mutedBy: ids,
  }),
});

/** `GET /api/v2/alerts/groups`: the same alerts, grouped by route (an alert may repeat across groups). */
const alertGroupSchema = z.object({ alerts: z.array(alertSchema), labels });

/** The flat list, or the grouped shape a proxy may hand back instead; both become one flat list. */
export const alertsSchema = z.union([z.array(alertSchema), z.array(alertGroupSchema)]);

export const matcherSchema = z.object({
  name: z.string(),
  value: z.string(),
  isRegex: z.optional(z.boolean()),
  isEqual: z.optional(z.boolean()),
});

/** One silence of `GET /api/v2/silences`. */
export const silenceSchema = z.object({
  id: z.string(),
  status: z.optional(z.nullable(z.object({ state: z.string() }))),
  createdBy: text,
  comment: text,
  startsAt: text,
  endsAt: text,
  matchers: z.optional(z.nullable(z.array(matcherSchema))),
});
export const silencesSchema = z.array(silenceSchema);

/** One rule of the Prometheus-style rules API (Grafana: `/api/prometheus/grafana/api/v1/rules`). */
export const ruleSchema = z.object({
  name: z.string(),
  /** `firing` / `pending` / `inactive` (Grafana also `normal`, `alerting`, `nodata`, `error`). */
  state: text,
  health: text,
  type: text,
  uid: text,
  labels,
  annotations: labels,
  lastError: text,
  alerts: z.optional(z.nullable(z.array(z.object({ labels, state: text, activeAt: text })))),
});
export const rulesSchema = z.object({
  status: text,
  data: z.object({
    groups: z.array(z.object({ name: z.string(), file: text, rules: z.optional(z.nullable(z.array(ruleSchema))) })),
  }),
});

export type Alert = z.infer<typeof alertSchema>;
export type Silence = z.infer<typeof silenceSchema>;
export type Rule = z.infer<typeof ruleSchema>;

/** The paths below the Grafana root where Grafana serves its built-in Alertmanager and its rules. */
export const ALERTMANAGER_PATH = ['api', 'alertmanager', 'grafana', 'api', 'v2'] as const;
export const RULES_PATH = ['api', 'prometheus', 'grafana', 'api', 'v1', 'rules'] as const;

/** A parsed `k=v,k=v` selector (annotation grafana/alert-label-selector). */
export type LabelPairs = ReadonlyArray<readonly [string, string]>;

const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `team=payments, severity=critical` → pairs; undefined when empty or when a part is not
 * `name=value` with a Prometheus label name (the selector only supports equality).
 */
export function parseLabelSelector(value: string | null | undefined): LabelPairs | undefined {
  const parts = (value ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  if (!parts.length) return undefined;
  const pairs: Array<readonly [string, string]> = [];
  for (const part of parts) {
    const at = part.indexOf('=');
    const name = part.slice(0, at).trim();
    const labelValue = part.slice(at + 1).trim();
    if (at < 1 || !LABEL_NAME.test(name) || !labelValue || /^[=~]/.test(labelValue)) return undefined;
    pairs.push([name, labelValue]);
  }
  return pairs;
}

/** An Alertmanager equality matcher `name="value"`, the value quoted and escaped. */
export function alertFilter([name, value]: readonly [string, string]): string {
  return `${name}=${JSON.stringify(value)}`;
}

export function matchesSelector(alertLabels: Readonly<Record<string, string>> | null | undefined, selector: LabelPairs): boolean {
  return selector.every(([name, value]) => alertLabels?.[name] === value);
}


/**
 * `GET {api}/api/alertmanager/grafana/api/v2/alerts?filter=k="v"&…`: every alert matching the
 * selector, silenced and inhibited ones included (they are shown as such).
 */
export async function listAlerts(call: CallContext & { selector: LabelPairs }): Promise<Alert[]> {
  const answer = await apiCall(call, {
    system: 'grafana',
    path: [...ALERTMANAGER_PATH, 'alerts'],
    query: { filter: call.selector.map(alertFilter), active: true, silenced: true, inhibited: true },
    schema: alertsSchema,
  });
  const flat = answer.flatMap((entry) => ('alerts' in entry ? entry.alerts : [entry]));
  // The grouped shape repeats an alert once per matching route: keep one per fingerprint.
  const seen = new Set<string>();
  return flat.filter((alert) => {
    const key = alert.fingerprint ?? JSON.stringify(alert.labels);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `GET {api}/api/alertmanager/grafana/api/v2/silences` (who silenced, until when, why). */
export async function listSilences(call: CallContext): Promise<Silence[]> {
  return apiCall(call, {
    system: 'grafana',
    path: [...ALERTMANAGER_PATH, 'silences'],
    schema: silencesSchema,
  });
}

/** `GET {api}/api/prometheus/grafana/api/v1/rules`: every rule with its state and health. */
export async function listRules(call: CallContext): Promise<Rule[]> {
  const answer = await apiCall(call, {
    system: 'grafana',
    path: [...RULES_PATH],
    schema: rulesSchema,
  });
  return answer.data.groups.flatMap((group) => group.rules ?? []);
}

// ---- Deep links into Grafana's alerting UI -----------------------------------------

/** Labels Grafana keeps to itself (`__alert_rule_uid__`, `__grafana_origin`…): never silence matchers. */
export function isPrivateLabel(name: string): boolean {
  return name.startsWith('__');
}

/** The alert list filtered to the selector's labels (`search=label:k=v label:k=v`). */
export function alertListLink(ui: string | undefined, selector: LabelPairs | undefined): string | undefined {
  const search = selector?.map(([name, value]) => `label:${name}=${value}`).join(' ');
  return buildUrl(ui, ['alerting', 'list'], { search });
}

/** One Grafana-managed rule's page. */
export function ruleLink(ui: string | undefined, uid: string): string | undefined {
  return buildUrl(ui, ['alerting', 'grafana', uid, 'view']);
}

/** The new-silence form pre-filled with the alert's labels (`matcher=k%3Dv`, one per label). */
export function newSilenceLink(ui: string | undefined, alertLabels: Readonly<Record<string, string>>): string | undefined {
  const matcher = Object.entries(alertLabels)
    .filter(([name]) => !isPrivateLabel(name))
    .map(([name, value]) => `${name}=${value}`);
  return buildUrl(ui, ['alerting', 'silence', 'new'], { alertmanager: 'grafana', matcher });
}

/** The silences page showing only the given silences. */
export function silencesLink(ui: string | undefined, silenceIds: readonly string[]): string | undefined {
  return buildUrl(ui, ['alerting', 'silences'], { alertmanager: 'grafana', silenceIds: silenceIds.join(',') });
}
