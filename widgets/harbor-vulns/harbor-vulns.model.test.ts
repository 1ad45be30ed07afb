import { describe, expect, it } from 'vitest';
import { REPORT_MIME_TYPES, formatBytes, parseSlug, pickReport, readScan, scanHeadline, shortDigest } from './harbor-vulns.model.js';

const [V11, V10] = REPORT_MIME_TYPES;

describe('harbor-vulns: repository slug', () => {
  it('reads project/repo, repository names with slashes and a registry host', () => {
    expect(parseSlug('storefront/web')).toEqual({ project: 'storefront', repository: 'web' });
    expect(parseSlug('storefront/guestbook/web')).toEqual({ project: 'storefront', repository: 'guestbook/web' });
    expect(parseSlug('harbor.example.com/storefront/web')).toEqual({ host: 'harbor.example.com', project: 'storefront', repository: 'web' });
    expect(parseSlug('localhost:5000/storefront/a/b')).toEqual({ host: 'localhost:5000', project: 'storefront', repository: 'a/b' });
    expect(parseSlug(' /storefront/web/ ')).toEqual({ project: 'storefront', repository: 'web' });
  });

  it('a host alone with one part is a project, not a host', () => {
    expect(parseSlug('my.project/web')).toEqual({ project: 'my.project', repository: 'web' });
  });

  it('rejects slugs that name no repository or walk up a path', () => {
    for (const bad of ['', 'storefront', 'storefront/..', '../x/y', undefined]) expect(parseSlug(bad)).toBeUndefined();
  });
});

describe('harbor-vulns: scan overview', () => {
  it('prefers the 1.1 report key and falls back to 1.0', () => {
    expect(pickReport({ [V10 ?? '']: 'old', [V11 ?? '']: 'new' })).toEqual({ type: V11, report: 'new' });
    expect(pickReport({ [V10 ?? '']: 'old' })).toEqual({ type: V10, report: 'old' });
    expect(pickReport({ 'application/spdx+json': 'sbom' })).toBeUndefined();
    expect(pickReport({ 'application/vnd.security.vulnerability.report;version=1.1': 'tight' })?.report).toBe('tight');
  });

  it('counts per severity from a finished scan (severities with no finding are left out upstream)', () => {
    const scan = readScan({ [V10 ?? '']: { scan_status: 'Success', end_time: '2026-01-01T10:00:00Z', summary: { total: 9, fixable: 2, summary: { High: 4, Low: 5 } } } });
    expect(scan).toMatchObject({ state: 'success', counts: { critical: 0, high: 4, medium: 0, low: 5 }, total: 9, fixable: 2 });
    expect(scanHeadline(scan)).toBe('4 high, 5 low');
  });

  it('keeps not scanned, queued, running, stopped and failed as states, never as zero counts', () => {
    expect(readScan(undefined)).toEqual({ state: 'not-scanned' });
    expect(readScan({})).toEqual({ state: 'not-scanned' });
    for (const [status, state] of [['Pending', 'queued'], ['Scheduled', 'queued'], ['Running', 'running'], ['Stopped', 'stopped'], ['Error', 'error'], ['Odd', 'unknown']] as const) {
      const scan = readScan({ [V11 ?? '']: { scan_status: status, summary: { total: 0, summary: {} } } });
      expect(scan.state).toBe(state);
      expect(scan.counts).toBeUndefined();
    }
    expect(scanHeadline(readScan({ [V11 ?? '']: { scan_status: 'Running', complete_percent: 40 } }))).toBe('Scanning (40%)');
    expect(scanHeadline(readScan({ [V11 ?? '']: { scan_status: 'Success', summary: { total: 0, summary: {} } } }))).toBe('No vulnerabilities');
  });
});

describe('harbor-vulns: formatting', () => {
  it('formats sizes in binary units and shortens digests', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(48_211_942, 'en')).toBe('46.0 MiB');
    expect(formatBytes(undefined)).toBe('–');
    expect(shortDigest('sha256:0123456789abcdef0123')).toBe('sha256:0123456789ab');
  });
});
