import { describe, expect, it } from 'vitest';
import { alertFilter, alertListLink, newSilenceLink, parseLabelSelector, silencesLink } from './grafana-alerts.api.js';
import { ruleState, rulesFor } from './grafana-alerts.model.js';
import type { Rule } from './grafana-alerts.api.js';

describe('grafana-alerts: label selector', () => {
  it('reads k=v,k=v with spaces around parts and inside values', () => {
    expect(parseLabelSelector(' team = payments , alertname=Disk full ')).toEqual([['team', 'payments'], ['alertname', 'Disk full']]);
  });

  it('rejects what is not an equality on a label name', () => {
    for (const bad of ['', ' , ', 'team', '=x', 'team=', 'team=~pay.*', 'team!=x', '1team=x', 'te-am=x']) {
      expect(parseLabelSelector(bad), bad).toBeUndefined();
    }
  });

  it('quotes filter values as Alertmanager matchers', () => {
    expect(alertFilter(['team', 'payments'])).toBe('team="payments"');
    expect(alertFilter(['msg', 'say "hi" \\ bye'])).toBe('msg="say \\"hi\\" \\\\ bye"');
  });
});

describe('grafana-alerts: Grafana links', () => {
  const ui = 'https://grafana.example.com/sub';
  it('pre-fills a new silence with public labels only', () => {
    expect(newSilenceLink(ui, { alertname: 'A b', team: 'x&y', __alert_rule_uid__: 'u1', __grafana_origin: 'o' }))
      .toBe(`${ui}/alerting/silence/new?alertmanager=grafana&matcher=alertname%3DA+b&matcher=team%3Dx%26y`);
  });

  it('links silences by id and the alert list by labels; no link without an http(s) UI', () => {
    expect(silencesLink(ui, ['a', 'b'])).toBe(`${ui}/alerting/silences?alertmanager=grafana&silenceIds=a%2Cb`);
    expect(alertListLink(ui, [['team', 'payments']])).toBe(`${ui}/alerting/list?search=label%3Ateam%3Dpayments`);
    expect(alertListLink('javascript:alert(1)', [['team', 'x']])).toBeUndefined();
    expect(newSilenceLink(undefined, { a: 'b' })).toBeUndefined();
  });
});

describe('grafana-alerts: rule states', () => {
  const rule = (state: string, health = 'ok'): Rule => ({ name: 'r', state, health });
  it('maps Grafana and Prometheus spellings', () => {
    expect(ruleState(rule('firing'))).toBe('firing');
    expect(ruleState(rule('alerting'))).toBe('firing');
    expect(ruleState(rule('Alerting', 'nodata'))).toBe('firing');
    expect(ruleState(rule('pending'))).toBe('pending');
    expect(ruleState(rule('inactive'))).toBe('normal');
    expect(ruleState(rule('normal'))).toBe('normal');
    expect(ruleState(rule('inactive', 'nodata'))).toBe('nodata');
    expect(ruleState(rule('firing', 'err'))).toBe('error');
    expect(ruleState(rule('recovering'))).toBe('unknown');
  });

  it('keeps rules whose labels or alerts match, most urgent first', () => {
    const rules: Rule[] = [
      { name: 'calm', state: 'inactive', labels: { team: 'a' } },
      { name: 'other', state: 'firing', labels: { team: 'b' } },
      { name: 'hot', state: 'firing', alerts: [{ labels: { team: 'a', pod: 'p' } }] },
    ];
    expect(rulesFor(rules, [['team', 'a']]).map((view) => view.name)).toEqual(['hot', 'calm']);
  });
});
