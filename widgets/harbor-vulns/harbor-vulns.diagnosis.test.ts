import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { diagnose, validate } from '../kit/index.js';
import { UPSTREAM_DIR } from '../kit/testing/conformance.js';
import { expectProblems } from '../kit/testing/diagnosis.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, waitForState } from '../kit/testing/mount.js';
import { requests, useHandlers } from '../kit/testing/msw.js';
import { vulnerabilityReportsSchema, type VulnerabilityReports } from './harbor-vulns.api.js';
import './harbor-vulns.js';
import type { HarborVulns } from './harbor-vulns.component.js';
import { HARBOR_RULES } from './harbor-vulns.diagnosis.js';
import { readScan, type ArtifactView } from './harbor-vulns.model.js';
import { SLUG, V11, newestVulnerable, newestVulnerableReport, untaggedFailed } from './fixtures/artifacts.js';
import { harborHandlers } from './fixtures/handlers.js';

const DIR = '../../../shared/fixtures/upstream/harbor';
const upstream = import.meta.glob('../../../shared/fixtures/upstream/harbor/*.json', { eager: true, import: 'default' });
const realReport = upstream[`${DIR}/artifact-vulnerabilities-trivy-subset.json`];
if (realReport === undefined) console.warn(`[diagnosis] ${UPSTREAM_DIR}/harbor not found: Harbor rules NOT checked against real responses.`);

const view = (artifact: typeof newestVulnerable, tags = ['1.8.2']): ArtifactView => ({
  digest: artifact.digest, tags: tags.map((name) => ({ name })), scan: readScan(artifact.scan_overview),
});
const link = (digest: string) => `https://harbor.example.com/harbor/projects/7/repositories/guestbook%252Fweb/artifacts-tab/artifacts/${digest}`;
const run = (artifacts: ArtifactView[], report?: VulnerabilityReports) => diagnose(HARBOR_RULES, { artifacts, report, link });

describe(`harbor-vulns diagnosis against ${UPSTREAM_DIR}/harbor`, () => {
  it.skipIf(realReport === undefined)('the real Trivy report parses; it has no critical, so no critical-fixable finding', () => {
    const report = validate(vulnerabilityReportsSchema, realReport);
    expect(run([view(newestVulnerable)], report).map((d) => d.rule)).toEqual([]);
  });

  it.skipIf(realReport === undefined)('critical-fixable reads package, version and fix_version as the real report carries them', () => {
    const report = validate(vulnerabilityReportsSchema, realReport);
    // The same real findings, with libc-bin's (the one with a fix_version) raised to Critical.
    const raised = Object.fromEntries(Object.entries(report).map(([key, value]) => [key, {
      ...value,
      vulnerabilities: (value.vulnerabilities ?? []).map((v) => (v.package === 'libc-bin' ? { ...v, severity: 'Critical' } : v)),
    }]));
    const found = run([view(newestVulnerable)], raised);
    expect(found.map((d) => [d.rule, d.subject, d.seen, d.fixDetail])).toEqual([
      ['critical-fixable', 'libc-bin 2.31-13+deb11u3 in 1.8.2', 'CVE-2021-3999 (critical)', 'Fixed in libc-bin 2.31-13+deb11u4.'],
    ]);
  });
});

describe('harbor-vulns diagnosis (project fixtures)', () => {
  it('critical-fixable: one finding per package, with the fixed version and the artifact link', () => {
    const found = run([view(newestVulnerable)], newestVulnerableReport);
    expect(found.map((d) => [d.rule, d.subject, d.fixDetail])).toEqual([
      ['critical-fixable', 'libssl3 3.0.11-1~deb12u2 in 1.8.2', 'Fixed in libssl3 3.0.14-1~deb12u1.'],
    ]);
    expect(found[0]?.link).toBe(link(newestVulnerable.digest));
  });

  it('critical-fixable-summary: the counts when the full report could not be read', () => {
    expect(run([view(newestVulnerable)]).map((d) => [d.rule, d.seen])).toEqual([['critical-fixable-summary', '1 critical; 9 of all findings fixable']]);
  });

  it('scan-failed: the newest image could not be scanned', () => {
    expect(run([view(untaggedFailed, [])]).map((d) => [d.rule, d.subject])).toEqual([['scan-failed', untaggedFailed.digest.slice(0, 19)]]);
  });

  it('a critical without a fixed version is not a critical-fixable finding', () => {
    const report = { [V11]: { vulnerabilities: [{ id: 'CVE-1', package: 'zlib1g', version: '1', fix_version: '', severity: 'Critical' }] } };
    expect(run([view(newestVulnerable)], report)).toEqual([]);
  });
});

describe('harbor-vulns: the Problems region in the card', () => {
  it('reads the newest image’s report once and names the package to upgrade, axe-clean in light and dark', async () => {
    useHandlers(...harborHandlers({ scenario: 'mixed' }));
    const { element } = await mountWidget<HarborVulns>(html`<harbor-vulns repository-slug=${SLUG} refresh-interval="0"></harbor-vulns>`, fakeHost());
    await waitForState(element, 'ready');
    const region = await expectProblems(element, SLUG, ['critical-fixable']);
    expect(region.textContent).toContain('Fixed in libssl3 3.0.14-1~deb12u1.');
    expect(requests('/additions/vulnerabilities')).toHaveLength(1);
  });

  it('no report request when the newest image has no critical finding', async () => {
    useHandlers(...harborHandlers({ scenario: 'clean' }));
    const { element } = await mountWidget<HarborVulns>(html`<harbor-vulns repository-slug=${SLUG} refresh-interval="0"></harbor-vulns>`, fakeHost());
    await waitForState(element, 'ready');
    expect(requests('/additions/vulnerabilities')).toHaveLength(0);
  });
});
