import { HttpResponse, http } from 'msw';
import { html } from 'lit';
import { expect } from 'vitest';
import { conformance } from '../kit/testing/conformance.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, shadow, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { alertsSchema, rulesSchema, silencesSchema, type Alert } from './grafana-alerts.api.js';
import './grafana-alerts.js';
import type { GrafanaAlerts } from './grafana-alerts.component.js';

/*
 * Real Alertmanager v2 and rules answers (Grafana's built-in Alertmanager serves the same
 * v2 API): the flat and the grouped alert list, silences, and Grafana's rules in two states.
 */
const upstream = import.meta.glob('../../../shared/fixtures/upstream/grafana/*.json', { eager: true, import: 'default' });
const only = (pattern: RegExp) => Object.fromEntries(Object.entries(upstream).filter(([file]) => pattern.test(file)));
const silenceFiles = Object.values(only(/alertmanager-v2-silences/));

const AM = '/proxy/grafana/api/alertmanager/grafana/api/v2';
const RULES = '/proxy/grafana/api/prometheus/grafana/api/v1/rules';
const EMPTY_RULES = { status: 'success', data: { groups: [] } };

function flatten(answer: unknown): Alert[] {
  const parsed = alertsSchema.parse(answer);
  return parsed.flatMap((entry) => ('alerts' in entry ? entry.alerts : [entry]));
}

async function mount(selector: string) {
  const { element, text } = await mountWidget<GrafanaAlerts>(
    html`<grafana-alerts label-selector=${selector} refresh-interval="0"></grafana-alerts>`,
    fakeHost(),
  );
  return { element, text };
}

conformance({
  system: 'grafana',
  files: only(/alertmanager-v2-alerts-/),
  schema: alertsSchema,
  check: async (answer, raw) => {
    useHandlers(
      http.get(`${AM}/alerts`, () => HttpResponse.json(raw as Alert[])),
      http.get(`${AM}/silences`, () => HttpResponse.json(silenceFiles[0] ?? [])),
      http.get(RULES, () => HttpResponse.json(EMPTY_RULES)),
    );
    const alerts = flatten(answer);
    const { element, text } = await mount('job=any');
    await waitForState(element, 'ready');
    const unique = new Set(alerts.map((alert) => alert.fingerprint));
    expect(shadow(element).querySelectorAll('li.alert')).toHaveLength(unique.size);
    for (const alert of alerts) expect(text()).toContain(alert.labels['alertname']);
    const silenced = alerts.filter((alert) => alert.status.silencedBy?.length);
    expect(shadow(element).querySelectorAll('li.state-silenced')).toHaveLength(new Set(silenced.map((alert) => alert.fingerprint)).size);
    if (silenced.length) expect(text()).toContain('Silenced by john@example.com');
    const firing = shadow(element).querySelectorAll('li.state-firing');
    expect(firing.length).toBeGreaterThan(0);
    for (const item of firing) {
      const silence = [...item.querySelectorAll('a')].find((a) => a.textContent?.startsWith('Silence'));
      expect(new URL(silence?.href ?? '').searchParams.getAll('matcher').length).toBeGreaterThan(0);
    }
    // A runbook given as a link is a link (the flat file's first alert carries one).
    const runbooks = alerts.map((alert) => alert.annotations?.['runbook']).filter(Boolean);
    expect(shadow(element).querySelectorAll('a[href^="https://gitlab.example.com/"]')).toHaveLength(runbooks.length);
  },
});

conformance({
  system: 'grafana',
  files: only(/alertmanager-v2-silences/),
  schema: silencesSchema,
  check: (silences) => {
    expect(silences.every((silence) => silence.id && silence.createdBy && silence.endsAt)).toBe(true);
  },
});

conformance({
  system: 'grafana',
  files: only(/prometheus-rules-/),
  schema: rulesSchema,
  check: async (answer) => {
    useHandlers(
      http.get(`${AM}/alerts`, () => HttpResponse.json([])),
      http.get(RULES, () => HttpResponse.json(answer)),
    );
    const rule = answer.data.groups[0]?.rules?.[0];
    if (!rule) throw new Error('no rule in the file');
    const { element } = await mount(`alertname=${rule.name}`);
    await waitForState(element, 'empty');
    const item = shadow(element).querySelector('[part="rules"] li');
    expect(item?.textContent).toContain(rule.name);
    expect(item?.textContent).toMatch(rule.state === 'inactive' ? /Normal/ : /Firing/);
    expect(item?.querySelector('a')?.href).toBe('https://grafana.example.com/alerting/grafana/kbMKlW04z/view');
  },
});
