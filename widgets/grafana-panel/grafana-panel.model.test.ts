import { describe, expect, it } from 'vitest';
import { effectivePattern, parseSelector, resolveTarget } from './grafana-panel.model.js';
import { frameVerdict } from './grafana-panel.embed.js';

const UI = 'https://grafana.example.com/grafana';

describe('grafana-panel: pattern', () => {
  it('is the attribute when valid, else inferred from what is set', () => {
    expect(effectivePattern({ pattern: 'database' })).toBe('database');
    expect(effectivePattern({ pattern: 'other' })).toBeUndefined();
    expect(effectivePattern({ dashboardUrl: `${UI}/d/x` })).toBe('custom');
    expect(effectivePattern({ dbInstance: 'db-0' })).toBe('database');
    expect(effectivePattern({ dashboardUid: 'x' })).toBe('service');
  });

  it('builds links and panels below a Grafana served on a sub-path', () => {
    const resolved = resolveTarget({ dashboardUid: 'pg', dbInstance: 'db-0', panelId: '7', from: 'now-1h' }, UI, 'dark');
    expect(resolved).toEqual({
      target: {
        pattern: 'database',
        uid: 'pg',
        panelId: 7,
        link: `${UI}/d/pg?var-instance=db-0&from=now-1h`,
        embed: `${UI}/d-solo/pg?panelId=7&from=now-1h&to=now&theme=dark&var-instance=db-0`,
        frameCheck: { path: ['d-solo', 'pg'], query: { panelId: '7', from: 'now-1h', to: 'now', theme: 'dark' } },
      },
    });
  });

  it('names no dashboard in a selector-only configuration', () => {
    expect(resolveTarget({}, UI, 'light')).toEqual({ target: undefined });
  });

  it('keeps a custom URL below the Grafana UI base only', () => {
    expect(resolveTarget({ dashboardUrl: 'https://grafana.example.com/other/d/x' }, UI, 'light')).toHaveProperty('problem');
    expect(resolveTarget({ dashboardUrl: `${UI}/d/x/slug?var-a=1` }, UI, 'light')).toEqual({ target: { pattern: 'custom', link: `${UI}/d/x/slug?var-a=1` } });
  });
});

describe('grafana-panel: dashboard-selector', () => {
  it('reads tag:<tag>, bare tags, quoted tags and comma lists', () => {
    expect(parseSelector('tag:service-x')).toEqual({ tags: ['service-x'] });
    expect(parseSelector('service-x')).toEqual({ tags: ['service-x'] });
    expect(parseSelector(` tag: "team a" , prod `)).toEqual({ tags: ['team a', 'prod'] });
    expect(parseSelector('  ')).toBeUndefined();
  });

  it('rejects expressions it does not support', () => {
    for (const raw of ['title:checkout', 'folder:ops', "tags @> 'x'", 'tag:(a||b)']) expect(parseSelector(raw)).toHaveProperty('problem');
  });
});

describe('grafana-panel: frame verdict from /d-solo/ headers', () => {
  const PAGE = 'https://portal.example.com';
  const GRAFANA = 'https://grafana.example.com/d-solo/x?panelId=1';
  const verdict = (headers: Record<string, string>, page = PAGE) => frameVerdict({ status: 200, headers }, page, GRAFANA)?.reason;

  it('frame-ancestors sources: *, schemes, wildcard hosts, ports, self; every policy must allow', () => {
    expect(verdict({ 'content-security-policy': 'frame-ancestors *' })).toBeUndefined();
    expect(verdict({ 'content-security-policy': 'frame-ancestors https:' })).toBeUndefined();
    expect(verdict({ 'content-security-policy': 'frame-ancestors *.example.com' })).toBeUndefined();
    expect(verdict({ 'content-security-policy': 'frame-ancestors https://portal.example.com:443' })).toBeUndefined();
    expect(verdict({ 'content-security-policy': 'frame-ancestors https://portal.example.com:8443' })).toContain('leaves out https://portal.example.com');
    expect(verdict({ 'content-security-policy': "frame-ancestors 'self'" })).toContain('refuses');
    expect(verdict({ 'content-security-policy': "frame-ancestors 'self'" }, 'https://grafana.example.com')).toBeUndefined();
    expect(verdict({ 'content-security-policy': "frame-ancestors *, frame-ancestors 'none'" })).toContain("frame-ancestors 'none'");
    expect(verdict({ 'content-security-policy': "default-src 'self'" })).toBeUndefined();
  });

  it('X-Frame-Options: DENY, SAMEORIGIN by origin, conflicting values as DENY, ignored beside frame-ancestors', () => {
    expect(verdict({ 'x-frame-options': 'deny' })).toBe('Grafana refuses to be embedded here (X-Frame-Options: deny) — set [security] allow_embedding = true');
    expect(verdict({ 'x-frame-options': 'SAMEORIGIN' }, 'https://grafana.example.com')).toBeUndefined();
    expect(verdict({ 'x-frame-options': 'SAMEORIGIN, ALLOWALL' }, 'https://grafana.example.com')).toContain('refuses');
    expect(verdict({ 'x-frame-options': 'ALLOWALL' })).toBeUndefined();
    expect(verdict({ 'x-frame-options': 'DENY', 'content-security-policy': `frame-ancestors ${PAGE}` })).toBeUndefined();
  });

  it('statuses: 404 not found, others their usual kinds', () => {
    expect(frameVerdict({ status: 404, headers: {} }, PAGE, GRAFANA)?.kind).toBe('not-found');
    expect(frameVerdict({ status: 503, headers: { 'retry-after': '60' } }, PAGE, GRAFANA)).toMatchObject({ kind: 'unavailable', retryAfterMs: 60_000 });
    expect(frameVerdict({ status: 403, headers: {} }, PAGE, GRAFANA)?.reason).toBe('No access');
  });
});
